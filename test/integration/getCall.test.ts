import { after, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { CallDetail } from '@core/calls/contract'
import { ALICE, BOB, call, DAY, form, ngo, ORGANIZER, signUp } from './docs'
import { startApi, type ApiHarness } from './harness'

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())
beforeEach(() => {
  h.reset()
  h.insert({
    ngos: [
      ngo(),
      ngo({ _id: 'ngo-gone', name: '已暂停的组织', status: 'suspended', admins: [BOB] }),
      ngo({ _id: 'ngo-review', name: '审核中的组织', status: 'pending', admins: [BOB] }),
    ],
    calls: [
      call({ confirmed: 1 }),
      call({ _id: 'draft', status: 'draft' }),
      call({ _id: 'hidden', ngoId: 'ngo-gone' }),
      call({ _id: 'unverified', ngoId: 'ngo-review' }),
      call({ _id: 'late', signupDeadline: Date.now() - DAY }),
    ],
    signups: [signUp('trees', ALICE)],
  })
})

describe('getCall', () => {
  test('anonymous visitors see the call with its NGO, spots left and no sign-up', async () => {
    const detail = await h.apiOk<CallDetail>('getCall', { callId: 'trees' })
    assert.equal(detail.title, '民勤梭梭林植树志愿者招募')
    assert.equal(detail.ngoName, '民勤治沙')
    assert.equal(detail.ngo.verified, true)
    assert.equal(detail.spotsLeft, 29)
    assert.equal(detail.signupOpen, true)
    assert.equal(detail.mySignUp, null)
    assert.equal(detail.questions.length, 3)
    assert.equal(JSON.stringify(detail).includes('oTEST'), false, 'no openids leak')
  })

  test('a signed-up caller sees their own sign-up, masked', async () => {
    const detail = await h.apiOk<CallDetail>('getCall', { callId: 'trees' }, ALICE)
    assert.equal(detail.mySignUp?._id, `trees_${ALICE}`)
    assert.equal(detail.mySignUp?.phone, '138****8000')
    assert.equal((await h.apiOk<CallDetail>('getCall', { callId: 'trees' }, BOB)).mySignUp, null)
  })

  test('after the deadline the call shows but sign-up is closed', async () => {
    assert.equal((await h.apiOk<CallDetail>('getCall', { callId: 'late' })).signupOpen, false)
  })

  test('drafts and calls of unverified or suspended NGOs are NOT_FOUND except for the NGO admins', async () => {
    for (const [callId, openid] of [
      ['draft', undefined],
      ['draft', ALICE],
      ['hidden', ALICE],
      ['unverified', undefined],
      ['unverified', ALICE],
      ['nope', ALICE],
    ] as const) {
      const result = await h.api('getCall', { callId }, openid)
      assert.equal(result.ok ? 'OK' : result.code, 'NOT_FOUND', `${callId} as ${openid}`)
    }
    assert.equal((await h.apiOk<CallDetail>('getCall', { callId: 'draft' }, ORGANIZER)).status, 'draft')
    assert.equal((await h.apiOk<CallDetail>('getCall', { callId: 'hidden' }, BOB)).signupOpen, true)
    assert.equal((await h.apiOk<CallDetail>('getCall', { callId: 'unverified' }, BOB)).status, 'open')
    const joined = await h.api('signUp', form('unverified'), ALICE)
    assert.equal(joined.ok ? 'OK' : joined.code, 'NOT_FOUND', 'no sign-up with an NGO nobody has checked')
  })

  test('a bad id is INVALID_INPUT', async () => {
    for (const callId of [undefined, 7, { $ne: null }, 'a b', 'x'.repeat(33)]) {
      const result = await h.api('getCall', { callId })
      assert.equal(result.ok ? 'OK' : result.code, 'INVALID_INPUT', String(callId))
      assert.ok(!result.ok && result.fields?.callId)
    }
  })
})
