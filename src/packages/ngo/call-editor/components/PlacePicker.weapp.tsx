// On WeChat: its map picker fills the address and the map point.
import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { asButton } from '@components/a11y'
import type { PlacePickerProps } from './PlacePicker'

export default function PlacePicker({ picked, onPick }: PlacePickerProps) {
  const pick = () =>
    Taro.chooseLocation({})
      .then((place) =>
        onPick({
          address: [place.address, place.name].filter(Boolean).join(' '),
          location: { lat: place.latitude, lng: place.longitude },
        }),
      )
      .catch(() => undefined) // closed without choosing

  return (
    <Text className="chip" onClick={pick} {...asButton(picked ? '更换地图选点' : '在地图上选点')}>
      {picked ? '已在地图上选点，点此更换' : '在地图上选点'}
    </Text>
  )
}
