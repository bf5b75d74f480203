// The call's page when the environment's database refuses (past the quota): a public call the instance has a copy
// of is shown without the visitor's own part, marked `mineUnknown`, when the page asks with `mineLater`; the page
// then asks again for that part (src/pages/call-detail). Refusals are forced by a day's reads used up (writes still
// go through), on one instance, so the copy is the one the earlier opens made.
import { after, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { CallDetail, SignUpResponse } from '@core/calls/contract'
import type { ApiResult } from '@core/shared/errors'
import { BASE_QUOTA } from '@emulator/quota'
import { PUBLIC_CALL_TTL_MS, REFUSED_COPY_MS } from '@lib/calls/public-call-cache'
import { ALICE, BOB, call, form, ngo, ORGANIZER, signUp } from './docs'
import { startApi, type ApiHarness } from './harness'

// only the day's reads refuse (the requests a second and at once are lifted, so no other refusal comes by chance)
const quota = { ...BASE_QUOTA, dbQps: 10_000, dbConnections: 1_000 }
const READS = BASE_QUOTA.dailyReads
let h: ApiHarness
before(async () => {
  // a short wait before BUSY (the cloud's is 2 s) keeps the test quick
  h = await startApi({
    instances: 1,
    quota,
    functionEnv: { api: { JUSHOU_QUOTA_UNWRITTEN_BUDGET_MS: '200' } },
  })
})
after(() => h.stop())
beforeEach(() => {
  quota.dailyReads = READS
  h.reset()
  // every test starts past any copy an earlier one left, even one old enough to serve only under refusals
  h.emu.clock.set({ offsetMs: h.emu.clock.offsetMs + REFUSED_COPY_MS })
  h.insert({ ngos: [ngo({ admins: [ORGANIZER] })], calls: [call({ _id: 'trees', capacity: 30 })] })
})

const refuseReads = () => (quota.dailyReads = 0)
const allowReads = () => (quota.dailyReads = READS)
const later = (ms: number) => h.emu.clock.set({ offsetMs: h.emu.clock.offsetMs + ms })
const codeOf = (reply: ApiResult<unknown>) => (reply.ok ? 'OK' : reply.code)

function page(openid?: string, callId = 'trees'): Promise<ApiResult<CallDetail>> {
  return h.api<CallDetail>('getCall', { callId, mineLater: true }, openid)
}

describe('the call’s page when the database refuses the visitor’s own part', () => {
  test('a public call in the copy is shown without the visitor’s part, marked, and nothing changes', async () => {
    await h.apiOk<SignUpResponse>('signUp', form('trees'), BOB)
    await h.apiOk<CallDetail>('getCall', { callId: 'trees' }) // the copy, read after Bob's seat
    refuseReads()
    const stored = h.snapshot()

    for (const who of [BOB, ALICE]) {
      const reply = await page(who)
      assert.ok(reply.ok, JSON.stringify(reply))
      const detail = reply.data
      assert.equal(detail.mineUnknown, true)
      assert.equal(detail.mySignUp, null, 'not claimed either way: the mark says it is unknown')
      assert.deepEqual(detail.mySignUps, [])
      assert.equal(detail.myInsurance, undefined)
      assert.equal(detail.title, '民勤梭梭林植树志愿者招募')
      assert.equal(detail.address, '民勤县西渠镇')
      assert.equal(detail.spotsLeft, 29)
    }
    // a page that did not ask to have its part later waits for all of it, as before
    assert.equal(codeOf(await h.api('getCall', { callId: 'trees' }, BOB)), 'BUSY')
    // an anonymous visitor has no part of their own: the whole page
    const anonymous = await h.apiOk<CallDetail>('getCall', { callId: 'trees', mineLater: true })
    assert.equal(anonymous.mineUnknown, undefined)
    assert.equal(h.snapshot(), stored, 'a page read wrote nothing')

    allowReads()
    const whole = await h.apiOk<CallDetail>('getCall', { callId: 'trees', mineLater: true }, BOB)
    assert.equal(whole.mineUnknown, undefined, 'the normal answer carries no mark')
    assert.equal(whole.mySignUp?.status, 'confirmed')
    // pressing 报名 meanwhile would have found the sign-up Bob has: no second place
    const again = await h.apiOk<SignUpResponse>('signUp', form('trees'), BOB)
    assert.equal(again.created, false)
    assert.equal(again.signUp.status, 'confirmed')
    assert.equal(h.signUpsOf('trees').length, 1)
    assert.equal(h.call('trees')?.confirmed, 1)
  })

  test('past its 3 s the copy still serves while the database refuses, until REFUSED_COPY_MS', async () => {
    await h.apiOk<CallDetail>('getCall', { callId: 'trees' })
    later(PUBLIC_CALL_TTL_MS + 1_000)
    refuseReads()
    assert.equal(
      (await h.apiOk<CallDetail>('getCall', { callId: 'trees' })).title,
      '民勤梭梭林植树志愿者招募',
    )
    const bob = await page(BOB)
    assert.ok(bob.ok && bob.data.mineUnknown === true, JSON.stringify(bob))

    later(REFUSED_COPY_MS)
    assert.equal(codeOf(await h.api('getCall', { callId: 'trees' })), 'BUSY', 'a copy too old is not shown')
    assert.equal(codeOf(await page(BOB)), 'BUSY')
  })

  test('a call not in the copy answers BUSY', async () => {
    h.insert({ calls: [call({ _id: 'dunes' })] })
    refuseReads()
    assert.equal(codeOf(await page(BOB, 'dunes')), 'BUSY')
    assert.equal(codeOf(await page(undefined, 'dunes')), 'BUSY')
    allowReads()
    assert.equal((await page(BOB, 'dunes')).ok, true)
  })

  test('a draft or an unverified NGO’s call is never shown this way: read afresh, or BUSY', async () => {
    h.insert({
      ngos: [ngo({ _id: 'ngo-new', name: '新机构', status: 'pending', admins: [ORGANIZER] })],
      calls: [call({ _id: 'draft', status: 'draft' }), call({ _id: 'unverified', ngoId: 'ngo-new' })],
    })
    for (const callId of ['draft', 'unverified']) {
      const seen = await page(ORGANIZER, callId)
      assert.ok(seen.ok && seen.data.mineUnknown === undefined, JSON.stringify(seen))
      refuseReads()
      assert.equal(codeOf(await page(ORGANIZER, callId)), 'BUSY', callId)
      allowReads()
      // and still nobody else's
      assert.equal(codeOf(await page(BOB, callId)), 'NOT_FOUND', callId)
    }
  })

  test('a failure other than a refusal is not covered up', async () => {
    // a row the function cannot show (a phone stored as a number): an error, not a page without the part
    h.insert({ signups: [signUp('trees', BOB, { phone: 13800138000 as unknown as string })] })
    await h.apiOk<CallDetail>('getCall', { callId: 'trees' })
    const reply = await page(BOB)
    assert.equal(codeOf(reply), 'INTERNAL', JSON.stringify(reply))
  })

  test('a bad mineLater is refused', async () => {
    const reply = await h.api('getCall', { callId: 'trees', mineLater: 'yes' }, BOB)
    assert.ok(!reply.ok && reply.code === 'INVALID_INPUT' && reply.fields?.mineLater, JSON.stringify(reply))
  })
})
