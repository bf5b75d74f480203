// The local cloud's per-document write turns (DOC_WRITE_MS, emulator/quota.ts), through the real SDK: writes that
// change one document take turns, each holding it `docWriteMs`, as a real database's do; a conditional update that
// matched nothing waits for its turn but holds none (the sharded seat counters' bench tries full shards so).
// The times checked are the model's own waits, hundreds of milliseconds apart, not the machine's speed.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Emulator } from '@emulator/index'
import { BASE_QUOTA } from '@emulator/quota'
import { startTestEmulator, testDb, type TestDb } from './helpers'

const TURN_MS = 400
let emu: Emulator
let db: TestDb
before(async () => {
  const started = await startTestEmulator({
    quota: { ...BASE_QUOTA, dbQps: 1_000_000, dbConnections: 1_000, docWriteMs: TURN_MS },
  })
  emu = started.emu
  db = testDb(started.sdk)
  emu.store.collection('seats').insert([{ _id: 'call', confirmed: 0, capacity: 3 }])
})
after(() => emu.stop())

/** Five conditional seat updates sent at once; how long until all answered, and how many took a seat. */
async function fiveAtOnce(): Promise<{ ms: number; taken: number }> {
  const _ = db.command
  const started = Date.now()
  const replies = await Promise.all(
    Array.from({ length: 5 }, () =>
      db
        .collection('seats')
        .where({ _id: 'call', confirmed: _.lt(3) })
        .update({ data: { confirmed: _.inc(1) } }),
    ),
  )
  return { ms: Date.now() - started, taken: replies.filter((r) => r.stats.updated === 1).length }
}

test('writes that change one document take turns; those that match nothing hold no turn', async () => {
  const filling = await fiveAtOnce()
  assert.equal(filling.taken, 3, 'three seats, then the condition fails')
  assert.ok(filling.ms >= 3 * TURN_MS, `three changing writes one after the other: ${filling.ms} ms`)
  const full = await fiveAtOnce()
  assert.equal(full.taken, 0)
  assert.ok(full.ms < 2 * TURN_MS, `five that matched nothing held no turn: ${full.ms} ms`)
  assert.equal((emu.store.collection('seats').get('call') as { confirmed: number }).confirmed, 3)
})
