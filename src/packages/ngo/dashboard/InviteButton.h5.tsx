// In the browser: the invitation's link, to paste into any chat.
import { Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { invitePath } from '@core/ngos/ngo'
import type { InviteButtonProps } from './InviteButton'

export default function InviteButton({ code }: InviteButtonProps) {
  return (
    <Button
      className="console-button console-button--primary"
      onClick={() => Taro.setClipboardData({ data: `${location.origin}/#${invitePath(code)}` })}
    >
      复制邀请链接
    </Button>
  )
}
