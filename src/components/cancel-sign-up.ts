// Giving back a seat or leaving the waitlist, behind a dialog that says what it costs. A seat given back late (after
// the call's cutoff, or within its lead before the seat's own session) is recorded as a late drop-out the organizer
// sees: the volunteer hears it before tapping, not after.
import Taro from '@tarojs/taro'
import type { CallDetail } from '@core/calls/contract'
import { lateFrom } from '@core/calls/rules'
import { parseSlotKey } from '@core/calls/slots'
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

/** When the session of `slot` starts (no slot, or one of no session: the call's own start). */
export function sessionStart(call: Pick<CallDetail, 'startAt' | 'sessions'>, slot?: string): number {
  if (slot === undefined) return call.startAt
  const { sessionId } = parseSlotKey(slot)
  return call.sessions.find((session) => session.id === sessionId)?.startAt ?? call.startAt
}

/** The notice the call asks for before cancelling, in words: 「每场开始前 24 小时」; undefined if it asks none. */
export function cancelNotice(
  call: Pick<CallDetail, 'startAt' | 'cancelCutoff' | 'cancelLeadHours' | 'sessions'>,
) {
  if (call.cancelLeadHours !== undefined)
    return `${call.sessions.length > 1 ? '每场' : '活动'}开始前 ${call.cancelLeadHours} 小时内取消，记为临时退出`
  if (call.cancelCutoff !== undefined)
    return `活动开始前 ${noticeSpan(call.startAt - call.cancelCutoff)}内取消，记为临时退出`
  return undefined
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
  const start = sessionStart(call, slot)
  const late = lateFrom(call, start)
  if (late !== undefined && now >= late) {
    return {
      title: '临时退出',
      content: `距${slot === undefined ? '活动' : '本场'}开始已不足 ${noticeSpan(start - late)}，现在取消将记为临时退出，组织者会看到。确定取消吗？`,
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
