// The outbox messages a change of a sign-up or a call queues. Each `_id` is derived from what it
// reports, so writing the same message twice (a retry, two instances doing the same work) stores it once.
// `data` holds short texts that fit WeChat's subscribe-message fields (`thing` ≤ 20 characters). A message about a
// sign-up speaks of its slot: its session's time and place, and its role's name in the note.
import { parseSlotKey, slotOfSignUp } from '@core/calls/slots'
import { formatChinaTime } from '@core/shared/china-time'
import { charCount } from '@core/shared/validation'
import type { Call, CallSession, Message, MessageKind, Notice, SignUp } from '@core/model'

/** The longest text a `thing` field takes. */
export const THING_MAX_LENGTH = 20

/** `text` cut to `max` characters (an ellipsis marks the cut), as a template field would refuse it whole. */
export function fitText(text: string, max = THING_MAX_LENGTH): string {
  const chars = Array.from(text.trim())
  if (chars.length <= max) return chars.join('')
  return chars.slice(0, max - 1).join('') + '…'
}

/** What a message needs of a call; a call of several sessions or roles also gives them. */
export type CallFacts = Pick<Call, '_id' | 'title' | 'startAt' | 'city' | 'address'> &
  Partial<Pick<Call, 'sessions' | 'roles'>>
/** What a message needs of a sign-up: whom it goes to, and the slot it speaks of (absent: `s1`). */
export type SignUpFacts = Pick<SignUp, '_id' | 'openid'> & Partial<Pick<SignUp, 'slot'>>

/** When and where a slot is, as a message says it. */
export interface SlotFacts {
  /** its session's start (the call's own for a call of one session, or a slot of no session of the call) */
  startAt: number
  /** `place` field text: the session's own address if it has one, else the call's, with the city */
  place: string
  /** what names the slot beside its time: the session's name and the role's (「第一批 · 引导员」), if it has them */
  role?: string
}

/** The session a slot belongs to (undefined: the call has no such session, e.g. a stale sign-up). */
function sessionOf(call: CallFacts, slot: string): CallSession | undefined {
  const { sessionId } = parseSlotKey(slot)
  if (!call.sessions?.length) return undefined
  return call.sessions.find((session) => session.id === sessionId)
}

/**
 * The time, place and role of a sign-up's slot. A call of one session (no `sessions`) reads as before: its own
 * start and address. `session` given (the organizer's edit, newer than `call`), it is taken as the slot's session.
 */
export function slotFacts(
  call: CallFacts,
  signUp: Partial<Pick<SignUp, 'slot'>>,
  session?: CallSession,
): SlotFacts {
  const slot = slotOfSignUp(signUp)
  const at = session ?? sessionOf(call, slot)
  const { roleId } = parseSlotKey(slot)
  const roleName = roleId ? call.roles?.find((r) => r.id === roleId)?.name : undefined
  const role = [at?.name, roleName].filter(Boolean).join(' · ')
  return {
    startAt: at?.startAt ?? call.startAt,
    place: placeOf(call, at),
    ...(role ? { role } : {}),
  }
}

/** A note with the slot's names in front when it has them (「引导员 · 候补成功，你已获得名额」), cut to a field. */
export function noteFor(note: string, role?: string): string {
  return fitText(role ? `${role} · ${note}` : note)
}

/** A waitlisted volunteer got a seat. One per promotion: re-joining the waitlist later is another promotion. */
export function promotedMessage(
  call: CallFacts,
  signUp: SignUpFacts & Pick<SignUp, 'waitlistedAt'>,
  now: number,
): Message {
  const slot = slotFacts(call, signUp)
  return message('promoted', `${signUp._id}_${signUp.waitlistedAt?.getTime() ?? 0}`, call, signUp, now, {
    title: fitText(call.title),
    time: formatChinaTime(slot.startAt),
    place: slot.place,
    note: noteFor('候补成功，你已获得名额', slot.role),
  })
}

/** The organizer changed the time or place; `editVersion` makes each edit one message per volunteer. */
export function changedMessage(
  call: CallFacts & { editVersion: number },
  signUp: SignUpFacts,
  now: number,
): Message {
  const slot = slotFacts(call, signUp)
  return message('changed', `${signUp._id}_v${call.editVersion}`, call, signUp, now, {
    title: fitText(call.title),
    time: formatChinaTime(slot.startAt),
    place: slot.place,
    note: noteFor('活动时间或地点有变动', slot.role),
  })
}

/** The call was cancelled: one message per sign-up, however often the cancellation is retried. */
export function cancelledMessage(
  call: CallFacts,
  signUp: SignUpFacts,
  now: number,
  reason?: string,
): Message {
  const slot = slotFacts(call, signUp)
  return message('cancelled', signUp._id, call, signUp, now, {
    title: fitText(call.title),
    time: formatChinaTime(slot.startAt),
    place: slot.place,
    note: fitText(said(reason) ?? '活动已取消'),
  })
}

/**
 * One session of the call moved or changed its place: `session` as it is now, `signUp` one of that session's
 * (confirmed or waitlisted). `version` is the edit's number (the call's `editVersion` after the edit): a retried
 * edit writes the same ids, a later edit of the session new ones. Ids never meet a whole call's `changed` ones.
 */
export function sessionChangedMessage(
  call: CallFacts,
  session: CallSession,
  signUp: SignUpFacts,
  version: number,
  now: number,
): Message {
  const slot = slotFacts(call, signUp, session)
  return message('changed', `${signUp._id}_${session.id}_v${version}`, call, signUp, now, {
    title: fitText(call.title),
    time: formatChinaTime(slot.startAt),
    place: slot.place,
    note: noteFor('本场时间或地点有变动', slot.role),
  })
}

/**
 * One session of the call was cancelled (the rest go on): one message per sign-up of it, however often the
 * cancel is retried; `reason` is the organizer's words (empty: 「本场活动已取消」).
 */
export function sessionCancelledMessage(
  call: CallFacts,
  session: CallSession,
  signUp: SignUpFacts,
  reason: string | undefined,
  now: number,
): Message {
  const slot = slotFacts(call, signUp, session)
  return message('cancelled', `${signUp._id}_${session.id}`, call, signUp, now, {
    title: fitText(call.title),
    time: formatChinaTime(slot.startAt),
    place: slot.place,
    note: fitText(said(reason) ?? noteFor('本场活动已取消', slot.role)),
  })
}

/** An organizer's notice (messages/contract.ts): one message per sign-up and notice, however often it is retried. */
export function noticeMessage(
  call: CallFacts,
  signUp: SignUpFacts,
  notice: Pick<Notice, '_id' | 'text'>,
  now: number,
): Message {
  const slot = slotFacts(call, signUp)
  return message('notice', `${signUp._id}_${notice._id}`, call, signUp, now, {
    title: fitText(call.title),
    time: formatChinaTime(slot.startAt),
    place: slot.place,
    note: fitText(notice.text),
  })
}

/** The organizer's words, if they said any. */
function said(reason: string | undefined): string | undefined {
  return reason && charCount(reason.trim()) > 0 ? reason : undefined
}

/** The `place` text: the session's own address if it has one, else the call's; the city in front unless named. */
function placeOf(call: Pick<Call, 'city' | 'address'>, session?: Pick<CallSession, 'address'>): string {
  const address = session?.address?.trim() || call.address
  return fitText(address.includes(call.city) ? address : `${call.city} ${address}`)
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
