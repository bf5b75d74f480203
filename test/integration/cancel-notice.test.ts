// A sign-up that counted its seat just before the organizer cancelled the call, and wrote its row just after the
// volunteers were told: the next `remind` run tells that volunteer too, in the cancel's own words, and nobody twice.
import { after, before, beforeEach, test } from 'node:test'
import assert from 'node:assert/strict'
import { ALICE, BOB, call, ngo, ORGANIZER, signUp } from './docs'
import { startApi, type ApiHarness } from './harness'

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())
beforeEach(() => {
  h.reset()
  h.insert({ ngos: [ngo()], calls: [call({ confirmed: 1 })], signups: [signUp('trees', BOB)] })
})

async function remind(): Promise<number> {
  const result = await h.remind<{ cancelNotices: number }>()
  assert.ok(result.ok, JSON.stringify(result))
  return result.ok ? result.data.cancelNotices : assert.fail()
}

test('a volunteer whose sign-up landed just after the cancel is told by the next remind run, once', async () => {
  await h.apiOk('cancelCall', { callId: 'trees', reason: '沙尘暴预警' }, ORGANIZER)
  assert.deepEqual(
    h.messages({ kind: 'cancelled' }).map((m) => m.openid),
    [BOB],
  )
  // the racing sign-up's row, written after the telling went by
  h.insert({ signups: [signUp('trees', ALICE, { createdAt: Date.now(), updatedAt: Date.now() })] })

  assert.equal(await remind(), 0, 'a minute is left for sign-ups still in flight')
  h.emu.clock.set({ offsetMs: 2 * 60_000 })
  try {
    assert.equal(await remind(), 1)
    const told = h.messages({ kind: 'cancelled' })
    assert.deepEqual(told.map((m) => m.openid).sort(), [ALICE, BOB].sort())
    assert.ok(
      told.every((m) => m.data.note === '沙尘暴预警'),
      'in the cancel’s own words',
    )
    assert.equal(await remind(), 0, 'nobody twice')
    assert.equal(h.messages({ kind: 'cancelled' }).length, 2)
  } finally {
    h.emu.clock.set({ offsetMs: 0 })
  }
})

test('a cancel retried with other words keeps the first; calls cancelled long ago are not read again', async () => {
  await h.apiOk('cancelCall', { callId: 'trees', reason: '沙尘暴预警' }, ORGANIZER)
  await h.apiOk('cancelCall', { callId: 'trees', reason: '另一个说法' }, ORGANIZER)
  assert.equal(h.call('trees')?.cancelReason, '沙尘暴预警')
  h.insert({ signups: [signUp('trees', ALICE)] })
  h.emu.clock.set({ offsetMs: 2 * 3600_000 })
  try {
    assert.equal(await remind(), 0)
  } finally {
    h.emu.clock.set({ offsetMs: 0 })
  }
})
