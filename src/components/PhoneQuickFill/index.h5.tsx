// In the browser there is no WeChat account to take a number from: the volunteer types it.
import type { PhoneQuickFillProps } from './index'

export default function PhoneQuickFill(_props: PhoneQuickFillProps) {
  return null
}
