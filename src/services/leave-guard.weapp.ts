// WeChat asks by itself: wx.enableAlertBeforeUnload shows its dialog when the page is left by the back button
// or the back gesture (not by navigateTo/redirectTo), with the page's message and WeChat's own 确定/取消.
import Taro from '@tarojs/taro'
import type { LeaveQuestion } from './leave-guard'

export function guardLeave(question: LeaveQuestion): () => void {
  Taro.enableAlertBeforeUnload({ message: `${question.title}${question.content}` })
  return () => Taro.disableAlertBeforeUnload()
}
