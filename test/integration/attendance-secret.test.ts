// Without JUSHOU_SIGNING_SECRET the function makes no codes at all (a code signed with nothing would be forgeable),
// and without JUSHOU_PASS_KEY no offline passes or rosters: it answers INTERNAL and changes nothing.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { ALICE, call, HOUR, ngo, ORGANIZER, signUp } from './docs'
import { startApi, type ApiHarness } from './harness'

let h: ApiHarness
before(async () => {
  h = await startApi({ functionEnv: { api: { JUSHOU_SIGNING_SECRET: '', JUSHOU_PASS_KEY: '' } } })
})
after(() => h.stop())

test('no signing secret and no pass key: no code or pass is made or accepted', async () => {
  const startAt = Date.now() + HOUR
  h.insert({
    ngos: [ngo()],
    calls: [call({ startAt, endAt: startAt + 3 * HOUR, confirmed: 1 })],
    signups: [signUp('trees', ALICE)],
  })
  const before = h.snapshot()
  for (const [action, body, openid] of [
    ['checkInCode', { callId: 'trees', mode: 'in' }, ORGANIZER],
    ['personalCode', {}, ALICE],
    ['checkIn', { code: `c.trees.in.1.${'A'.repeat(43)}` }, ALICE],
    ['offlinePasses', {}, ALICE],
    ['offlineRoster', { callId: 'trees' }, ORGANIZER],
  ] as const) {
    const result = await h.api(action, body, openid)
    assert.equal(result.ok ? 'OK' : result.code, 'INTERNAL', action)
  }
  assert.equal(h.snapshot(), before)
})
