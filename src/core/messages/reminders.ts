// Reminders before a session starts. They are not stored when someone signs up: the `remind` run writes them when they
// fall due, from the calls and sign-ups as they are then, so a moved start or a cancelled sign-up needs no
// bookkeeping. Each sign-up is reminded before its own slot's session (a call of one session: its own start), with
// the call's lead. A reminder's `_id` carries the start it announces: a session moved after its reminder was
// written gets a new one for the new time, and the old one (if still unsent) is recognised as stale and skipped.
import { fitText, noteFor, slotFacts, type CallFacts } from './messages'
import { parseSlotKey, sessionsOf, slotOfSignUp } from '@core/calls/slots'
import { formatChinaTime } from '@core/shared/china-time'
import type { Call, CallSession, Message, SignUp } from '@core/model'
import type { FieldErrors } from '@core/shared/validation'

export type ReminderLead = 24 | 2

/** When no lead was chosen: a day before. */
export const DEFAULT_REMINDER_LEAD: ReminderLead = 24

export const REMINDER_LEADS: readonly ReminderLead[] = [24, 2]

const HOUR_MS = 3_600_000

/** The lead an organizer chose, from a call form or an edit: absent stays absent; only 24 or 2 hours are offered. */
export function readReminderLead(
  fields: Record<string, unknown>,
  errors: FieldErrors,
): ReminderLead | undefined {
  const value = fields.reminderLeadHours
  if (value === undefined) return undefined
  if ((REMINDER_LEADS as readonly unknown[]).includes(value)) return value as ReminderLead
  errors.reminderLeadHours = '活动提醒只能选开始前 24 小时或 2 小时'
  return undefined
}

export function reminderLeadMs(call: Pick<Call, 'reminderLeadHours'>): number {
  return (call.reminderLeadHours ?? DEFAULT_REMINDER_LEAD) * HOUR_MS
}

/** The moment the reminders of a call (or of one session, with the call's lead) fall due. */
export function reminderDueAt(at: Pick<Call, 'startAt' | 'reminderLeadHours'>): number {
  return at.startAt - reminderLeadMs(at)
}

/** Due and still useful: from `startAt − lead` until the start. */
export function isReminderDue(at: Pick<Call, 'startAt' | 'reminderLeadHours'>, now: number): boolean {
  return now >= reminderDueAt(at) && now < at.startAt
}

type ReminderCall = Pick<Call, 'startAt' | 'endAt' | 'reminderLeadHours'> & Partial<Pick<Call, 'sessions'>>

/** The sessions whose reminders are due now: not cancelled, `start − lead ≤ now < start`. */
export function dueSessions(call: ReminderCall, now: number): CallSession[] {
  return sessionsOf(call).filter(
    (session) =>
      session.cancelledAt === undefined &&
      isReminderDue({ startAt: session.startAt, reminderLeadHours: call.reminderLeadHours }, now),
  )
}

/** The session a sign-up's reminder announces: its slot's (undefined: no such session in the call). */
export function reminderSession(
  call: Pick<Call, 'startAt' | 'endAt'> & Partial<Pick<Call, 'sessions'>>,
  signUp: Partial<Pick<SignUp, 'slot'>>,
): CallSession | undefined {
  const { sessionId } = parseSlotKey(slotOfSignUp(signUp))
  return sessionsOf(call).find((session) => session.id === sessionId)
}

export function reminderId(signUpId: string, startAt: number): string {
  return `reminder_${signUpId}_${startAt}`
}

/**
 * Why a written reminder should no longer go out ('' = it should): the sign-up gave its seat back, the call is
 * off, its session was cancelled or moved (a new reminder carries the new start), or it has started.
 */
export function staleReminderReason(
  messageId: string,
  signUp: Pick<SignUp, '_id' | 'status'> & Partial<Pick<SignUp, 'slot'>>,
  call: ReminderCall & Pick<Call, 'status'>,
  now: number,
): string {
  if (signUp.status !== 'confirmed') return 'the sign-up is no longer confirmed'
  if (call.status !== 'open' && call.status !== 'closed') return 'the call is no longer on'
  const session = reminderSession(call, signUp)
  if (!session || session.cancelledAt !== undefined) return 'the session was cancelled'
  if (messageId !== reminderId(signUp._id, session.startAt))
    return 'the call moved: a new reminder replaces this'
  if (!isReminderDue({ startAt: session.startAt, reminderLeadHours: call.reminderLeadHours }, now))
    return 'the call has started'
  return ''
}

/** 活动开始提醒 for one confirmed volunteer: its session's time and place, its role's name. */
export function reminderMessage(
  call: CallFacts & Pick<Call, 'endAt'>,
  signUp: Pick<SignUp, '_id' | 'openid'> & Partial<Pick<SignUp, 'slot'>>,
  now: number,
): Message {
  const slot = slotFacts(call, signUp, reminderSession(call, signUp))
  return {
    _id: reminderId(signUp._id, slot.startAt),
    kind: 'reminder',
    openid: signUp.openid,
    callId: call._id,
    signUpId: signUp._id,
    templateId: '',
    data: {
      title: fitText(call.title),
      time: formatChinaTime(slot.startAt),
      place: slot.place,
      note: noteFor('活动即将开始，请准时到达', slot.role),
    },
    sendAt: now,
    status: 'pending',
    attempts: 0,
    leaseUntil: 0,
    lastError: '',
    createdAt: now,
  }
}
