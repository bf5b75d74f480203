// The directory's map. Taro resolves `./NgoMap` to NgoMap.weapp.tsx (a map with a marker per NGO) or NgoMap.h5.tsx
// (nothing: the browser shows the list only); this file gives TypeScript the shared props.
import type { DirectoryNgo } from '@core/ngos/contract'

export interface NgoMapProps {
  ngos: DirectoryNgo[]
  onOpen: (ngoId: string) => void
}

export default function NgoMap(_props: NgoMapProps) {
  return null
}
