// The one way a page says "nothing here" or "that went wrong", with an optional way forward.
import { Button, Text, View } from '@tarojs/components'
import Icon, { type IconName } from '@components/Icon'
import { ICON_NAMES } from '@components/Icon/icons'
import { decorative } from '@components/a11y'
import './index.scss'

interface Props {
  /**
   * decoration (the title says it): one of the app's icons. An emoji string is still drawn as text for the pages
   * that pass one (the NGO console's), though a phone without an emoji font shows a box.
   */
  icon?: IconName | (string & Record<never, never>)
  title: string
  description?: string
  actionText?: string
  onAction?: () => void
}

export default function EmptyState({ icon = 'leaf', title, description, actionText, onAction }: Props) {
  return (
    <View className="empty-state">
      <View className="empty-state__icon">
        {(ICON_NAMES as string[]).includes(icon) ? (
          <Icon name={icon as IconName} size={96} color="muted" />
        ) : (
          <Text className="empty-state__emoji" {...decorative()}>
            {icon}
          </Text>
        )}
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
