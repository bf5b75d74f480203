import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  answerMaxLength,
  canCancel,
  isFull,
  isPast,
  isSignupOpen,
  isVisibleTo,
  spotsLeft,
} from '@core/calls/rules'
import { signUpIdFor } from '@core/calls/slots'
import { charCount, looksLikeId, looksLikeOpenid } from '@core/shared/validation'
import { maskPhone } from '@core/privacy/privacy'
import { DAY, makeCall, makeNgo, NOW } from './fixtures'

test('spots left is capacity minus confirmed, never negative', () => {
  assert.equal(spotsLeft(makeCall({ capacity: 30, confirmed: 12 })), 18)
  assert.equal(spotsLeft(makeCall({ capacity: 3, confirmed: 3 })), 0)
  assert.equal(spotsLeft(makeCall({ capacity: 3, confirmed: 5 })), 0)
  assert.equal(isFull(makeCall({ capacity: 3, confirmed: 3 })), true)
  assert.equal(isFull(makeCall({ capacity: 3, confirmed: 2 })), false)
})

test('sign-up is open only for an open call before its deadline and its start', () => {
  const call = makeCall()
  assert.equal(isSignupOpen(call, NOW), true)
  assert.equal(isSignupOpen(call, call.signupDeadline - 1), true)
  assert.equal(isSignupOpen(call, call.signupDeadline), false, 'the deadline itself is too late')
  assert.equal(isSignupOpen(makeCall({ signupDeadline: NOW + 20 * DAY }), call.startAt), false, 'started')
  for (const status of ['draft', 'closed', 'cancelled'] as const) {
    assert.equal(isSignupOpen(makeCall({ status }), NOW), false, status)
  }
})

test('a call is past once it has ended; a seat can be given back only before the start', () => {
  const call = makeCall()
  assert.equal(isPast(call, NOW), false)
  assert.equal(isPast(call, call.startAt + 1), false, 'under way is not past')
  assert.equal(isPast(call, call.endAt), true)
  assert.equal(canCancel(call, call.startAt - 1), true)
  assert.equal(canCancel(call, call.startAt), false)
})

test('phone masking keeps the first 3 and last 4 digits', () => {
  assert.equal(maskPhone('13800138000'), '138****8000')
  assert.equal(maskPhone('19912345678'), '199****5678')
  assert.equal(maskPhone('1234'), '**34')
  assert.equal(maskPhone(''), '')
})

test('answer length defaults depend on the question kind', () => {
  assert.equal(answerMaxLength({ kind: 'text' }), 200)
  assert.equal(answerMaxLength({ kind: 'textarea' }), 1000)
  assert.equal(answerMaxLength({ kind: 'text', maxLength: 10 }), 10)
})

test('characters are counted as people count them', () => {
  assert.equal(charCount('林晓'), 2)
  assert.equal(charCount('𠮷野家'), 3, 'a character outside the BMP is one, not two')
  assert.equal(charCount('abc'), 3)
})

test('ids and openids are recognised by shape', () => {
  assert.equal(looksLikeId('mq-trees'), true)
  assert.equal(looksLikeId('a'.repeat(32)), true)
  assert.equal(looksLikeId('a'.repeat(33)), false)
  assert.equal(looksLikeId(''), false)
  assert.equal(looksLikeId('a b'), false)
  assert.equal(looksLikeId({ $ne: null }), false)
  assert.equal(looksLikeOpenid('oJUSHOU_demo_volunteer_xlin0'), true)
  assert.equal(looksLikeOpenid('short'), false)
  assert.equal(looksLikeOpenid('o'.repeat(27) + '!'), false)
  assert.equal(looksLikeOpenid(42), false)
})

test('drafts and suspended NGOs are visible only to the NGO admins', () => {
  const organizer = 'oJUSHOU_demo_organizer_mq000'
  const visitor = 'oJUSHOU_demo_volunteer_xlin0'
  assert.equal(isVisibleTo(makeCall(), makeNgo(), undefined), true)
  assert.equal(isVisibleTo(makeCall({ status: 'closed' }), makeNgo(), visitor), true)
  assert.equal(isVisibleTo(makeCall({ status: 'draft' }), makeNgo(), undefined), false)
  assert.equal(isVisibleTo(makeCall({ status: 'draft' }), makeNgo(), visitor), false)
  assert.equal(isVisibleTo(makeCall({ status: 'draft' }), makeNgo(), organizer), true)
  assert.equal(isVisibleTo(makeCall(), makeNgo({ status: 'suspended' }), visitor), false)
  assert.equal(isVisibleTo(makeCall(), makeNgo({ status: 'pending' }), visitor), false)
  assert.equal(isVisibleTo(makeCall(), makeNgo({ status: 'rejected' }), undefined), false)
  assert.equal(isVisibleTo(makeCall(), makeNgo({ status: 'suspended' }), organizer), true)
})

test('a sign-up id is the call id and the openid, and the slot but for s1 (the id sign-ups had before slots)', () => {
  const openid = 'oJUSHOU_demo_volunteer_xlin0'
  assert.equal(signUpIdFor('mq-trees', openid), 'mq-trees_oJUSHOU_demo_volunteer_xlin0')
  assert.equal(signUpIdFor('mq-trees', openid, 's1'), 'mq-trees_oJUSHOU_demo_volunteer_xlin0')
  assert.equal(signUpIdFor('mq-trees', openid, 's2-r1'), 'mq-trees_oJUSHOU_demo_volunteer_xlin0_s2-r1')
})
