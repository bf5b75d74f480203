import { after, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { MySignUpsResponse } from '@core/calls/contract'
import { ALICE, BOB, call, DAY, ngo, signUp } from './docs'
import { startApi, type ApiHarness } from './harness'

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())
beforeEach(() => {
  h.reset()
  const now = Date.now()
  h.insert({
    ngos: [ngo()],
    calls: [
      call({ _id: 'soon', startAt: now + 2 * DAY, confirmed: 1 }),
      call({ _id: 'later', startAt: now + 20 * DAY, confirmed: 2 }),
      call({ _id: 'now', startAt: now - 1000, endAt: now + DAY, signupDeadline: now - DAY, confirmed: 1 }),
      call({ _id: 'old', startAt: now - 30 * DAY, endAt: now - 30 * DAY + 1000, confirmed: 1 }),
      call({ _id: 'older', startAt: now - 60 * DAY, endAt: now - 60 * DAY + 1000, confirmed: 1 }),
      call({ _id: 'dropped', startAt: now + 5 * DAY }),
    ],
    signups: [
      signUp('later', ALICE),
      signUp('older', ALICE, { status: 'attended' }),
      signUp('soon', ALICE),
      signUp('old', ALICE, { status: 'no_show' }),
      signUp('now', ALICE),
      signUp('dropped', ALICE, { status: 'cancelled' }),
      signUp('later', BOB),
    ],
  })
})

describe('mySignUps', () => {
  test('upcoming soonest first (under way counts), past most recent first, cancelled left out', async () => {
    const data = await h.apiOk<MySignUpsResponse>('mySignUps', {}, ALICE)
    assert.deepEqual(
      data.upcoming.map((item) => item.call._id),
      ['now', 'soon', 'later'],
    )
    assert.deepEqual(
      data.past.map((item) => item.call._id),
      ['old', 'older'],
    )
    assert.equal(data.past[0].signUp.status, 'no_show')
    assert.equal(data.upcoming[0].call.ngoName, '民勤治沙')
    assert.equal(data.upcoming[0].signUp.phone, '138****8000')
  })

  test('only the caller’s own; anonymous is refused; a forged openid is ignored', async () => {
    const bob = await h.apiOk<MySignUpsResponse>('mySignUps', { openid: ALICE }, BOB)
    assert.deepEqual(
      bob.upcoming.map((item) => item.signUp._id),
      [`later_${BOB}`],
    )
    const anonymous = await h.api('mySignUps', { openid: ALICE })
    assert.equal(anonymous.ok ? 'OK' : anonymous.code, 'UNAUTHENTICATED')
    const nobody = await h.apiOk<MySignUpsResponse>('mySignUps', {}, 'oTEST_nobody_0000000000000001')
    assert.deepEqual(nobody, { upcoming: [], past: [] })
  })
})
