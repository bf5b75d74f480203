// The notices of a call (their part of ApiContract): an organizer's message to the call's sign-ups. Each notice
// is kept and shown in the mini program to those it addressed, and queued as a subscribe message (the 活动变更/
// 取消通知 template) to each of them; WeChat delivers it only to those holding an acceptance for that template.
import { charCount } from '@core/calls/rules'
import type { NoticeAudience } from '@core/model'
import {
  asInput,
  cleanText,
  finish,
  notAnObject,
  readId,
  type FieldErrors,
  type Validation,
} from '@core/shared/validation'

export const NOTICE_MIN_LENGTH = 2
export const NOTICE_MAX_LENGTH = 200
/** Notices per call per China day: more would be spam to the volunteers, whose acceptances they also use up. */
export const NOTICES_PER_DAY = 5

/**
 * Sends a notice to the call's volunteers holding a seat, checked in or not (`confirmed`), or to them and its
 * waitlist (`all`); never to cancelled sign-ups or walk-ins. Organizers
 * of the call's NGO only. A retry with the same `requestId` sends nothing again and answers the same notice.
 * Errors: INVALID_INPUT (`fields.text`, `fields.audience`), CONTENT_RISKY (`fields.text`; nothing stored),
 * NOT_PUBLISHED (a draft), CALL_CANCELLED, NOTICE_LIMIT (the day's notices already sent), FORBIDDEN, NOT_FOUND.
 */
export interface NotifyVolunteersRequest {
  callId: string
  /** 2–200 characters, trimmed */
  text: string
  audience: NoticeAudience
  /** one per tap of 发送: a retried request sends once */
  requestId: string
}

export interface NoticeView {
  _id: string
  text: string
  audience: NoticeAudience
  /** who sent it: the organizer's name in the NGO, or the NGO's */
  from: string
  createdAt: number
}

export interface NotifyVolunteersResponse {
  notice: NoticeView
  /** sign-ups the notice was addressed to (each with a message queued) */
  addressed: number
  /** of them, those holding an acceptance for the template: they will get a WeChat message */
  withReminderAllowed: number
}

/**
 * The call's notices, newest first: all of them for its organizers, those addressed to the caller's sign-up for
 * a volunteer. Errors: NOT_SIGNED_UP (neither), NOT_FOUND, INVALID_INPUT, UNAUTHENTICATED.
 */
export interface CallNoticesRequest {
  callId: string
}

export interface CallNoticesResponse {
  notices: NoticeView[]
  /** notices the organizers may still send today */
  remainingToday?: number
}

export interface NoticeContract {
  notifyVolunteers: { req: NotifyVolunteersRequest; res: NotifyVolunteersResponse }
  callNotices: { req: CallNoticesRequest; res: CallNoticesResponse }
}

export const NOTICE_AUDIENCES: readonly NoticeAudience[] = ['confirmed', 'all']

export function validateNotifyVolunteers(input: unknown): Validation<NotifyVolunteersRequest> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const callId = readId(fields, 'callId', '活动', errors)
  const raw = fields.text
  const text = typeof raw === 'string' ? cleanText(raw, true) : ''
  if (raw !== undefined && raw !== null && typeof raw !== 'string') errors.text = '通知应为文字'
  else if (text === '') errors.text = '请填写通知内容'
  else if (charCount(text) < NOTICE_MIN_LENGTH) errors.text = `通知至少${NOTICE_MIN_LENGTH}个字`
  else if (charCount(text) > NOTICE_MAX_LENGTH) errors.text = `通知不能超过${NOTICE_MAX_LENGTH}个字`
  const audience = fields.audience as NoticeAudience
  if (!NOTICE_AUDIENCES.includes(audience)) errors.audience = '请选择通知对象'
  const requestId = readId(fields, 'requestId', '发送请求', errors)
  return finish(errors, { callId, text, audience, requestId })
}
