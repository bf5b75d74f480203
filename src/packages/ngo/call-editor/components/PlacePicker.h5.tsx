// In the browser there is no map picker: the address is typed.
import type { PlacePickerProps } from './PlacePicker'

export default function PlacePicker(_props: PlacePickerProps) {
  return null
}
