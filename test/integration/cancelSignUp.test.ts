import { after, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { CancelSignUpResponse } from '@core/calls/contract'
import { ALICE, BOB, call, DAY, ngo, signUp } from './docs'
import { startApi, type ApiHarness } from './harness'

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())
beforeEach(() => {
  h.reset()
  h.insert({
    ngos: [ngo()],
    calls: [call({ confirmed: 2 })],
    signups: [signUp('trees', ALICE), signUp('trees', BOB)],
  })
})

async function refused(code: string, body: object, openid?: string): Promise<void> {
  const before = h.snapshot()
  const result = await h.api('cancelSignUp', body, openid)
  assert.equal(result.ok ? 'OK' : result.code, code, JSON.stringify(result))
  assert.equal(h.snapshot(), before, 'nothing changed')
}

describe('cancelSignUp', () => {
  test('cancels the caller’s own sign-up and frees its seat', async () => {
    const data = await h.apiOk<CancelSignUpResponse>('cancelSignUp', { callId: 'trees' }, ALICE)
    assert.equal(data.signUp.status, 'cancelled')
    assert.equal(h.signUp(`trees_${ALICE}`)?.status, 'cancelled')
    assert.equal(typeof h.signUp(`trees_${ALICE}`)?.cancelledAt, 'number')
    assert.equal(h.signUp(`trees_${BOB}`)?.status, 'confirmed')
    assert.equal(h.call('trees')?.confirmed, 1)
  })

  test('a second cancel answers the same and frees nothing', async () => {
    await h.apiOk('cancelSignUp', { callId: 'trees' }, ALICE)
    const again = await h.apiOk<CancelSignUpResponse>('cancelSignUp', { callId: 'trees' }, ALICE)
    assert.equal(again.signUp.status, 'cancelled')
    assert.equal(h.call('trees')?.confirmed, 1)
  })

  test('concurrent cancels free exactly one seat', async () => {
    await Promise.all(Array.from({ length: 6 }, () => h.apiOk('cancelSignUp', { callId: 'trees' }, ALICE)))
    assert.equal(h.call('trees')?.confirmed, 1)
  })

  test('someone else’s sign-up cannot be cancelled: the openid in the body is ignored', async () => {
    const carol = 'oTEST_volunteer_carol_000001'
    await refused('NOT_SIGNED_UP', { callId: 'trees', openid: ALICE, _openid: ALICE }, carol)
    await refused('UNAUTHENTICATED', { callId: 'trees', openid: ALICE })
  })

  test('not signed up, bad input, started calls', async () => {
    await refused('NOT_SIGNED_UP', { callId: 'nope' }, ALICE)
    await refused('INVALID_INPUT', {}, ALICE)
    await refused('INVALID_INPUT', { callId: ['trees'] }, ALICE)
    const now = Date.now()
    h.insert({
      calls: [
        call({ _id: 'past', startAt: now - 2 * DAY, endAt: now - DAY, confirmed: 1 }),
        call({ _id: 'started', startAt: now - 1000, endAt: now + DAY, confirmed: 1 }),
      ],
      signups: [signUp('past', ALICE, { status: 'attended' }), signUp('started', ALICE)],
    })
    await refused('CLOSED', { callId: 'past' }, ALICE)
    await refused('CLOSED', { callId: 'started' }, ALICE)
  })

  test('a counter that drifted to 0 never goes negative', async () => {
    h.reset()
    h.insert({ ngos: [ngo()], calls: [call({ confirmed: 0 })], signups: [signUp('trees', ALICE)] })
    await h.apiOk('cancelSignUp', { callId: 'trees' }, ALICE)
    assert.equal(h.call('trees')?.confirmed, 0)
  })
})
