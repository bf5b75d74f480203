// A sign-up's status as a coloured tag: 已确认 / 候补第 N 位 / 已取消 / 已签到 / 未到场.
import { Text } from '@tarojs/components'
import type { SignUpStatus } from '../../core/types'
import './index.scss'

export function statusText(status: SignUpStatus, waitRank?: number): string {
  switch (status) {
    case 'confirmed':
      return '已确认'
    case 'waitlisted':
      return waitRank ? `候补第 ${waitRank} 位` : '候补中'
    case 'cancelled':
      return '已取消'
    case 'attended':
      return '已签到'
    case 'no_show':
      return '未到场'
  }
}

interface Props {
  status: SignUpStatus
  waitRank?: number
}

export default function StatusTag({ status, waitRank }: Props) {
  return <Text className={`status-tag status-tag--${status}`}>{statusText(status, waitRank)}</Text>
}
