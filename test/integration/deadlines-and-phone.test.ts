import { after, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { CallDetail, CancelSignUpResponse, GetPhoneNumberResponse } from '@core/calls/contract'
import { ALICE, BOB, call, DAY, form, HOUR, ngo, signUp, volunteer } from './docs'

const CAROL = volunteer(3)
import { startApi, type ApiHarness } from './harness'

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())
beforeEach(() => h.reset())

async function refused(action: string, body: object, openid: string | undefined, code: string) {
  const before = h.snapshot()
  const result = await h.api(action, body, openid)
  assert.equal(result.ok ? 'OK' : result.code, code, JSON.stringify(result))
  assert.equal(h.snapshot(), before, 'nothing changed')
}

describe('deadlines', () => {
  test('after the sign-up deadline signUp is CLOSED, also for the waitlist', async () => {
    const startAt = Date.now() + DAY
    h.insert({
      ngos: [ngo()],
      calls: [call({ startAt, endAt: startAt + HOUR, signupDeadline: Date.now() - 1, waitlist: true })],
    })
    await refused('signUp', form(), ALICE, 'CLOSED')
    const detail = await h.apiOk<CallDetail>('getCall', { callId: 'trees' }, ALICE)
    assert.equal(detail.signupOpen, false)
  })

  test('cancelling after the cutoff works and is flagged as a late drop-out; before it, not', async () => {
    const startAt = Date.now() + 2 * DAY
    h.insert({
      ngos: [ngo()],
      calls: [
        call({
          _id: 'soon',
          startAt,
          endAt: startAt + HOUR,
          cancelCutoff: Date.now() - HOUR,
          capacity: 1,
          confirmed: 1,
          waitlisted: 2,
          waitlist: true,
        }),
        call({ _id: 'later', cancelCutoff: Date.now() + DAY, confirmed: 1 }),
      ],
      signups: [
        signUp('soon', ALICE),
        signUp('soon', BOB, { status: 'waitlisted', waitlistedAt: new Date(Date.now() - 2 * HOUR) }),
        signUp('soon', CAROL, { status: 'waitlisted', waitlistedAt: new Date(Date.now() - HOUR) }),
        signUp('later', ALICE),
      ],
    })
    const late = await h.apiOk<CancelSignUpResponse>('cancelSignUp', { callId: 'soon' }, ALICE)
    assert.equal(late.signUp.status, 'cancelled')
    assert.equal(late.signUp.lateDropOut, true)
    assert.equal(h.signUp(`soon_${ALICE}`)?.lateDropOut, true, 'stored for the NGO’s roster')
    assert.equal(h.signUp(`soon_${BOB}`)?.status, 'confirmed', 'the seat still goes to the waitlist')
    const again = await h.apiOk<CancelSignUpResponse>('cancelSignUp', { callId: 'soon' }, ALICE)
    assert.equal(again.signUp.lateDropOut, true)

    const leaving = await h.apiOk<CancelSignUpResponse>('cancelSignUp', { callId: 'soon' }, CAROL)
    assert.equal(leaving.signUp.lateDropOut, undefined, 'leaving the queue late takes no seat from anyone')

    const inTime = await h.apiOk<CancelSignUpResponse>('cancelSignUp', { callId: 'later' }, ALICE)
    assert.equal(inTime.signUp.lateDropOut, undefined)
    assert.equal(h.signUp(`later_${ALICE}`)?.lateDropOut, undefined)

    const detail = await h.apiOk<CallDetail>('getCall', { callId: 'soon' }, ALICE)
    assert.equal(detail.cancelCutoff, h.call('soon')?.cancelCutoff)
    assert.equal(detail.mySignUp?.lateDropOut, true)
  })

  test('signing up again after a late drop-out starts clean', async () => {
    h.insert({
      ngos: [ngo()],
      calls: [call({ cancelCutoff: Date.now() - HOUR, confirmed: 1 })],
      signups: [signUp('trees', ALICE)],
    })
    await h.apiOk('cancelSignUp', { callId: 'trees' }, ALICE)
    await h.apiOk('signUp', form(), ALICE)
    assert.equal(h.signUp(`trees_${ALICE}`)?.lateDropOut, undefined)
    assert.equal(h.signUp(`trees_${ALICE}`)?.status, 'confirmed')
  })
})

describe('getPhoneNumber', () => {
  async function issueCode(phone: string): Promise<string> {
    const res = await fetch(`${h.emu.url}/_emulator/phone-codes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone }),
    })
    assert.equal(res.status, 200)
    return ((await res.json()) as { code: string }).code
  }

  test('a good code gives the number once; a used or unknown code is PHONE_CODE_INVALID', async () => {
    const code = await issueCode('13912345678')
    const data = await h.apiOk<GetPhoneNumberResponse>('getPhoneNumber', { code }, ALICE)
    assert.deepEqual(data, { phone: '13912345678' })
    await refused('getPhoneNumber', { code }, ALICE, 'PHONE_CODE_INVALID')
    await refused('getPhoneNumber', { code: 'made-up-code' }, ALICE, 'PHONE_CODE_INVALID')
  })

  test('bad input and anonymous callers are refused before asking WeChat', async () => {
    const code = await issueCode('13912345678')
    await refused('getPhoneNumber', { code }, undefined, 'UNAUTHENTICATED')
    await refused('getPhoneNumber', {}, ALICE, 'INVALID_INPUT')
    await refused('getPhoneNumber', { code: 42 }, ALICE, 'INVALID_INPUT')
    await refused('getPhoneNumber', { code: 'x'.repeat(200) }, ALICE, 'INVALID_INPUT')
    // the code was not spent by any of those
    assert.deepEqual(await h.apiOk('getPhoneNumber', { code }, ALICE), { phone: '13912345678' })
  })
})
