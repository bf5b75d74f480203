// How the real wx-server-sdk reports the local cloud's quota refusals, for each kind of database request the
// functions send, and that the functions' retry policy (quota-retry.ts) recognises every one of them.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Emulator } from '@emulator/index'
import { BASE_QUOTA } from '@emulator/quota'
import { isQuotaError } from '@lib/cloud/quota-retry'
import { sdkError, startTestEmulator, testDb, type TestDb } from './helpers'

let emu: Emulator
let db: TestDb
before(async () => {
  // a day's reads and writes used up: every database request is refused
  const started = await startTestEmulator({ quota: { ...BASE_QUOTA, dailyReads: 0, dailyWrites: 0 } })
  emu = started.emu
  db = testDb(started.sdk)
})
after(() => emu.stop())

test('every refused database request is a quota error to the functions, the aggregate too', async () => {
  const things = db.collection('things')
  const $ = db.command.aggregate
  const refused = {
    get: await sdkError(things.where({ n: 1 }).get()),
    count: await sdkError(things.where({ n: 1 }).count()),
    add: await sdkError(things.add({ data: { n: 1 } })),
    update: await sdkError(things.where({ n: 1 }).update({ data: { n: 2 } })),
    aggregate: await sdkError(
      things
        .aggregate()
        .group({ _id: null, n: $.sum(1) })
        .end(),
    ),
  }
  for (const [kind, err] of Object.entries(refused)) assert.ok(isQuotaError(err), `${kind}: ${err.errMsg}`)
  assert.ok(emu.quota!.refused.EXCEED_REQUEST_LIMIT >= 5)
})

test('a failure that is not a refusal is not taken for one', async () => {
  assert.equal(isQuotaError({ errCode: -1, code: 'DATABASE_REQUEST_FAILED' }), false)
  assert.equal(isQuotaError({ errCode: -501001 }), false)
  assert.equal(isQuotaError(null), false)
})
