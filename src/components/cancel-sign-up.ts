// Giving back a seat or leaving the waitlist, behind a dialog that says what it costs. A seat given back after
// the call's cancellation cutoff is recorded as a late drop-out the organizer sees: the volunteer hears it before
// tapping, not after.
import Taro from '@tarojs/taro'
import type { CallDetail } from '@core/calls/contract'
import { isLateDropOut } from '@core/calls/rules'
import { cancelSignUp } from '@services/cloud/api'
import { labelOfSlot } from '@components/SlotPicker/slots-view'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** The notice the organizer asked for, as a person says it: 「24 小时」, 「1.5 小时」, 「30 分钟」. */
export function noticeSpan(ms: number): string {
  if (ms < HOUR) return `${Math.max(1, Math.round(ms / MINUTE))} 分钟`
  return `${Math.round((ms / HOUR) * 10) / 10} 小时`
}

interface DialogText {
  title: string
  content: string
  confirmText: string
}

/** The caller's sign-up the dialog is about: the one for `slot`, or (a call of one slot) their only one. */
function signUpOf(call: CallDetail, slot?: string) {
  return slot === undefined ? call.mySignUp : call.mySignUps.find((signUp) => signUp.slot === slot)
}

/**
 * What the confirm dialog says for the caller's own sign-up on this call, at `now`; with `slot`, for that slot of a
 * call of several (its session and role named, so the right one is given back).
 */
export function cancelDialogText(call: CallDetail, now: number, slot?: string): DialogText {
  const which = slot === undefined ? '' : ` ${labelOfSlot(call, slot)} `
  if (signUpOf(call, slot)?.status === 'waitlisted') {
    return {
      title: '退出候补',
      content: `确定退出「${call.title}」${which}的候补吗？之后再报名需要重新排队。`,
      confirmText: '退出候补',
    }
  }
  if (call.cancelCutoff !== undefined && isLateDropOut(call, now)) {
    return {
      title: '临时退出',
      content: `距活动开始已不足 ${noticeSpan(call.startAt - call.cancelCutoff)}，现在取消将记为临时退出，组织者会看到。确定取消吗？`,
      confirmText: '仍要取消',
    }
  }
  return {
    title: '取消报名',
    content: `确定取消「${call.title}」${which}的报名吗？名额会让给其他志愿者。`,
    confirmText: '取消报名',
  }
}

/**
 * Asks, then cancels and says how it went; resolves true when the sign-up is cancelled. `onConfirmed` runs once
 * the volunteer has said yes, for the page to show the request under way. `slot`: which of the caller's slots on a
 * call of several.
 */
export async function confirmAndCancel(
  call: CallDetail,
  onConfirmed?: () => void,
  slot?: string,
): Promise<boolean> {
  const wasWaitlisted = signUpOf(call, slot)?.status === 'waitlisted'
  const text = cancelDialogText(call, Date.now(), slot)
  const { confirm } = await Taro.showModal({
    ...text,
    confirmColor: '#c92a2a',
    cancelText: '再想想',
  })
  if (!confirm) return false
  onConfirmed?.()
  const result = await cancelSignUp(slot === undefined ? { callId: call._id } : { callId: call._id, slot })
  if (!result.ok) {
    Taro.showToast({ title: result.message, icon: 'none' })
    return false
  }
  Taro.showToast({ title: wasWaitlisted ? '已退出候补' : '已取消报名', icon: 'success' })
  return true
}
