// The words for sessions and slots that pages and posters show: when a session is, what a slot is, whether it
// has places. China time (UTC+8) on every phone, like the rest of the app. Core, so the poster function and the
// pages read the same text.
import type { Call, CallSession, SlotCounters } from '@core/model'
import {
  chinaClock,
  chinaDayStart,
  chinaMonthDay,
  chinaWeekday,
  WEEKDAY_NAMES,
} from '@core/shared/china-time'
import {
  type SlotCall,
  sessionOfSlot,
  sessionsOf,
  roleOfSlot,
  slotKeysOf,
  slotOf,
  slotSpotsLeft,
} from './slots'

/**
 * 「3月12日 周六 09:00–11:30」; a session ending on a later China day: 「3月12日 周六 09:00 – 3月13日 12:00」; a named
 * session: 「第一批 · 3月12日 周六 09:00–11:30」.
 */
export function sessionLabel(session: Pick<CallSession, 'startAt' | 'endAt'> & { name?: string }): string {
  const time = sessionTime(session)
  return session.name ? `${session.name} · ${time}` : time
}

/**
 * A session named short, for a chip among its call's others: 「第一批 · 12月16日」, or its start 「12月16日 周三 08:00」
 * (sessions of one call never start together).
 */
export function sessionShortLabel(session: Pick<CallSession, 'startAt'> & { name?: string }): string {
  const day = chinaMonthDay(session.startAt)
  if (session.name) return `${session.name} · ${day}`
  return `${day} ${WEEKDAY_NAMES[chinaWeekday(session.startAt)]} ${chinaClock(session.startAt)}`
}

/** The session's time alone, without its name. */
export function sessionTime(session: Pick<CallSession, 'startAt' | 'endAt'>): string {
  const start = `${chinaMonthDay(session.startAt)} ${WEEKDAY_NAMES[chinaWeekday(session.startAt)]} ${chinaClock(session.startAt)}`
  if (chinaDayStart(session.startAt) === chinaDayStart(session.endAt)) {
    return `${start}–${chinaClock(session.endAt)}`
  }
  return `${start} – ${chinaMonthDay(session.endAt)} ${chinaClock(session.endAt)}`
}

/**
 * 「3月12日 周六 09:00–11:30 · 引导员」: the session, and the role when the slot has one. A key of no session of
 * the call (a stale sign-up) reads as the call's own time, which spans every session.
 */
export function slotLabel(
  call: Pick<Call, 'startAt' | 'endAt'> & Pick<Partial<Call>, 'sessions' | 'roles'>,
  key: string,
): string {
  const session = sessionOfSlot(call, key) ?? call
  const role = roleOfSlot(call, key)
  return role ? `${sessionLabel(session)} · ${role.name}` : sessionLabel(session)
}

export type SlotStateKind = 'open' | 'waitlist' | 'full' | 'cancelled'

/** Whether a slot takes sign-ups, and the words for it. */
export function slotState(slot: SlotCounters, waitlist: boolean): { kind: SlotStateKind; text: string } {
  if (slot.cancelled) return { kind: 'cancelled', text: '已取消' }
  const left = slotSpotsLeft(slot)
  if (left > 0) return { kind: 'open', text: `剩余 ${left} 个名额` }
  return waitlist ? { kind: 'waitlist', text: '已满 · 可候补' } : { kind: 'full', text: '已满' }
}

/**
 * 「3 个批次 · 还剩 42 个名额」 for a call of several sessions: the places left over its slots that are not
 * cancelled (the count of sessions includes cancelled ones, as the call's page lists them). Undefined for a call
 * of one session, whose places the page already shows as before.
 */
export function placesSummary(call: SlotCall & Pick<Call, 'waitlist'>): string | undefined {
  const sessions = sessionsOf(call)
  if (sessions.length <= 1) return undefined
  const batches = `${sessions.length} 个批次`
  // a slot of a cancelled session is out even if its own flag was not set yet
  const live = slotKeysOf(call)
    .filter((key) => sessionOfSlot(call, key)?.cancelledAt === undefined)
    .map((key) => slotOf(call, key))
    .filter((slot): slot is SlotCounters => slot !== undefined && !slot.cancelled)
  if (live.length === 0) return `${batches} · 已取消`
  const left = live.reduce((sum, slot) => sum + slotSpotsLeft(slot), 0)
  if (left > 0) return `${batches} · 还剩 ${left} 个名额`
  return call.waitlist ? `${batches} · 已满 · 可候补` : `${batches} · 已满`
}
