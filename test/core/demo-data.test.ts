// The demo data must obey the same rules as real data: valid sign-ups, counters equal to the rows.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { demoData } from '@emulator/demo-data'
import { PERSONAS } from '@core/shared/demo-personas'
import { isPast, isSignupOpen, spotsLeft } from '@core/calls/rules'
import { signUpIdFor } from '@core/calls/slots'
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
    assert.equal(signUp._id, signUpIdFor(signUp.callId, signUp.openid))
    assert.ok(signUp.createdAt <= NOW)
  }
  assert.equal(new Set(signups.map((s) => s._id)).size, signups.length, 'no duplicate sign-ups')
})

test('every call’s counter equals its seat-holding sign-ups, within capacity', () => {
  for (const call of calls) {
    const rows = signups.filter((s) => s.callId === call._id && SEAT_HOLDING.has(s.status))
    assert.equal(call.confirmed, rows.length, call._id)
    assert.ok(call.confirmed <= call.capacity, call._id)
    assert.equal(call.startAt < call.endAt && call.signupDeadline <= call.startAt, true, call._id)
  }
})

test('the waitlist counters equal the waitlisted rows; a queue only where the call is full', () => {
  for (const call of calls) {
    const queue = signups.filter((s) => s.callId === call._id && s.status === 'waitlisted')
    assert.equal(call.waitlisted, queue.length, call._id)
    if (queue.length) assert.equal(spotsLeft(call), 0, `${call._id} has free seats and a queue`)
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
