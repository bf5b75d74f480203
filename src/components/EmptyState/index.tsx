// The one way a page says "nothing here" or "that went wrong", with an optional way forward.
import { Button, Text, View } from '@tarojs/components'
import Icon, { type IconName } from '@components/Icon'
import './index.scss'

interface Props {
  /** decoration (the title says it): one of the app's icons, never an emoji (a phone without an emoji font shows a box) */
  icon?: IconName
  title: string
  description?: string
  actionText?: string
  onAction?: () => void
}

export default function EmptyState({ icon = 'leaf', title, description, actionText, onAction }: Props) {
  return (
    <View className="empty-state">
      <View className="empty-state__icon">
        <Icon name={icon} size={96} color="muted" />
      </View>
      <Text className="empty-state__title">{title}</Text>
      {description && <Text className="empty-state__description">{description}</Text>}
      {actionText && onAction && (
        <Button className="empty-state__action" onClick={onAction}>
          {actionText}
        </Button>
      )}
    </View>
  )
}
