// Sharing through the real api function: referrer codes, live group cards updated on each sign-up, attribution
// by source and recruiter, and what the organizer and the recruiter see of it.
import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import type { CallShareStatsResponse, MyRecruitsResponse, PrepareShareResponse } from '@core/sharing/contract'
import { ALICE, BOB, call, form, ngo, ORGANIZER, volunteer } from './docs'
import { startApi, type ApiHarness } from './harness'

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())
beforeEach(() => {
  h.reset()
  h.insert({ ngos: [ngo()], calls: [call({ confirmed: 0 })] })
})

/** The live card updates WeChat received, oldest first: [activity id, joined, capacity, state]. */
function cards(): unknown[][] {
  return h.emu.openapi
    .groupCardUpdates()
    .map((u) => [u.activityId, u.memberCount, u.roomLimit, u.targetState])
}

describe('sharing and attribution', () => {
  test('prepareShare gives the sharer a stable short code and a live card; each sign-up updates the card', async () => {
    const first = await h.apiOk<PrepareShareResponse>('prepareShare', { callId: 'trees' }, ALICE)
    const second = await h.apiOk<PrepareShareResponse>('prepareShare', { callId: 'trees' }, ALICE)
    assert.match(first.referrerCode, /^[0-9a-z]{6}$/)
    assert.equal(second.referrerCode, first.referrerCode)
    assert.equal(second.activityId, first.activityId, 'opening the page again makes no new card')
    const other = await h.apiOk<PrepareShareResponse>('prepareShare', { callId: 'trees' }, BOB)
    assert.notEqual(other.activityId, first.activityId)

    await h.apiOk('signUp', form('trees', { source: 'share', referrerCode: first.referrerCode }), BOB)
    assert.deepEqual(cards().sort(), [first.activityId, other.activityId].map((id) => [id, 1, 30, 0]).sort())
  })

  test('a cancelled seat, a capacity edit and closing the call all show on the live cards', async () => {
    const { activityId } = await h.apiOk<PrepareShareResponse>('prepareShare', { callId: 'trees' }, ALICE)
    await h.apiOk('signUp', form('trees'), BOB)
    await h.apiOk('cancelSignUp', { callId: 'trees' }, BOB)
    await h.apiOk('updateCall', { callId: 'trees', capacity: 40 }, ORGANIZER)
    await h.apiOk('closeCall', { callId: 'trees' }, ORGANIZER)
    assert.deepEqual(cards(), [
      [activityId, 1, 30, 0],
      [activityId, 0, 30, 0],
      [activityId, 0, 40, 0],
      [activityId, 0, 40, 1],
    ])
  })

  test('a card lives 24 hours: after that it is neither reused nor updated', async () => {
    const { activityId } = await h.apiOk<PrepareShareResponse>('prepareShare', { callId: 'trees' }, ALICE)
    try {
      h.emu.clock.set({ offsetMs: 23.5 * 3600_000 }) // under an hour left: the next share gets a fresh card
      const fresh = await h.apiOk<PrepareShareResponse>('prepareShare', { callId: 'trees' }, ALICE)
      assert.notEqual(fresh.activityId, activityId)
      h.emu.clock.set({ offsetMs: 24.5 * 3600_000 })
      await h.apiOk('signUp', form('trees'), BOB)
      assert.deepEqual(cards(), [[fresh.activityId, 1, 30, 0]])
    } finally {
      h.emu.clock.set({ offsetMs: 0 })
    }
  })

  test('a sign-up remembers its source and referrer; the organizer sees both, the recruiter their count', async () => {
    const { referrerCode } = await h.apiOk<PrepareShareResponse>('prepareShare', { callId: 'trees' }, ALICE)
    await h.apiOk('signUp', form('trees', { name: '爱丽丝' }), ALICE)
    await h.apiOk('signUp', form('trees', { source: 'poster', referrerCode }), BOB)
    await h.apiOk('signUp', form('trees', { source: 'share', referrerCode }), volunteer(1))
    await h.apiOk('signUp', form('trees', { source: 'moments' }), volunteer(2))
    await h.apiOk('signUp', form('trees', { source: 'poster', referrerCode }), volunteer(3))
    await h.apiOk('cancelSignUp', { callId: 'trees' }, volunteer(3))

    assert.equal(h.signUp(`trees_${BOB}`)?.referrer, ALICE)
    assert.equal(h.signUp(`trees_${BOB}`)?.source, 'poster')
    const stats = await h.apiOk<CallShareStatsResponse>('callShareStats', { callId: 'trees' }, ORGANIZER)
    assert.deepEqual(stats.bySource, { share: 1, poster: 1, moments: 1, search: 0, direct: 1 })
    assert.equal(stats.total, 4)
    assert.deepEqual(stats.topRecruiters, [{ name: '爱**', count: 2 }])
    assert.equal(JSON.stringify(stats).includes('oTEST'), false, 'no openids leak')

    assert.equal((await h.apiOk<MyRecruitsResponse>('myRecruits', {}, ALICE)).count, 2)
    assert.equal((await h.apiOk<MyRecruitsResponse>('myRecruits', {}, BOB)).count, 0)
  })

  test('bad requests get a clear error and change nothing', async () => {
    const before = h.snapshot()
    const cases: [string, object, string | undefined, string][] = [
      ['signUp', form('trees', { source: 'billboard' }), BOB, 'INVALID_INPUT'],
      ['prepareShare', { callId: 'trees' }, undefined, 'UNAUTHENTICATED'],
      ['prepareShare', { callId: 'nope' }, BOB, 'NOT_FOUND'],
      ['prepareShare', { callId: '' }, BOB, 'INVALID_INPUT'],
      ['callShareStats', { callId: 'trees' }, BOB, 'FORBIDDEN'],
      ['myRecruits', {}, undefined, 'UNAUTHENTICATED'],
    ]
    for (const [action, body, openid, code] of cases) {
      const result = await h.api(action, body, openid)
      assert.equal(result.ok ? 'OK' : result.code, code, `${action} ${JSON.stringify(body)}`)
    }
    assert.equal(h.snapshot(), before)
  })

  test('an unknown or malformed referrer code is dropped, never an error; one cannot refer oneself', async () => {
    await h.apiOk('signUp', form('trees', { source: 'share', referrerCode: 'zzzzzz' }), BOB)
    await h.apiOk('signUp', form('trees', { source: 'share', referrerCode: 'NOT A CODE' }), volunteer(1))
    const { referrerCode } = await h.apiOk<PrepareShareResponse>('prepareShare', { callId: 'trees' }, ALICE)
    await h.apiOk('signUp', form('trees', { source: 'share', referrerCode }), ALICE)
    for (const who of [BOB, volunteer(1), ALICE]) assert.equal(h.signUp(`trees_${who}`)?.referrer, undefined)
    assert.equal(h.signUp(`trees_${BOB}`)?.source, 'share')
  })
})
