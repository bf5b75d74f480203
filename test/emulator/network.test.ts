// The local cloud's "no signal" switch: with the network off the function door drops every request unanswered (a
// phone sees a network error, not a reply) while the SDK's own door, the inspection endpoints and the H5 files stay;
// on again, requests are answered as before. The pass key is made per data folder and kept, like the signing secret.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Emulator } from '@emulator/index'
import { passKey } from '@emulator/pass-key'
import { callDoor, startTestEmulator } from './helpers'

let emu: Emulator
before(async () => {
  ;({ emu } = await startTestEmulator())
})
after(() => emu.stop())

const network = async (body?: object) => {
  const res = await fetch(`${emu.url}/_emulator/network`, {
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  })
  return { status: res.status, body: (await res.json()) as unknown }
}

test('network off: the function door drops requests; on: it answers again', async () => {
  assert.equal((await callDoor(emu, 'whoami', {}, 'oSomeone')).status, 200)
  assert.deepEqual(await network({ online: false }), { status: 200, body: { online: false } })
  assert.equal(emu.network.online, false)
  await assert.rejects(() => callDoor(emu, 'whoami', {}, 'oSomeone'), 'no reply at all')
  assert.deepEqual((await network()).body, { online: false }, 'the inspection endpoints still answer')
  assert.equal((await network({ online: 'no' })).status, 400)
  await network({ online: true })
  assert.equal((await callDoor(emu, 'whoami', {}, 'oSomeone')).status, 200)
})

test('the pass key is kept per data folder, a new one in memory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pass-key-'))
  try {
    const first = passKey(dir)
    assert.equal(Buffer.from(first, 'base64url').length, 32)
    assert.equal(passKey(dir), first, 'the same after a restart')
    assert.notEqual(passKey(null), passKey(null))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
