// The messages part of the API contract (src/core/contract.ts).
// Subscribe messages: which templates to ask the volunteer for, and what they accepted.
// Notices: an organizer's message to a call's sign-ups. Each notice is kept and shown in the mini program to
// those it addressed, and queued as a subscribe message (the 活动变更/取消通知 template) to each of them; WeChat
// delivers it only to those holding an acceptance for that template.
import type { NoticeAudience } from '@core/model'
import type { TemplateKind } from './templates'

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

export type SubscribeTemplatesRequest = Record<string, never>

export interface SubscribeTemplate {
  kind: TemplateKind
  id: string
  title: string
}

/** The environment's templates, in the order to ask for them (at most 3 per request, WeChat's limit). */
export interface SubscribeTemplatesResponse {
  templates: SubscribeTemplate[]
}

/**
 * What the volunteer accepted in WeChat's subscribe sheet for their sign-up to `callId` (template ids; the
 * refused ones left out). Each accepted id counts one message more. Errors: NOT_SIGNED_UP (no active sign-up),
 * INVALID_INPUT (an id that is not one of the templates), UNAUTHENTICATED.
 */
export interface RecordSubscriptionsRequest {
  callId: string
  accepted: string[]
  /** one per tap in the subscribe sheet: a retried report of the same tap is counted once */
  requestId: string
}

export interface RecordSubscriptionsResponse {
  /** acceptances now on record for this sign-up, by template id */
  subscriptions: Record<string, number>
  /** whether an 活动开始提醒 can be sent for this sign-up */
  reminder: boolean
}

export interface ReminderContract {
  subscribeTemplates: { req: SubscribeTemplatesRequest; res: SubscribeTemplatesResponse }
  recordSubscriptions: { req: RecordSubscriptionsRequest; res: RecordSubscriptionsResponse }
}

/** WeChat asks for at most 3 templates at a time. */
export const MAX_TEMPLATES_PER_REQUEST = 3
