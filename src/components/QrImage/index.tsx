// A QR code as an image, drawn on the phone from the text (check-in codes change every minute: no round trip).
import { Image } from '@tarojs/components'
import { useMemo } from 'react'
import { asImage } from '@components/a11y'
import { qrDataUrl } from './qr'
import './index.scss'

interface Props {
  text: string
  /** dimmed while a fresh code is on its way */
  stale?: boolean
  id?: string
  /** what the code is, for screen readers (「签到码」) */
  label: string
}

export default function QrImage({ text, stale = false, id, label }: Props) {
  const src = useMemo(() => qrDataUrl(text), [text])
  return (
    <Image
      id={id}
      className={`qr-image ${stale ? 'qr-image--stale' : ''}`}
      src={src}
      mode="scaleToFill"
      {...asImage(label)}
    />
  )
}
