// What pages and posters say about sessions and slots: times in China time, roles, places, cancelled sessions.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { placesSummary, sessionLabel, sessionTime, slotLabel, slotState } from '@core/calls/session-text'
import { emptySlots } from '@core/calls/slots'
import type { Call, CallRole, CallSession, SlotCounters } from '@core/model'
import { makeCall } from './fixtures'

const HOUR = 3_600_000

/** A China wall-clock time as epoch ms: UTC of the same digits, minus 8 h. */
function china(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute) - 8 * HOUR
}

// 2022-03-12 was a Saturday
const SAT: CallSession = { id: 's1', startAt: china(2022, 3, 12, 9), endAt: china(2022, 3, 12, 11, 30) }
const NEXT_SAT: CallSession = { id: 's2', startAt: china(2022, 3, 19, 9), endAt: china(2022, 3, 19, 11, 30) }
const THIRD_SAT: CallSession = { id: 's3', startAt: china(2022, 3, 26, 9), endAt: china(2022, 3, 26, 11, 30) }

test('a session on one China day: the date, the weekday, start–end', () => {
  assert.equal(sessionLabel(SAT), '3月12日 周六 09:00–11:30')
  // 06:00 to 23:59 in China starts on the UTC day before: one China day all the same
  assert.equal(
    sessionLabel({ startAt: china(2022, 12, 31, 6), endAt: china(2022, 12, 31, 23, 59) }),
    '12月31日 周六 06:00–23:59',
  )
})

test('a session ending on another China day shows the end date too', () => {
  assert.equal(
    sessionLabel({ startAt: china(2022, 3, 12, 9), endAt: china(2022, 3, 13, 12) }),
    '3月12日 周六 09:00 – 3月13日 12:00',
  )
  // 22:00 to 02:00 across a year end: the same UTC day, two China days
  assert.equal(
    sessionLabel({ startAt: china(2022, 12, 31, 22), endAt: china(2023, 1, 1, 2) }),
    '12月31日 周六 22:00 – 1月1日 02:00',
  )
})

const ROLES: CallRole[] = [
  { id: 'r1', name: '引导员', description: '', capacity: 4 },
  { id: 'r2', name: '摄影', description: '', capacity: 1 },
]

test('a slot is its session, and its role when it has one', () => {
  const call = makeCall({ sessions: [SAT, NEXT_SAT], roles: ROLES })
  assert.equal(slotLabel(call, 's2-r1'), '3月19日 周六 09:00–11:30 · 引导员')
  assert.equal(slotLabel(call, 's1-r2'), '3月12日 周六 09:00–11:30 · 摄影')
  const noRoles = makeCall({ sessions: [SAT, NEXT_SAT] })
  assert.equal(slotLabel(noRoles, 's2'), '3月19日 周六 09:00–11:30')
  // a call of one session: the slot s1 is the call's own time
  const single = makeCall({ startAt: SAT.startAt, endAt: SAT.endAt })
  assert.equal(slotLabel(single, 's1'), '3月12日 周六 09:00–11:30')
})

test('a named session: its name before its time, in the session and the slot', () => {
  const named = { ...SAT, name: '第一批' }
  assert.equal(sessionLabel(named), '第一批 · 3月12日 周六 09:00–11:30')
  assert.equal(sessionTime(named), '3月12日 周六 09:00–11:30')
  const call = makeCall({ sessions: [named, NEXT_SAT], roles: ROLES })
  assert.equal(slotLabel(call, 's1-r1'), '第一批 · 3月12日 周六 09:00–11:30 · 引导员')
  assert.equal(slotLabel(call, 's2-r1'), '3月19日 周六 09:00–11:30 · 引导员')
})

const slot = (over: Partial<SlotCounters> = {}): SlotCounters => ({
  capacity: 10,
  confirmed: 3,
  waitlisted: 0,
  startAt: SAT.startAt,
  ...over,
})

test('a slot is open, full (with a waitlist or not) or cancelled', () => {
  assert.deepEqual(slotState(slot(), false), { kind: 'open', text: '剩余 7 个名额' })
  assert.deepEqual(slotState(slot({ confirmed: 9 }), true), { kind: 'open', text: '剩余 1 个名额' })
  assert.deepEqual(slotState(slot({ confirmed: 10 }), true), { kind: 'waitlist', text: '已满 · 可候补' })
  assert.deepEqual(slotState(slot({ confirmed: 10 }), false), { kind: 'full', text: '已满' })
  assert.deepEqual(slotState(slot({ confirmed: 12 }), false), { kind: 'full', text: '已满' }, 'drifted over')
  assert.deepEqual(slotState(slot({ cancelled: true }), true), { kind: 'cancelled', text: '已取消' })
  assert.deepEqual(slotState(slot({ cancelled: true, confirmed: 10 }), false), {
    kind: 'cancelled',
    text: '已取消',
  })
})

/** A published call of these sessions and roles, with some seats taken per slot. */
function callWith(sessions: CallSession[], taken: Record<string, number>, over: Partial<Call> = {}): Call {
  const base = makeCall({ sessions, capacity: 20, waitlist: false, ...over })
  const slots = emptySlots(base) ?? {}
  for (const [key, confirmed] of Object.entries(taken)) slots[key].confirmed = confirmed
  return { ...base, slots }
}

test('places over the slots of several sessions', () => {
  const call = callWith([SAT, NEXT_SAT, THIRD_SAT], { s1: 5, s2: 13 })
  assert.equal(placesSummary(call), '3 个批次 · 还剩 42 个名额') // 15 + 7 + 20
})

test('places over role slots: each role has its own places in each session', () => {
  const call = callWith([SAT, NEXT_SAT], { 's1-r1': 4, 's2-r2': 1 }, { roles: ROLES })
  assert.equal(placesSummary(call), '2 个批次 · 还剩 5 个名额') // s1-r2: 1, s2-r1: 4
})

test('a cancelled session counts as a batch but its places do not', () => {
  const cancelled = { ...NEXT_SAT, cancelledAt: china(2022, 3, 1) }
  const call = callWith([SAT, cancelled, THIRD_SAT], { s1: 20 })
  assert.equal(call.slots?.s2.cancelled, true)
  assert.equal(placesSummary(call), '3 个批次 · 还剩 20 个名额')
  // the session cancelled, its slot's flag not yet set: still out
  const stale = { ...call, slots: { ...call.slots, s2: { ...call.slots!.s2, cancelled: undefined } } }
  assert.equal(placesSummary(stale), '3 个批次 · 还剩 20 个名额')
})

test('every slot full: 已满, or 可候补 with a waitlist', () => {
  const full = callWith([SAT, NEXT_SAT, THIRD_SAT], { s1: 20, s2: 20, s3: 21 })
  assert.equal(placesSummary(full), '3 个批次 · 已满')
  assert.equal(placesSummary({ ...full, waitlist: true }), '3 个批次 · 已满 · 可候补')
  // full but for a cancelled session, whose places nobody can take
  const cancelled = { ...NEXT_SAT, cancelledAt: china(2022, 3, 1) }
  const rest = callWith([SAT, cancelled], { s1: 20 })
  assert.equal(placesSummary(rest), '2 个批次 · 已满')
})

test('every session cancelled: 已取消', () => {
  const at = china(2022, 3, 1)
  const call = callWith(
    [
      { ...SAT, cancelledAt: at },
      { ...NEXT_SAT, cancelledAt: at },
    ],
    {},
  )
  assert.equal(placesSummary(call), '2 个批次 · 已取消')
})

test('a call of one session has no summary, with roles or not', () => {
  assert.equal(placesSummary(makeCall()), undefined)
  assert.equal(placesSummary(makeCall({ sessions: [SAT] })), undefined)
  assert.equal(placesSummary(callWith([SAT], {}, { roles: ROLES })), undefined)
})
