// What a sign-up costs in database round trips (each is quota on WeChat Cloud), counted by the local cloud per
// invocation, and that the cheaper answer of a waitlisted one is the same answer as its page shows.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import type { CallDetail, SignUpResponse } from '@core/calls/contract'
import { call, form, ngo, volunteer } from './docs'
import { startApi, type ApiHarness } from './harness'

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())

async function signUpCounted(who: string): Promise<{ reply: SignUpResponse; trips: number }> {
  const before = h.emu.functions.roundTrips.get('api.signUp')?.trips ?? 0
  const reply = await h.apiOk<SignUpResponse>('signUp', form('trees'), who)
  return { reply, trips: (h.emu.functions.roundTrips.get('api.signUp')?.trips ?? 0) - before }
}

test('a seat costs 3 round trips, a place in the queue 5, and the queue answers its place', async () => {
  h.insert({ ngos: [ngo()], calls: [call({ _id: 'trees', capacity: 1, waitlist: true })] })
  const seated = await signUpCounted(volunteer(1))
  assert.equal(seated.reply.signUp.status, 'confirmed')
  assert.equal(seated.trips, 3)
  for (const [n, place] of [
    [2, 1],
    [3, 2],
  ]) {
    const queued = await signUpCounted(volunteer(n))
    assert.equal(queued.reply.signUp.status, 'waitlisted')
    assert.equal(queued.reply.signUp.waitRank, place)
    assert.equal(queued.trips, 5)
    const page = await h.apiOk<CallDetail>('getCall', { callId: 'trees' }, volunteer(n))
    assert.deepEqual(queued.reply.signUp, page.mySignUp, 'the same as the page shows')
  }
})
