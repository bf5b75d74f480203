// Sessions × roles = slots. A slot is where a seat is held: its own places, its own waitlist, its own promotion.
// A call stored before calls had several sessions (or made with one session and no roles) is one slot, `s1`,
// whose counters are the call's own fields; `slots` appears only when there is more than one slot.
import type { Call, CallRole, CallSession, SlotCounters } from '@core/model'

/** The slot of a call of one session and no roles, and of every sign-up stored before there were slots. */
export const ONLY_SLOT = 's1'

/** How many slots a call may have (sessions × roles): a season of weekly sessions with a few roles. */
export const MAX_SLOTS = 120
export const MAX_SESSIONS = 60
export const MAX_ROLES = 8

export type SlotCall = Pick<Call, 'startAt' | 'endAt' | 'capacity' | 'confirmed' | 'waitlisted'> &
  Partial<Pick<Call, 'sessions' | 'roles' | 'slots'>>

/** `s2` or `s2-r1`: the session's id, then the role's (ids never contain '-', '.' or '_'). */
export function slotKey(sessionId: string, roleId?: string): string {
  return roleId ? `${sessionId}-${roleId}` : sessionId
}

export function parseSlotKey(key: string): { sessionId: string; roleId?: string } {
  const [sessionId, roleId] = key.split('-')
  return roleId ? { sessionId, roleId } : { sessionId }
}

/** A slot key as a request may carry it (checked against the call's own slots by the action). */
export function looksLikeSlotKey(value: unknown): value is string {
  return typeof value === 'string' && /^s[1-9][0-9]{0,3}(-r[1-9][0-9]{0,2})?$/.test(value)
}

/** The call's sessions; a call without `sessions` has one, its own time. */
export function sessionsOf(
  call: Pick<Call, 'startAt' | 'endAt'> & Pick<Partial<Call>, 'sessions'>,
): CallSession[] {
  return call.sessions?.length ? call.sessions : [{ id: ONLY_SLOT, startAt: call.startAt, endAt: call.endAt }]
}

export function rolesOf(call: Pick<Partial<Call>, 'roles'>): CallRole[] {
  return call.roles ?? []
}

/** Whether seats are counted per slot (`slots`) rather than on the call itself. */
export function hasSlots(call: Pick<Partial<Call>, 'slots'>): boolean {
  return call.slots !== undefined
}

/**
 * Every slot key of a call, sessions in time order, roles in the organizer's order within each. A role added after
 * publishing has no slot in the sessions that had started or were cancelled by then: those keys are left out.
 */
export function slotKeysOf(call: SlotCall): string[] {
  const slots = call.slots
  if (!slots) return [ONLY_SLOT]
  const roles = rolesOf(call)
  return sessionsOf(call)
    .flatMap((session) =>
      roles.length ? roles.map((role) => slotKey(session.id, role.id)) : [slotKey(session.id)],
    )
    .filter((key) => slots[key] !== undefined)
}

/** A slot's counters; undefined if the call has no such slot. */
export function slotOf(call: SlotCall, key: string): SlotCounters | undefined {
  if (call.slots) return call.slots[key]
  if (key !== ONLY_SLOT) return undefined
  return {
    capacity: call.capacity,
    confirmed: call.confirmed,
    waitlisted: call.waitlisted,
    startAt: call.startAt,
  }
}

/** The slot a sign-up holds (rows stored before slots hold the only one). */
export function slotOfSignUp(signUp: { slot?: string }): string {
  return signUp.slot ?? ONLY_SLOT
}

/**
 * Where a slot's counters live in the call document, for conditional updates: the call's own fields for a call
 * of one slot; else the slot's, with the call's totals changed in the same update.
 */
export function counterFields(
  call: Pick<Partial<Call>, 'slots'>,
  key: string,
): {
  capacity: string
  confirmed: string
  waitlisted: string
  startAt: string
  cancelled?: string
  /** the call's sums, moved with the slot's counters */
  totals: boolean
} {
  if (!call.slots) {
    return {
      capacity: 'capacity',
      confirmed: 'confirmed',
      waitlisted: 'waitlisted',
      startAt: 'startAt',
      totals: false,
    }
  }
  const at = (field: string) => `slots.${key}.${field}`
  return {
    capacity: at('capacity'),
    confirmed: at('confirmed'),
    waitlisted: at('waitlisted'),
    startAt: at('startAt'),
    cancelled: at('cancelled'),
    totals: true,
  }
}

/** The sign-up id for a person and a slot: the slot `s1` keeps the id sign-ups had before there were slots. */
export function signUpIdFor(callId: string, openid: string, slot: string = ONLY_SLOT): string {
  return slot === ONLY_SLOT ? `${callId}_${openid}` : `${callId}_${openid}_${slot}`
}

/** The session a slot belongs to, if the call has it. */
export function sessionOfSlot(
  call: Pick<Call, 'startAt' | 'endAt'> & Pick<Partial<Call>, 'sessions'>,
  key: string,
): CallSession | undefined {
  const { sessionId } = parseSlotKey(key)
  return sessionsOf(call).find((session) => session.id === sessionId)
}

/** The role a slot belongs to (undefined for a call without roles). */
export function roleOfSlot(call: Pick<Partial<Call>, 'roles'>, key: string): CallRole | undefined {
  const { roleId } = parseSlotKey(key)
  return roleId ? rolesOf(call).find((role) => role.id === roleId) : undefined
}

/**
 * The counters of a call laid out in slots, all empty: what publishing a call of several sessions or roles stores.
 * A call of one session and no roles gets none (it is one slot: the call's own counters).
 */
export function emptySlots(
  call: Pick<Call, 'startAt' | 'endAt' | 'capacity'> & Pick<Partial<Call>, 'sessions' | 'roles'>,
): Record<string, SlotCounters> | undefined {
  const sessions = sessionsOf(call)
  const roles = rolesOf(call)
  if (sessions.length <= 1 && roles.length === 0) return undefined
  const slots: Record<string, SlotCounters> = {}
  for (const session of sessions) {
    const counters = (capacity: number): SlotCounters => ({
      capacity,
      confirmed: 0,
      waitlisted: 0,
      startAt: session.startAt,
      ...(session.cancelledAt !== undefined ? { cancelled: true } : {}),
    })
    if (roles.length === 0) slots[slotKey(session.id)] = counters(call.capacity)
    for (const role of roles) slots[slotKey(session.id, role.id)] = counters(role.capacity)
  }
  return slots
}

/** The call's total places: the sum over its slots that are not cancelled. */
export function totalCapacity(slots: Record<string, SlotCounters>): number {
  return Object.values(slots).reduce((sum, slot) => sum + (slot.cancelled ? 0 : slot.capacity), 0)
}

/** Seats not yet taken in a slot (never negative, even if a counter drifted above capacity). */
/** A slot's seats a newcomer can take: none while its queue has people (see rules.ts spotsLeft). */
export function slotSpotsLeft(
  slot: Pick<SlotCounters, 'capacity' | 'confirmed' | 'cancelled'> &
    Partial<Pick<SlotCounters, 'waitlisted'>>,
): number {
  return slot.cancelled || (slot.waitlisted ?? 0) > 0 ? 0 : Math.max(0, slot.capacity - slot.confirmed)
}

/** The start of the call's last session that is not cancelled (its own start, for a call of one session). */
export function lastStart(call: Pick<Call, 'startAt' | 'endAt'> & Partial<Pick<Call, 'sessions'>>): number {
  const starts = sessionsOf(call)
    .filter((session) => session.cancelledAt === undefined)
    .map((session) => session.startAt)
  return starts.length ? Math.max(...starts) : call.startAt
}
