// Business rules as pure functions of a stored document and the current time (epoch ms).
import type { Call, Ngo, Question, SlotCounters } from '@core/model'
import { lastStart } from './slots'

const HOUR_MS = 3_600_000

export const NAME_MAX_LENGTH = 20
export const TEXT_ANSWER_MAX_LENGTH = 200
export const TEXTAREA_ANSWER_MAX_LENGTH = 1000

/**
 * Seats a newcomer can take (never negative, even if a counter drifted above capacity). On a call of one slot
 * whose queue has people, none: free seats are then held for the party at its head (a family waiting for a third
 * place), and a newcomer joins the queue behind it (lib/waitlist/waitlist.ts I4).
 */
export function spotsLeft(
  call: Pick<Call, 'capacity' | 'confirmed'> & Partial<Pick<Call, 'waitlisted' | 'slots'>>,
): number {
  if (!call.slots && (call.waitlisted ?? 0) > 0) return 0
  return Math.max(0, call.capacity - call.confirmed)
}

export function isFull(call: Pick<Call, 'capacity' | 'confirmed'>): boolean {
  return spotsLeft(call) === 0
}

export function hasStarted(call: Pick<Call, 'startAt'>, now: number): boolean {
  return now >= call.startAt
}

/** Past = the activity is over; until then it is upcoming (it may be under way). */
export function isPast(call: Pick<Call, 'endAt'>, now: number): boolean {
  return now >= call.endAt
}

/**
 * Whether a new sign-up is accepted: published, before the deadline and before the start (of its last session, for
 * a call of several: each slot closes when its own session starts, slots.ts isSlotOpen).
 */
export function isSignupOpen(
  call: Pick<Call, 'status' | 'signupDeadline' | 'startAt' | 'endAt'> & Partial<Pick<Call, 'sessions'>>,
  now: number,
): boolean {
  return call.status === 'open' && now < call.signupDeadline && now < lastStart(call)
}

/** A newcomer may take this slot: the call takes sign-ups, and the slot's session is not cancelled or started. */
export function isSlotOpen(
  call: Pick<Call, 'status' | 'signupDeadline' | 'startAt' | 'endAt'> & Partial<Pick<Call, 'sessions'>>,
  slot: Pick<SlotCounters, 'startAt' | 'cancelled'>,
  now: number,
): boolean {
  return isSignupOpen(call, now) && !slot.cancelled && now < slot.startAt
}

/** Seats freed in a slot go to its waitlist until its session starts, on an open or a closed call. */
export function canPromoteSlot(
  call: Pick<Call, 'status'>,
  slot: Pick<SlotCounters, 'startAt' | 'cancelled'>,
  now: number,
): boolean {
  return (call.status === 'open' || call.status === 'closed') && !slot.cancelled && now < slot.startAt
}

/** A seat can be given back until the activity starts; afterwards it is attendance, not a booking. */
export function canCancel(call: Pick<Call, 'startAt'>, now: number): boolean {
  return !hasStarted(call, now)
}

/** The most hours before a session a call may make cancelling late: a week. */
export const CANCEL_LEAD_MAX_HOURS = 168

/**
 * From when giving back a seat whose session starts at `sessionStart` counts as a late drop-out: that many hours
 * before it by the call's lead, else the call's one cutoff; undefined: never late.
 */
export function lateFrom(
  call: Partial<Pick<Call, 'cancelCutoff' | 'cancelLeadHours'>>,
  sessionStart: number,
): number | undefined {
  if (call.cancelLeadHours !== undefined) return sessionStart - call.cancelLeadHours * HOUR_MS
  return call.cancelCutoff
}

/** Giving a seat back late is allowed, but the NGO sees it as a late drop-out. */
export function isLateDropOut(
  call: Partial<Pick<Call, 'cancelCutoff' | 'cancelLeadHours'>>,
  sessionStart: number,
  now: number,
): boolean {
  const from = lateFrom(call, sessionStart)
  return from !== undefined && now >= from
}

/** Seats freed on a closed call still go to its waitlist; a cancelled or started one gives out nothing. */
export function canPromote(call: Pick<Call, 'status' | 'startAt'>, now: number): boolean {
  return (call.status === 'open' || call.status === 'closed') && !hasStarted(call, now)
}

export function answerMaxLength(question: Pick<Question, 'kind' | 'maxLength'>): number {
  return (
    question.maxLength ?? (question.kind === 'textarea' ? TEXTAREA_ANSWER_MAX_LENGTH : TEXT_ANSWER_MAX_LENGTH)
  )
}

/**
 * Drafts, and every call of an NGO that is not verified (under review, rejected or suspended), are seen only by
 * the NGO's own admins: a volunteer signs up only with an NGO a platform admin has checked.
 */
export function isVisibleTo(
  call: Pick<Call, 'status'>,
  ngo: Pick<Ngo, 'status' | 'admins'>,
  openid: string | undefined,
): boolean {
  if (openid !== undefined && ngo.admins.includes(openid)) return true
  return call.status !== 'draft' && ngo.status === 'verified'
}

/** Sign-up ids are callId_openid (_slot) or callId_walkin_phone: longer than other ids, same alphabet. */
export function looksLikeSignUpId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{3,100}$/.test(value)
}
