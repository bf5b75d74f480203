// The outbox messages a change of a sign-up or a call queues. Each `_id` is derived from what it
// reports, so writing the same message twice (a retry, two instances doing the same work) stores it once.
// `data` holds short texts that fit WeChat's subscribe-message fields (`thing` ≤ 20 characters).
import { formatChinaTime } from '@core/shared/china-time'
import { charCount } from '@core/shared/validation'
import type { Call, Message, MessageKind, Notice, SignUp } from '@core/model'

/** The longest text a `thing` field takes. */
export const THING_MAX_LENGTH = 20

/** China has one time zone and no daylight saving: UTC+8 all year. */

/** `text` cut to `max` characters (an ellipsis marks the cut), as a template field would refuse it whole. */
export function fitText(text: string, max = THING_MAX_LENGTH): string {
  const chars = Array.from(text.trim())
  if (chars.length <= max) return chars.join('')
  return chars.slice(0, max - 1).join('') + '…'
}

type CallFacts = Pick<Call, '_id' | 'title' | 'startAt' | 'city' | 'address'>
type SignUpFacts = Pick<SignUp, '_id' | 'openid'>

/** A waitlisted volunteer got a seat. One per promotion: re-joining the waitlist later is another promotion. */
export function promotedMessage(
  call: CallFacts,
  signUp: SignUpFacts & Pick<SignUp, 'waitlistedAt'>,
  now: number,
): Message {
  return message('promoted', `${signUp._id}_${signUp.waitlistedAt?.getTime() ?? 0}`, call, signUp, now, {
    title: fitText(call.title),
    time: formatChinaTime(call.startAt),
    place: placeOf(call),
    note: '候补成功，你已获得名额',
  })
}

/** The organizer changed the time or place; `editVersion` makes each edit one message per volunteer. */
export function changedMessage(
  call: CallFacts & { editVersion: number },
  signUp: SignUpFacts,
  now: number,
): Message {
  return message('changed', `${signUp._id}_v${call.editVersion}`, call, signUp, now, {
    title: fitText(call.title),
    time: formatChinaTime(call.startAt),
    place: placeOf(call),
    note: '活动时间或地点有变动',
  })
}

/** The call was cancelled: one message per sign-up, however often the cancellation is retried. */
export function cancelledMessage(
  call: CallFacts,
  signUp: SignUpFacts,
  now: number,
  reason?: string,
): Message {
  return message('cancelled', signUp._id, call, signUp, now, {
    title: fitText(call.title),
    time: formatChinaTime(call.startAt),
    note: fitText(reason && charCount(reason) > 0 ? reason : '活动已取消'),
  })
}

/** An organizer's notice (messages/contract.ts): one message per sign-up and notice, however often it is retried. */
export function noticeMessage(
  call: CallFacts,
  signUp: SignUpFacts,
  notice: Pick<Notice, '_id' | 'text'>,
  now: number,
): Message {
  return message('notice', `${signUp._id}_${notice._id}`, call, signUp, now, {
    title: fitText(call.title),
    time: formatChinaTime(call.startAt),
    place: placeOf(call),
    note: fitText(notice.text),
  })
}

function placeOf(call: Pick<Call, 'city' | 'address'>): string {
  return fitText(call.address.includes(call.city) ? call.address : `${call.city} ${call.address}`)
}

function message(
  kind: MessageKind,
  key: string,
  call: Pick<Call, '_id'>,
  signUp: SignUpFacts,
  now: number,
  data: Record<string, string>,
): Message {
  return {
    _id: `${kind}_${key}`,
    kind,
    openid: signUp.openid,
    callId: call._id,
    signUpId: signUp._id,
    templateId: '',
    data,
    sendAt: now,
    status: 'pending',
    attempts: 0,
    leaseUntil: 0,
    lastError: '',
    createdAt: now,
  }
}
