// The picture on top of a call. Most grassroots calls have no photo: then a soft gradient with an icon
// chosen by the call's first matching tag, so the list still reads at a glance. Either is decoration (the title
// follows): hidden from screen readers.
import { Image, View } from '@tarojs/components'
import Icon, { type IconName } from '@components/Icon'
import { asImage, decorative } from '@components/a11y'
import './index.scss'

interface Theme {
  icon: IconName
  /** the icon's colour: dark enough on the gradient */
  ink: `#${string}`
  from: string
  to: string
}

const THEMES: Array<{ words: string[]; theme: Theme }> = [
  {
    words: ['植树', '治沙', '环保', '生态', '绿化'],
    theme: { icon: 'sprout', ink: '#067a3c', from: '#d9f5e4', to: '#9fdfb8' },
  },
  {
    words: ['河', '水', '海', '湿地'],
    theme: { icon: 'drop', ink: '#0b5cad', from: '#dcefff', to: '#a6d2f7' },
  },
  {
    words: ['助老', '养老', '陪伴'],
    theme: { icon: 'heart', ink: '#a35200', from: '#fff0df', to: '#ffd1a3' },
  },
  {
    words: ['支教', '教育', '读书', '儿童'],
    theme: { icon: 'book', ink: '#8a5a00', from: '#fff8d6', to: '#ffe48a' },
  },
  { words: ['动物', '流浪'], theme: { icon: 'paw', ink: '#6b3fa0', from: '#f3e6ff', to: '#d8b8f5' } },
  {
    words: ['社区', '助残', '帮扶'],
    theme: { icon: 'home', ink: '#0f6b5c', from: '#e6f4f1', to: '#b2dfd6' },
  },
]

const DEFAULT_THEME: Theme = { icon: 'hand', ink: '#067a3c', from: '#e8f8ef', to: '#b7e8cb' }

export function themeFor(tags: readonly string[]): Theme {
  for (const tag of tags) {
    const match = THEMES.find(({ words }) => words.some((word) => tag.includes(word)))
    if (match) return match.theme
  }
  return DEFAULT_THEME
}

interface Props {
  cover: string
  tags: readonly string[]
  /** card: the list thumbnail; hero: the top of the detail page */
  size: 'card' | 'hero'
}

export default function CallCover({ cover, tags, size }: Props) {
  const className = `call-cover call-cover--${size}`
  if (cover) return <Image className={className} src={cover} mode="aspectFill" lazyLoad {...asImage()} />
  const theme = themeFor(tags)
  return (
    <View
      className={className}
      style={{ backgroundImage: `linear-gradient(135deg, ${theme.from}, ${theme.to})` }}
      {...decorative()}
    >
      <Icon name={theme.icon} color={theme.ink} size={size === 'hero' ? 150 : 104} followText={false} />
    </View>
  )
}
