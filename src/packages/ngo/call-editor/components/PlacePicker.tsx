// Where the call meets: on WeChat a chip that opens its map picker (address and map point); in the browser nothing.

export interface PickedPlace {
  address: string
  location: { lat: number; lng: number }
}

export interface PlacePickerProps {
  /** whether the call already has a map point */
  picked: boolean
  onPick: (place: PickedPlace) => void
}

declare const PlacePicker: (props: PlacePickerProps) => JSX.Element | null
export default PlacePicker
