// The directory's map: on WeChat a map with a marker per NGO; in the browser nothing (the list only).
import type { DirectoryNgo } from '@core/ngos/contract'

export interface NgoMapProps {
  ngos: DirectoryNgo[]
  onOpen: (ngoId: string) => void
}

declare const NgoMap: (props: NgoMapProps) => JSX.Element | null
export default NgoMap
