import { test } from 'node:test'
import assert from 'node:assert/strict'
import { toCallCard, toCallDetail, toNgoOnCall, toSignUpView } from '@core/calls/views'
import { DAY, makeCall, makeNgo, makeSignUp, NOW } from './fixtures'

test('a card carries the NGO name and the spots left', () => {
  const card = toCallCard(makeCall({ capacity: 30, confirmed: 28 }), '民勤治沙')
  assert.equal(card.ngoName, '民勤治沙')
  assert.equal(card.spotsLeft, 2)
  assert.equal('questions' in card, false)
  assert.equal('description' in card, false)
})

test('a detail says whether sign-up is open and shows the NGO without its admins', () => {
  const detail = toCallDetail(makeCall(), toNgoOnCall(makeNgo()), [], NOW)
  assert.equal(detail.signupOpen, true)
  assert.equal(detail.mySignUp, null)
  assert.deepEqual(detail.ngo, {
    _id: 'rescue-minqin',
    name: '民勤治沙',
    city: '甘肃·民勤',
    logo: '',
    intro: '在民勤种梭梭。',
    verified: true,
  })
  assert.equal(JSON.stringify(detail).includes('oJUSHOU'), false, 'no openid leaks')
  assert.equal(toCallDetail(makeCall(), toNgoOnCall(makeNgo()), [], NOW + 9 * DAY).signupOpen, false)
  assert.equal(
    toCallDetail(makeCall(), toNgoOnCall(makeNgo({ status: 'pending' })), [], NOW).ngo.verified,
    false,
  )
})

test('a sign-up view masks the phone and drops the openid', () => {
  const view = toSignUpView(makeSignUp())
  assert.equal(view.phone, '138****8000')
  assert.equal('openid' in view, false)
  const detail = toCallDetail(makeCall(), toNgoOnCall(makeNgo()), [makeSignUp()], NOW)
  assert.equal(detail.mySignUp?.phone, '138****8000')
  assert.equal(detail.mySignUp?.status, 'confirmed')
})

test('a sign-up view carries the hours of an attendance, and whether the NGO confirmed them', () => {
  const base = { ...makeSignUp(), status: 'attended' as const, hours: 3.5 }
  const pending = toSignUpView(base)
  assert.equal(pending.hours, 3.5)
  assert.equal(pending.hoursConfirmed, undefined)
  assert.equal(toSignUpView({ ...base, hoursConfirmedAt: 1 }).hoursConfirmed, true)
  assert.equal(toSignUpView({ ...base, status: 'confirmed', hours: undefined }).hours, undefined)
})
