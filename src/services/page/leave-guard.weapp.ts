// WeChat asks by itself: wx.enableAlertBeforeUnload shows its dialog when the page is left by the back button
// or the back gesture (not by navigateTo/redirectTo), with the page's message and WeChat's own 确定/取消.
import Taro from '@tarojs/taro'
import type { LeaveQuestion } from './leave-guard'

// Base libraries before 2.12 have neither API (Taro then has no such function): the guard is skipped, the draft
// is still kept.
export function guardLeave(question: LeaveQuestion): () => void {
  if (typeof Taro.enableAlertBeforeUnload !== 'function') return () => undefined
  Taro.enableAlertBeforeUnload({ message: `${question.title}${question.content}` })
  return () => Taro.disableAlertBeforeUnload?.()
}
