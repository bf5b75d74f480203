// WeChat Cloud's quotas in the local cloud: what the functions do when the environment's database refuses
// requests past its limits (-501003 / -501004), and a sign-up whose answer never arrived being sent again.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { SignUpResponse } from '@core/calls/contract'
import type { ApiResult } from '@core/shared/errors'
import { busyWait } from '@services/cloud/api'
import { BASE_QUOTA } from '@emulator/quota'
import { call, form, ngo, signUp, volunteer } from './docs'
import { startApi, type ApiHarness } from './harness'

describe('under the base quota with a tight database', () => {
  let h: ApiHarness
  before(async () => {
    // 10 requests a second and 3 at once, so a burst of sign-ups meets refusals
    h = await startApi({ quota: { ...BASE_QUOTA, dbQps: 10, dbConnections: 3, dbLatencyMs: 5 } })
  })
  after(() => h.stop())

  /** Sends a sign-up as the phone does (src/services/cloud/api.ts): on BUSY it waits and sends again. */
  async function signUpAsThePhone(i: number): Promise<ApiResult<SignUpResponse>> {
    const startedAt = Date.now()
    for (let attempt = 0; ; attempt++) {
      const reply = await h.api<SignUpResponse>('signUp', form('trees'), volunteer(i))
      const wait =
        !reply.ok && reply.code === 'BUSY' ? busyWait('signUp', attempt, Date.now() - startedAt) : null
      if (wait === null) return reply
      await new Promise((done) => setTimeout(done, wait))
    }
  }

  test('refused requests are sent again (by the function, or past its short wait by the phone): every sign-up lands once, none over capacity', async () => {
    h.insert({ ngos: [ngo()], calls: [call({ _id: 'trees', capacity: 4, waitlist: true })] })
    const replies = await Promise.all(Array.from({ length: 8 }, (_, i) => signUpAsThePhone(i)))
    const refused = h.emu.quota!.refused
    assert.ok(
      refused.EXCEED_REQUEST_LIMIT + refused.EXCEED_CONCURRENT_REQUEST_LIMIT > 0,
      'the quota refused some',
    )
    const statuses = replies.map((r) => (r.ok ? r.data.signUp.status : r.code)).sort()
    assert.deepEqual(statuses, [...Array(4).fill('confirmed'), ...Array(4).fill('waitlisted')])
    assert.ok(
      replies.every((r) => r.ok && r.data.created),
      'each told 报名成功 once, on the send that made their row',
    )
    const rows = h.signUpsOf('trees')
    assert.equal(rows.filter((r) => r.status === 'confirmed').length, 4)
    assert.equal(rows.filter((r) => r.status === 'waitlisted').length, 4)
    assert.equal(h.call('trees')?.confirmed, 4)
    assert.equal(h.call('trees')?.waitlisted, 4)
  })
})

describe('a day’s writes used up', () => {
  let h: ApiHarness
  before(async () => {
    // a short budget (the cloud's is 12 s) keeps the test quick
    h = await startApi({
      quota: { ...BASE_QUOTA, dailyWrites: 0 },
      functionEnv: { api: { JUSHOU_QUOTA_BUDGET_MS: '1500' } },
    })
  })
  after(() => h.stop())

  test('the function waits out its budget once, then answers BUSY; nothing is stored', async () => {
    h.insert({ ngos: [ngo()], calls: [call({ _id: 'trees' })] })
    const before = h.snapshot()
    const reply = await h.api('signUp', form('trees'), volunteer(1))
    assert.equal(reply.ok ? 'OK' : reply.code, 'BUSY')
    assert.equal(h.snapshot(), before)
  })
})

describe('a sign-up whose answer was lost', () => {
  let h: ApiHarness
  before(async () => {
    // the instance dies right after the row is written: the volunteer sees an error, as after a timeout
    h = await startApi({ functionEnv: { api: { JUSHOU_CRASH_AT: 'signed-up' } } })
  })
  after(() => h.stop())

  test('sent again, it finds the seat it has: one seat, one row', async () => {
    h.insert({ ngos: [ngo()], calls: [call({ _id: 'trees', capacity: 2 })] })
    await assert.rejects(
      h.api('signUp', form('trees'), volunteer(1)),
      /exited/,
      'the first answer never arrives',
    )
    const again = await h.api<SignUpResponse>('signUp', form('trees'), volunteer(1))
    assert.ok(again.ok)
    assert.equal(again.data.created, false)
    assert.equal(again.data.signUp.status, 'confirmed')
    assert.equal(h.signUpsOf('trees').length, 1)
    assert.equal(h.call('trees')?.confirmed, 1)
  })
})

describe('a sign-up answered BUSY after its row was written', () => {
  let h: ApiHarness
  // one read a day: the gate's read of the call goes through, the queue's reads after the row is written do not
  const quota = { ...BASE_QUOTA, dailyReads: 1 }
  before(async () => {
    h = await startApi({ quota, functionEnv: { api: { JUSHOU_QUOTA_BUDGET_MS: '1000' } } })
  })
  after(() => h.stop())

  test('sent again, it finds its place: one place, counters equal rows, never told 报名成功 twice', async () => {
    h.insert({
      ngos: [ngo()],
      calls: [call({ _id: 'trees', capacity: 1, confirmed: 1, waitlist: true })],
      signups: [signUp('trees', volunteer(99), { status: 'confirmed' })],
    })
    const first = await h.api<SignUpResponse>('signUp', form('trees'), volunteer(1))
    assert.equal(first.ok ? 'OK' : first.code, 'BUSY')
    assert.deepEqual(
      h
        .signUpsOf('trees')
        .map((r) => [r.openid, r.status])
        .sort(),
      [
        [volunteer(1), 'waitlisted'],
        [volunteer(99), 'confirmed'],
      ],
      'the row was written before the BUSY',
    )

    quota.dailyReads = 50_000 // the next day
    const again = await h.api<SignUpResponse>('signUp', form('trees'), volunteer(1))
    assert.ok(again.ok)
    assert.equal(again.data.signUp.status, 'waitlisted')
    assert.equal(again.data.created, false, 'not told 报名成功 as a new sign-up')
    assert.equal(h.signUpsOf('trees').length, 2)
    assert.equal(h.call('trees')?.confirmed, 1)
    assert.equal(h.call('trees')?.waitlisted, 1)
  })
})

describe('the remind timer under a tight database', () => {
  let h: ApiHarness
  before(async () => {
    // 3 requests a second: each run of the timer meets refusals
    h = await startApi({ quota: { ...BASE_QUOTA, dbQps: 3 } })
  })
  after(() => h.stop())

  test('each run has its own budget: a warm instance’s later run still sends a refused request again', async () => {
    h.insert({ ngos: [ngo()], calls: [call({ _id: 'trees' })] })
    const first = await h.remind()
    assert.ok(first.ok, JSON.stringify(first))
    // later than any budget counted from the instance's start (the module outlives the invocation)
    await new Promise((done) => setTimeout(done, 2_500))
    const later = await h.remind()
    assert.ok(later.ok, JSON.stringify(later))
    assert.ok(h.emu.quota!.refused.EXCEED_REQUEST_LIMIT > 0, 'the quota refused some')
  })
})
