// A sign-up's status as a coloured tag: 已确认 / 候补第 N 位 / 已取消（临时退出） / 已签到 / 已签到 · 待确认时长 /
// 时长已确认 3.5 小时 / 未到场.
import { Text } from '@tarojs/components'
import type { SignUpView } from '@core/calls/contract'
import './index.scss'

type Shown = Pick<SignUpView, 'status' | 'waitRank' | 'lateDropOut' | 'hours' | 'hoursConfirmed'>

export function statusText({ status, waitRank, lateDropOut, hours, hoursConfirmed }: Shown): string {
  switch (status) {
    case 'confirmed':
      return '已确认'
    case 'waitlisted':
      return waitRank ? `候补第 ${waitRank} 位` : '候补中'
    case 'cancelled':
      return lateDropOut ? '已取消（临时退出）' : '已取消'
    case 'attended':
      if (hoursConfirmed && hours !== undefined) return `时长已确认 ${hours} 小时`
      return hours !== undefined ? '已签到 · 待确认时长' : '已签到'
    case 'no_show':
      return '未到场'
  }
}

interface Props {
  signUp: Shown
}

export default function StatusTag({ signUp }: Props) {
  return <Text className={`status-tag status-tag--${signUp.status}`}>{statusText(signUp)}</Text>
}
