// Business rules as pure functions of a stored document and the current time (epoch ms).
import type { Call, Ngo, Question } from '@core/model'

export const NAME_MAX_LENGTH = 20
export const TEXT_ANSWER_MAX_LENGTH = 200
export const TEXTAREA_ANSWER_MAX_LENGTH = 1000

/** Seats not yet taken (never negative, even if a counter drifted above capacity). */
export function spotsLeft(call: Pick<Call, 'capacity' | 'confirmed'>): number {
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

/** Whether a new sign-up is accepted: published, before the deadline and before the start. */
export function isSignupOpen(
  call: Pick<Call, 'status' | 'signupDeadline' | 'startAt'>,
  now: number,
): boolean {
  return call.status === 'open' && now < call.signupDeadline && now < call.startAt
}

/** A seat can be given back until the activity starts; afterwards it is attendance, not a booking. */
export function canCancel(call: Pick<Call, 'startAt'>, now: number): boolean {
  return !hasStarted(call, now)
}

/** Giving a seat back after the call's cancellation cutoff is allowed, but the NGO sees it as a late drop-out. */
export function isLateDropOut(call: Pick<Call, 'cancelCutoff'>, now: number): boolean {
  return call.cancelCutoff !== undefined && now >= call.cancelCutoff
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

/** 13800138000 → 138****8000; anything shorter keeps only its last 2 characters visible. */
export function maskPhone(phone: string): string {
  if (phone.length >= 8) return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4)
  if (phone.length <= 2) return '*'.repeat(phone.length)
  return '*'.repeat(phone.length - 2) + phone.slice(-2)
}

/** WeChat openids are 28 url-safe characters; allow some slack for other id schemes. */
export function looksLikeOpenid(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(value)
}

/** Ids of stored documents: short and url-safe (a call id must fit a 32-character QR `scene`). */
export function looksLikeId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,32}$/.test(value)
}

/** Number of characters as a person counts them (code points, so 𠮷 is one), not UTF-16 units or bytes. */
export function charCount(text: string): number {
  return Array.from(text).length
}

/** One sign-up per person per call: its id is derived, so a second insert collides instead of taking a seat. */
export function signUpId(callId: string, openid: string): string {
  return `${callId}_${openid}`
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
