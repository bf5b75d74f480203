// On WeChat: the share button; the page's onShareAppMessage (Team) gives the card its invitation.
import { Button } from '@tarojs/components'
import type { InviteButtonProps } from './InviteButton'

export default function InviteButton(_props: InviteButtonProps) {
  return (
    <Button className="console-button console-button--primary" openType="share">
      发送邀请卡片
    </Button>
  )
}
