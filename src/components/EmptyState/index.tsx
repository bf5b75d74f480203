// The one way a page says "nothing here" or "that went wrong", with an optional way forward.
import { Button, Text, View } from '@tarojs/components'
import './index.scss'

interface Props {
  icon?: string
  title: string
  description?: string
  actionText?: string
  onAction?: () => void
}

export default function EmptyState({ icon = '🍃', title, description, actionText, onAction }: Props) {
  return (
    <View className="empty-state">
      <Text className="empty-state__icon">{icon}</Text>
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
