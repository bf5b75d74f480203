// On WeChat: a map with one marker per NGO that has a map point; tapping a marker's bubble opens its profile.
import { Map } from '@tarojs/components'
import type { NgoMapProps } from './NgoMap'

/** China's middle, zoomed out to show the whole country when nothing is on the map yet. */
const CHINA = { latitude: 35.8, longitude: 104.1, scale: 4 }

export default function NgoMap({ ngos, onOpen }: NgoMapProps) {
  const placed = ngos.filter((n) => n.location)
  const markers = placed.map((n, i) => ({
    id: i,
    latitude: n.location?.lat ?? 0,
    longitude: n.location?.lng ?? 0,
    title: n.name,
    width: 28,
    height: 36,
    iconPath: '',
    callout: {
      content: n.name,
      display: 'BYCLICK' as const,
      padding: 6,
      borderRadius: 6,
      color: '#1d2129',
      fontSize: 13,
      anchorX: 0,
      anchorY: 0,
      bgColor: '#ffffff',
      borderWidth: 0,
      borderColor: '#ffffff',
      textAlign: 'center' as const,
    },
  }))
  return (
    <Map
      className="ngo-map"
      latitude={CHINA.latitude}
      longitude={CHINA.longitude}
      scale={CHINA.scale}
      markers={markers}
      includePoints={placed.map((n) => ({ latitude: n.location?.lat ?? 0, longitude: n.location?.lng ?? 0 }))}
      onCalloutTap={(e) => onOpen(placed[Number(e.detail.markerId)]._id)}
      onError={() => undefined}
    />
  )
}
