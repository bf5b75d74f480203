// Attendance rules as pure functions: when a call takes check-ins, what counts as a seat on the day, and how one
// person's attendance is shown to the organizer.
import type { AttendanceView, HoursStatus } from './contract'
import { maskPhone } from '@core/privacy/privacy'
import type { Call, SignUp } from '@core/model'
import { hasSlots, ONLY_SLOT, roleOfSlot, sessionOfSlot, sessionsOf, slotOfSignUp } from '@core/calls/slots'
import { sessionLabel } from '@core/calls/session-text'

const HOUR = 3_600_000

/** The check-in screen opens this long before the start (people arrive early, the organizer sets up). */
export const CHECK_IN_OPENS_BEFORE_START_MS = 2 * HOUR
/** …and volunteers can still scan this long after the end (a late check-out, a long day). */
export const CHECK_IN_CLOSES_AFTER_END_MS = 6 * HOUR

/** Statuses that hold a seat on the day: the people the organizer expects, sees, or missed. */
export const ON_THE_DAY: SignUp['status'][] = ['confirmed', 'attended', 'no_show']

/** Published: open, or closed to new sign-ups (drafts and cancelled calls take no attendance). */
function isHeld(call: Pick<Call, 'status'>): boolean {
  return call.status === 'open' || call.status === 'closed'
}

/** Whether volunteers may scan the call's code (and the screen shows one): from 2 h before start to 6 h after end. */
export function isCheckInOpen(call: Pick<Call, 'status' | 'startAt' | 'endAt'>, now: number): boolean {
  return (
    isHeld(call) &&
    now >= call.startAt - CHECK_IN_OPENS_BEFORE_START_MS &&
    now < call.endAt + CHECK_IN_CLOSES_AFTER_END_MS
  )
}

/**
 * Whether the organizer may check people in or out by hand (or by their personal code), add walk-ins or check
 * everyone out: from the same opening, with no end, so records can be put right afterwards.
 */
export function canRecordAttendance(call: Pick<Call, 'status' | 'startAt'>, now: number): boolean {
  return isHeld(call) && now >= call.startAt - CHECK_IN_OPENS_BEFORE_START_MS
}

/** Why check-in is not open, in words for the CLOSED error. */
export function checkInClosedMessage(call: Pick<Call, 'status' | 'startAt'>, now: number): string {
  if (!isHeld(call)) return call.status === 'cancelled' ? '活动已取消，不能签到' : '活动尚未发布，不能签到'
  if (now < call.startAt - CHECK_IN_OPENS_BEFORE_START_MS) return '活动开始前 2 小时才开放签到'
  return '签到已结束（活动结束 6 小时后关闭），请联系组织者补录'
}

export function hoursStatus(signUp: Pick<SignUp, 'hours' | 'hoursConfirmedAt'>): HoursStatus {
  if (signUp.hoursConfirmedAt !== undefined) return 'confirmed'
  return signUp.hours !== undefined ? 'recorded' : 'none'
}

/**
 * One person's attendance; `fullPhone` only for the call's own organizers. With the call, a row of a call of
 * several slots says which (its session's words when there are several sessions, its role's name).
 */
export function toAttendanceView(
  signUp: SignUp,
  fullPhone: boolean,
  call?: Pick<Call, 'startAt' | 'endAt'> & Pick<Partial<Call>, 'sessions' | 'roles' | 'slots'>,
): AttendanceView {
  const status = signUp.status === 'attended' || signUp.status === 'no_show' ? signUp.status : 'confirmed'
  const view: AttendanceView = {
    signUpId: signUp._id,
    name: signUp.name,
    phone: fullPhone ? signUp.phone : maskPhone(signUp.phone),
    walkIn: signUp.walkIn === true,
    status,
    hoursStatus: hoursStatus(signUp),
  }
  if (signUp.checkedInAt !== undefined) view.checkedInAt = signUp.checkedInAt
  if (signUp.checkedOutAt !== undefined) view.checkedOutAt = signUp.checkedOutAt
  if (signUp.checkedInAt !== undefined && signUp.checkedOutAt !== undefined) {
    view.minutes = Math.max(0, Math.floor((signUp.checkedOutAt - signUp.checkedInAt) / 60_000))
  }
  if (signUp.hours !== undefined) view.hours = signUp.hours
  if (signUp.companions?.length) view.companions = signUp.companions
  const last = signUp.hoursEdits?.[signUp.hoursEdits.length - 1]
  if (last) view.hoursEdit = { from: last.from, to: last.to, reason: last.reason, at: last.at }
  if (call && hasSlots(call)) {
    const slot = slotOfSignUp(signUp)
    view.slot = slot
    const session = sessionOfSlot(call, slot)
    if (session && sessionsOf(call).length > 1) view.session = sessionLabel(session)
    const role = roleOfSlot(call, slot)
    if (role) view.role = role.name
  }
  return view
}

/**
 * The organizer's list: those still expected first (in sign-up order), then who is here (latest arrival first),
 * then the no-shows. Walk-ins are among those here.
 */
export function sortAttendance(entries: AttendanceView[], signUps: readonly SignUp[]): AttendanceView[] {
  const createdAt = new Map(signUps.map((s) => [s._id, s.createdAt]))
  const order: AttendanceView['status'][] = ['confirmed', 'attended', 'no_show']
  return [...entries].sort((a, b) => {
    const byStatus = order.indexOf(a.status) - order.indexOf(b.status)
    if (byStatus !== 0) return byStatus
    if (a.status === 'attended') return (b.checkedInAt ?? 0) - (a.checkedInAt ?? 0)
    return (createdAt.get(a.signUpId) ?? 0) - (createdAt.get(b.signUpId) ?? 0)
  })
}

export function attendanceCounts(entries: readonly AttendanceView[]): {
  expected: number
  checkedIn: number
  checkedOut: number
  noShows: number
  walkIns: number
} {
  // people, not sign-ups: a party (the volunteer and their companions) checks in and out together
  const people = (list: readonly AttendanceView[]) =>
    list.reduce((sum, e) => sum + 1 + (e.companions?.length ?? 0), 0)
  return {
    /** seats taken on the call (walk-ins never took one) */
    expected: people(entries.filter((e) => !e.walkIn)),
    checkedIn: people(entries.filter((e) => e.checkedInAt !== undefined)),
    checkedOut: people(entries.filter((e) => e.checkedOutAt !== undefined)),
    noShows: people(entries.filter((e) => e.status === 'no_show')),
    walkIns: entries.filter((e) => e.walkIn).length,
  }
}

/**
 * A walk-in's id: one per phone per call (per slot, on a call of several), so adding the same person twice finds
 * the first.
 */
export function walkInId(callId: string, phone: string, slot: string = ONLY_SLOT): string {
  return slot === ONLY_SLOT ? `${callId}_walkin_${phone}` : `${callId}_walkin_${phone}_${slot}`
}
