// An instance killed after giving a waitlisted volunteer the freed seat but before queueing their 「候补成功」
// message: the seat is theirs, and the next `remind` run queues the message, once, however often it runs.
import { after, before, beforeEach, test } from 'node:test'
import assert from 'node:assert/strict'
import { ALICE, BOB, call, ngo, signUp } from './docs'
import { startApi, type ApiHarness } from './harness'

let h: ApiHarness
before(async () => {
  h = await startApi({ functionEnv: { api: { JUSHOU_CRASH_AT: 'promoted' } } })
})
after(() => h.stop())
beforeEach(() => {
  h.reset()
  h.insert({
    ngos: [ngo()],
    calls: [call({ capacity: 1, confirmed: 1, waitlisted: 1, waitlist: true })],
    signups: [
      signUp('trees', BOB),
      signUp('trees', ALICE, { status: 'waitlisted', waitlistedAt: new Date(Date.now() - 3_600_000) }),
    ],
  })
})

async function remind(): Promise<number> {
  const result = await h.remind<{ promotionNotices: number }>()
  assert.ok(result.ok, JSON.stringify(result))
  return result.ok ? result.data.promotionNotices : assert.fail()
}

test('a promotion whose message was lost is told by the next remind run, exactly once', async () => {
  // BOB gives his seat back; the instance promoting ALICE dies before queueing her message
  await assert.rejects(h.api('cancelSignUp', { callId: 'trees' }, BOB), /the door answered 500/)
  assert.equal(h.signUp(`trees_${ALICE}`)?.status, 'confirmed', 'the seat is hers')
  assert.deepEqual(h.messages({ kind: 'promoted' }), [], 'but nobody told her')

  // A run in the first minute leaves it to the promoter (it may still be about to queue it)
  assert.equal(await remind(), 0)
  h.emu.clock.set({ offsetMs: 2 * 60_000 })
  try {
    assert.equal(await remind(), 1)
    const told = h.messages({ kind: 'promoted' })
    assert.equal(told.length, 1)
    assert.equal(told[0].openid, ALICE)
    assert.equal(await remind(), 0, 'the next run finds it queued')
    assert.equal(h.messages({ kind: 'promoted' }).length, 1)
  } finally {
    h.emu.clock.set({ offsetMs: 0 })
  }
})

test('a promotion given back since, or on a call cancelled since, is not told', async () => {
  await assert.rejects(h.api('cancelSignUp', { callId: 'trees' }, BOB), /the door answered 500/)
  h.emu.store.collection('calls').update({ _id: 'trees' }, { $set: { status: 'cancelled' } }, false)
  h.emu.clock.set({ offsetMs: 2 * 60_000 })
  try {
    assert.equal(await remind(), 0)
    assert.deepEqual(h.messages({ kind: 'promoted' }), [])
  } finally {
    h.emu.clock.set({ offsetMs: 0 })
  }
})

test('a promoted volunteer who has since deleted their data is not written to', async () => {
  await assert.rejects(h.api('cancelSignUp', { callId: 'trees' }, BOB), /the door answered 500/)
  h.emu.store
    .collection('signups')
    .update(
      { _id: `trees_${ALICE}` },
      { $set: { erasedAt: Date.now(), name: '已注销志愿者', phone: '' } },
      false,
    )
  h.emu.clock.set({ offsetMs: 2 * 60_000 })
  try {
    assert.equal(await remind(), 0)
    assert.deepEqual(h.messages({ kind: 'promoted' }), [])
  } finally {
    h.emu.clock.set({ offsetMs: 0 })
  }
})
