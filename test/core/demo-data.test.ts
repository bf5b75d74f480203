// The demo data must obey the same rules as real data: valid sign-ups, counters equal to the rows.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { demoData } from '@emulator/demo-data'
import { PERSONAS } from '@core/shared/demo-personas'
import { isPast, isSignupOpen, spotsLeft } from '@core/calls/rules'
import {
  emptySlots,
  hasSlots,
  lastStart,
  signUpIdFor,
  slotKeysOf,
  slotOf,
  slotOfSignUp,
  slotSpotsLeft,
  totalCapacity,
} from '@core/calls/slots'
import { sessionsFromRule } from '@core/calls/repeat'
import { placesSummary } from '@core/calls/session-text'
import { looksLikeId } from '@core/shared/validation'
import { validateSignUpForm } from '@core/calls/validate'
import type { Call, Ngo, SignUp } from '@core/model'

const NOW = Date.UTC(2025, 4, 1, 2, 0, 0)
const data = demoData(NOW)
const ngos = data.ngos as Ngo[]
const calls = data.calls as Call[]
const signups = data.signups as SignUp[]
const SEAT_HOLDING = new Set(['confirmed', 'attended', 'no_show'])

test('Rescue Minqin and its tree planting are there, managed by the organizer persona', () => {
  const organizer = PERSONAS.find((p) => p.key === 'organizer')?.openid ?? ''
  const minqin = ngos.find((ngo) => ngo.name === '民勤治沙')
  assert.ok(minqin)
  assert.equal(minqin.status, 'verified')
  assert.deepEqual(minqin.admins, [organizer])
  const trees = calls.find((call) => call.title === '民勤梭梭林植树志愿者招募')
  assert.ok(trees)
  assert.equal(trees.capacity, 30)
  assert.equal(isSignupOpen(trees, NOW), true)
  assert.ok(trees.questions.some((q) => q.title === '是否参加过植树活动？' && q.kind === 'single'))
})

test('enough variety: NGOs, cities, tags, and a full, a past, a closed and a draft call', () => {
  assert.ok(ngos.length >= 6)
  assert.ok(calls.length >= 13)
  assert.ok(new Set(calls.map((call) => call.city)).size >= 6)
  assert.ok(new Set(calls.flatMap((call) => call.tags)).size >= 7)
  const open = calls.filter((call) => isSignupOpen(call, NOW))
  assert.ok(
    open.some((call) => spotsLeft(call) === 0),
    'a full call',
  )
  assert.ok(
    open.some((call) => spotsLeft(call) > 0 && spotsLeft(call) <= 2),
    'a nearly full call',
  )
  assert.ok(
    calls.some((call) => isPast(call, NOW)),
    'a past call',
  )
  assert.ok(
    calls.some((call) => call.status === 'closed' && !isPast(call, NOW)),
    'a closed call',
  )
  assert.ok(
    calls.some((call) => call.status === 'draft'),
    'a draft',
  )
})

test('ids are short and every reference resolves', () => {
  const ngoIds = new Set(ngos.map((ngo) => ngo._id))
  const callIds = new Set(calls.map((call) => call._id))
  for (const doc of [...ngos, ...calls]) assert.ok(looksLikeId(doc._id), doc._id)
  for (const call of calls) assert.ok(ngoIds.has(call.ngoId), call._id)
  for (const signUp of signups) {
    assert.ok(callIds.has(signUp.callId))
    assert.equal(signUp._id, signUpIdFor(signUp.callId, signUp.openid, slotOfSignUp(signUp)))
    assert.ok(signUp.createdAt <= NOW)
  }
  assert.equal(new Set(signups.map((s) => s._id)).size, signups.length, 'no duplicate sign-ups')
})

test('every call’s counter equals its seat-holding sign-ups, within capacity', () => {
  for (const call of calls) {
    const rows = signups.filter((s) => s.callId === call._id && SEAT_HOLDING.has(s.status))
    assert.equal(call.confirmed, rows.length, call._id)
    assert.ok(call.confirmed <= call.capacity, call._id)
    // a call of several sessions takes sign-ups until its last session (each slot closes at its own start)
    assert.equal(call.startAt < call.endAt && call.signupDeadline <= lastStart(call), true, call._id)
  }
})

test('the waitlist counters equal the waitlisted rows; a queue only where the call is full', () => {
  for (const call of calls) {
    const queue = signups.filter((s) => s.callId === call._id && s.status === 'waitlisted')
    assert.equal(call.waitlisted, queue.length, call._id)
    if (queue.length && !hasSlots(call))
      assert.equal(spotsLeft(call), 0, `${call._id} has free seats and a queue`)
    for (const s of queue) assert.ok(s.waitlistedAt instanceof Date && s.waitlistedAt.getTime() <= NOW)
  }
  assert.ok(
    calls.some((call) => call.waitlisted >= 2 && isSignupOpen(call, NOW)),
    'a full open call with a waitlist',
  )
})

test('some calls have a cancellation cutoff, before their start', () => {
  const withCutoff = calls.filter((call) => call.cancelCutoff !== undefined)
  assert.ok(withCutoff.length >= 2)
  for (const call of withCutoff) assert.ok((call.cancelCutoff as number) < call.startAt, call._id)
})

test('every stored sign-up would pass the sign-up form of its call', () => {
  for (const signUp of signups) {
    const call = calls.find((c) => c._id === signUp.callId) as Call
    const form = { ...signUp, privacyConsent: true }
    const result = validateSignUpForm(form, call.questions)
    assert.ok(result.ok, `${signUp._id}: ${JSON.stringify(result.ok ? null : result.fields)}`)
    assert.deepEqual(result.value.answers, signUp.answers)
    assert.equal(result.value.name, signUp.name)
    assert.equal(result.value.phone, signUp.phone)
  }
})

test('dates follow now: the same data a month later is still upcoming', () => {
  const later = NOW + 30 * 24 * 3_600_000
  const trees = (demoData(later).calls as Call[]).find((call) => call._id === 'mq-trees') as Call
  assert.equal(isSignupOpen(trees, later), true)
})

test('a call of several slots: every slot’s counters equal its rows, the call’s are their sums', () => {
  const slotted = calls.filter(hasSlots)
  assert.ok(slotted.length >= 2)
  for (const call of slotted) {
    const slots = call.slots ?? {}
    assert.deepEqual(Object.keys(slots).sort(), slotKeysOf(call).sort(), call._id)
    for (const key of slotKeysOf(call)) {
      const slot = slotOf(call, key)
      assert.ok(slot)
      const rows = signups.filter((s) => s.callId === call._id && s.slot === key)
      const seats = rows.filter((s) => SEAT_HOLDING.has(s.status)).length
      const queue = rows.filter((s) => s.status === 'waitlisted').length
      assert.equal(slot.confirmed, seats, `${call._id} ${key}`)
      assert.equal(slot.waitlisted, queue, `${call._id} ${key}`)
      assert.ok(slot.confirmed <= slot.capacity, `${call._id} ${key}`)
      if (queue) assert.equal(slotSpotsLeft(slot), 0, `${call._id} ${key} has free seats and a queue`)
    }
    const sum = (field: 'confirmed' | 'waitlisted') =>
      Object.values(slots).reduce((total, slot) => total + slot[field], 0)
    assert.equal(call.confirmed, sum('confirmed'), call._id)
    assert.equal(call.waitlisted, sum('waitlisted'), call._id)
    assert.equal(call.capacity, totalCapacity(slots), call._id)
    const sessions = call.sessions ?? []
    assert.equal(call.startAt, sessions[0]?.startAt, call._id)
    assert.equal(call.endAt, sessions[sessions.length - 1]?.endAt, call._id)
    // laid out as publishing lays them out: the same slots, each starting with its session
    const empty = emptySlots(call) ?? {}
    assert.deepEqual(Object.keys(empty).sort(), Object.keys(slots).sort(), call._id)
    for (const [key, slot] of Object.entries(empty)) {
      assert.equal(slots[key]?.startAt, slot.startAt, `${call._id} ${key}`)
    }
    assert.ok(isSignupOpen(call, NOW), call._id)
  }
})

test('Rescue Minqin’s spring planting: three batches a week apart, 植树 and 后勤, one slot full with a queue', () => {
  const planting = calls.find((call) => call._id === 'mq-spring-planting')
  assert.ok(planting)
  assert.equal(planting.ngoId, 'rescue-minqin')
  const sessions = planting.sessions ?? []
  assert.equal(sessions.length, 3)
  for (let i = 1; i < sessions.length; i++) {
    assert.equal(sessions[i].startAt - sessions[i - 1].startAt, 7 * 24 * 3_600_000)
  }
  assert.deepEqual(
    (planting.roles ?? []).map((role) => [role.name, role.capacity]),
    [
      ['植树', 20],
      ['后勤', 4],
    ],
  )
  const full = slotKeysOf(planting).filter((key) => {
    const slot = slotOf(planting, key)
    return slot && slotSpotsLeft(slot) === 0 && slot.waitlisted > 0
  })
  assert.equal(full.length, 1)
  assert.equal(placesSummary(planting), `3 个批次 · 还剩 ${spotsLeft(planting)} 个名额`)
})

test('the weekly elder visit: every Saturday 09:00–11:30, eight times, six places each, made by its rule', () => {
  const visits = calls.find((call) => call._id === 'bj-saturday-visit')
  assert.ok(visits?.repeat)
  assert.deepEqual(visits.sessions, sessionsFromRule(visits.repeat))
  assert.equal(visits.sessions?.length, 8)
  assert.equal(visits.roles, undefined)
  for (const key of slotKeysOf(visits)) assert.equal(slotOf(visits, key)?.capacity, 6)
  const persona = PERSONAS.find((p) => p.key === 'volunteer2')?.openid
  assert.ok(signups.some((s) => s.callId === visits._id && s.openid === persona && s.status === 'confirmed'))
})
