// A QR code as an image, drawn on the phone from the text (check-in codes change every minute: no round trip).
import { Image } from '@tarojs/components'
import { useMemo } from 'react'
import { qrDataUrl } from './qr'
import './index.scss'

interface Props {
  text: string
  /** dimmed while a fresh code is on its way */
  stale?: boolean
  id?: string
}

export default function QrImage({ text, stale = false, id }: Props) {
  const src = useMemo(() => qrDataUrl(text), [text])
  return (
    <Image id={id} className={`qr-image ${stale ? 'qr-image--stale' : ''}`} src={src} mode="scaleToFill" />
  )
}
