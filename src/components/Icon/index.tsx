// One icon of the app's set (./icons.ts), drawn as an SVG image: the same on WeChat and in the browser, and no emoji
// (Debian's Chromium and some Android phones have no emoji font and show boxes). An icon that says something
// gets a `label` for screen readers; one beside words that say the same is decoration and is hidden from them.
import { Image } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { asImage } from '@components/a11y'
import { iconUri, type IconName } from './icons'
import './index.scss'

export type { IconName } from './icons'

/** the palette's colours an icon comes in (theme.scss): each at least 3:1 on white */
export const ICON_COLORS = {
  text: '#4e5969',
  muted: '#646a73',
  brand: '#067a3c',
  warn: '#a35200',
  danger: '#c92a2a',
  white: '#ffffff',
} as const

interface Props {
  name: IconName
  /** in the 750-wide design px of the stylesheets, at the standard font size */
  size?: number
  /** grow with the reader's font size, as the words beside it do (the default); false for pictures (a cover's) */
  followText?: boolean
  /** a palette colour, or a hex for decoration (the cover art) */
  color?: keyof typeof ICON_COLORS | `#${string}`
  /** what the icon means, read by screen readers; leave out when the words next to it say it */
  label?: string
  className?: string
}

export default function Icon({
  name,
  size = 32,
  color = 'text',
  label,
  className,
  followText = true,
}: Props) {
  // text-size() of theme.scss: 32 design px to the rem
  const side = followText ? `${size / 32}rem` : Taro.pxTransform(size)
  return (
    <Image
      className={`icon ${className ?? ''}`}
      src={iconUri(name, color.startsWith('#') ? color : ICON_COLORS[color as keyof typeof ICON_COLORS])}
      style={{ width: side, height: side }}
      {...asImage(label)}
    />
  )
}
