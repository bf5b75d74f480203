// Durability: whatever the emulator acknowledged is still there after it is killed with SIGKILL.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { startEmulator } from '@emulator/index'
import { FIXTURE_FUNCTIONS, callDoor, startTestEmulator, testDb } from './helpers'

const dataDir = mkdtempSync(join(tmpdir(), 'emulator-persist-'))
after(() => rmSync(dataDir, { recursive: true, force: true }))

function runEmulatorProcess(dir: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'fixtures', 'run-emulator.ts'), dir, FIXTURE_FUNCTIONS],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => resolve(signal)),
  )
  const url = new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /READY (\S+)/.exec(out)
      if (match) resolve(match[1])
    })
    child.once('exit', () => reject(new Error(`emulator process exited before it was ready: ${out}`)))
  })
  return { child, url, exited }
}

test('writes acknowledged just before a SIGKILL are there after a restart', async () => {
  const proc = runEmulatorProcess(dataDir)
  const url = await proc.url
  // The real SDK in this process, pointed at the child process
  const { emu: scratch, sdk } = await startTestEmulator()
  await scratch.stop()
  Object.assign(process.env, (await import('@emulator/index')).sdkEnv(url))
  const db = testDb(sdk)
  await db
    .collection('calls')
    .add({ data: { _id: 'c1', title: '植树', confirmed: 0, at: new Date('2025-03-12T01:00:00Z') } })
  await db
    .collection('calls')
    .doc('c1')
    .update({ data: { confirmed: db.command.inc(1) } })
  const { body } = await callDoor({ url } as never, 'signup', { callId: 'c1', capacity: 5 }, 'oLast')
  assert.deepEqual(body, { ok: true })
  proc.child.kill('SIGKILL') // right after the last acknowledgement, no chance to flush or close
  assert.equal(await proc.exited, 'SIGKILL')

  const emu = await startEmulator({ dataDir, functionsDir: FIXTURE_FUNCTIONS, timers: false })
  try {
    const call = emu.store.collection('calls').get('c1')
    assert.equal(call?.title, '植树')
    assert.equal(call?.confirmed, 2)
    assert.ok(call?.at instanceof Date)
    assert.equal((call?.at as Date).toISOString(), '2025-03-12T01:00:00.000Z')
    assert.equal(emu.store.collection('signups').get('c1_oLast')?.openid, 'oLast')
  } finally {
    await emu.stop()
  }
})

test('a clean restart keeps everything, and seeding only happens on an empty database', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-restart-'))
  try {
    const first = await startEmulator({
      dataDir: dir,
      functionsDir: FIXTURE_FUNCTIONS,
      timers: false,
      seed: true,
    })
    const seededCalls = first.store.collection('calls').size
    assert.ok(seededCalls > 0, 'an empty database gets the demo data')
    first.store.collection('notes').insert([{ _id: 'n1', text: 'kept' }])
    first.store.collection('notes').update({ _id: 'n1' }, { $set: { text: 'kept and changed' } }, false)
    await first.stop()
    const second = await startEmulator({
      dataDir: dir,
      functionsDir: FIXTURE_FUNCTIONS,
      timers: false,
      seed: true,
    })
    assert.equal(second.store.collection('notes').get('n1')?.text, 'kept and changed')
    assert.equal(second.store.collection('calls').size, seededCalls, 'no second seeding')
    await second.stop()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
