// In the browser the directory is the list: no map component to load.
import type { NgoMapProps } from './NgoMap'

export default function NgoMap(_props: NgoMapProps) {
  return null
}
