// A call's slots (a session × a role) as the volunteer's pages read them from CallDetail: their labels, their
// state (剩余 N 个名额 / 已满 · 可候补 / 已满 / 已取消 / 已开始), which can be picked, the ones the caller holds, and a
// held slot as a calendar entry (its own session's times). The words come from core/calls/session-text.ts, so the
// pages say what the poster and the server say.
import type { CallCard, CallDetail, SessionView, SignUpView, SlotView } from '@core/calls/contract'
import type { CallRole, CallSession } from '@core/model'
import { ONLY_SLOT } from '@core/calls/slots'
import { sessionLabel, slotLabel, slotState, type SlotStateKind } from '@core/calls/session-text'

type SlotCall = Pick<CallDetail, 'startAt' | 'endAt' | 'sessions' | 'roles' | 'slots'>

/**
 * Whether signing up means picking slots: the call has slots of its own (several sessions, or roles). A call of one
 * slot (`s1`) is signed up for as before, without a picker.
 */
export function hasSlotPicker(call: Pick<CallDetail, 'slots'>): boolean {
  return !(call.slots.length <= 1 && (call.slots[0]?.key ?? ONLY_SLOT) === ONLY_SLOT)
}

/** The call's sessions and roles in the shape core's slot texts read. */
function shape(call: SlotCall): {
  startAt: number
  endAt: number
  sessions: CallSession[]
  roles: CallRole[]
} {
  return {
    startAt: call.startAt,
    endAt: call.endAt,
    sessions: call.sessions.map(({ id, startAt, endAt }) => ({ id, startAt, endAt })),
    roles: call.roles.map((role) => ({ ...role, capacity: 0 })),
  }
}

/** 「3月12日 周六 09:00–11:30 · 植树」 */
export function labelOfSlot(call: SlotCall, key: string): string {
  return slotLabel(shape(call), key)
}

/** The same, in two parts for two lines: the session's time, and the role (a call with roles). */
export function partsOfSlot(call: SlotCall, key: string): { time: string; role?: string } {
  const session = sessionOfSlot(call, key)
  const role = call.roles.find((r) => r.id === call.slots.find((s) => s.key === key)?.roleId)
  const time = session ? sessionLabel(session) : labelOfSlot(call, key)
  return role ? { time, role: role.name } : { time }
}

export function sessionOfSlot(
  call: Pick<CallDetail, 'sessions' | 'slots'>,
  key: string,
): SessionView | undefined {
  const slot = call.slots.find((s) => s.key === key)
  const id = slot?.sessionId ?? key.split('-')[0]
  return call.sessions.find((session) => session.id === id)
}

export type SlotKind = SlotStateKind | 'started'

/** What a slot's row says, and the colour it says it in. */
export function stateOfSlot(
  call: Pick<CallDetail, 'sessions' | 'slots' | 'waitlist'>,
  slot: SlotView,
  now: number,
): { kind: SlotKind; text: string } {
  const session = sessionOfSlot(call, slot.key)
  if (session?.cancelled) return { kind: 'cancelled', text: '已取消' }
  if (session && now >= session.startAt) {
    return { kind: 'started', text: now >= session.endAt ? '已结束' : '已开始' }
  }
  return slotState(
    {
      capacity: slot.capacity,
      confirmed: slot.confirmed,
      waitlisted: slot.waitlisted,
      startAt: session?.startAt ?? 0,
    },
    call.waitlist,
  )
}

/** The caller's sign-ups by slot (seats and queue places; cancelled ones are not in mySignUps). */
export function heldSlots(call: Pick<CallDetail, 'mySignUps'>): Map<string, SignUpView> {
  return new Map(call.mySignUps.map((signUp) => [signUp.slot, signUp]))
}

/**
 * Another role of the same session: on a call with roles a volunteer takes one role per session (the function
 * refuses a second), so the picker ticks one per session and a session already held offers no other role.
 */
export function sameSession(call: Pick<CallDetail, 'slots' | 'roles'>, key: string, slot: SlotView): boolean {
  if (call.roles.length === 0 || key === slot.key) return false
  return call.slots.find((s) => s.key === key)?.sessionId === slot.sessionId
}

/** A newcomer may pick this slot now: it is open, and has a place or a queue to join. */
export function canPick(call: Pick<CallDetail, 'waitlist'>, slot: SlotView): boolean {
  return slot.open && (slot.spotsLeft > 0 || call.waitlist)
}

/** The slots of `keys` the call has, in the call's order (sessions in time order, roles in order). */
export function knownSlots(call: Pick<CallDetail, 'slots'>, keys: readonly string[]): SlotView[] {
  const wanted = new Set(keys)
  return call.slots.filter((slot) => wanted.has(slot.key))
}

/** 「已报名」 / 「候补第 N 位」: what the caller holds in a slot. */
export function heldText(signUp: Pick<SignUpView, 'status' | 'waitRank'>): string {
  if (signUp.status === 'waitlisted') return signUp.waitRank ? `候补第 ${signUp.waitRank} 位` : '候补中'
  return '已报名'
}

/** A held slot as the calendar button takes a call: its session's times and place, its own uid. */
export function slotForCalendar(
  call: Pick<
    CallDetail,
    '_id' | 'title' | 'city' | 'address' | 'ngo' | 'startAt' | 'endAt' | 'sessions' | 'roles' | 'slots'
  >,
  key: string,
): Pick<CallCard, '_id' | 'title' | 'city' | 'address' | 'startAt' | 'endAt' | 'ngoName'> {
  const session = sessionOfSlot(call, key)
  const role = call.roles.find((r) => r.id === call.slots.find((s) => s.key === key)?.roleId)
  return {
    _id: `${call._id}-${key}`,
    title: role ? `${call.title}（${role.name}）` : call.title,
    city: call.city,
    address: session?.address ?? call.address,
    startAt: session?.startAt ?? call.startAt,
    endAt: session?.endAt ?? call.endAt,
    ngoName: call.ngo.name,
  }
}
