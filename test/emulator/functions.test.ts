// Function invocation: the H5 door, per-invocation identity, the instance pool, errors and timeouts.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Emulator } from '@emulator/index'
import type { TestDb } from './helpers'
import { callDoor, startTestEmulator, testDb } from './helpers'

let emu: Emulator
let db: TestDb

before(async () => {
  const started = await startTestEmulator({ instances: 4, timeoutMs: 1500 })
  emu = started.emu
  db = testDb(started.sdk)
})
after(() => emu.stop())

describe('identity', () => {
  test('each invocation sees its own caller, even when they overlap on warm instances', async () => {
    const callers = ['oAlice', 'oBob', 'oCarol', 'oDave', 'oEve', 'oFrank', 'oGrace', 'oHeidi']
    const results = await Promise.all(
      callers.flatMap((openid) =>
        [1, 2].map(() => callDoor(emu, 'whoami', { delayMs: 30, who: openid }, openid)),
      ),
    )
    for (const { status, body } of results) {
      assert.equal(status, 200)
      const res = body as { OPENID: string; APPID: string; ENV: string; event: { who: string } }
      assert.equal(res.OPENID, res.event.who)
      assert.match(res.APPID, /^wx/)
      assert.equal(res.ENV, 'local')
    }
  })

  test('an anonymous call sees an empty OPENID, also on an instance that served a user before', async () => {
    await callDoor(emu, 'whoami', {}, 'oSomeone')
    for (let i = 0; i < 6; i++) {
      const { status, body } = await callDoor(emu, 'whoami', {})
      assert.equal(status, 200)
      assert.equal((body as { OPENID: string }).OPENID, '')
    }
  })

  test('the identity never comes from the event', async () => {
    const { body } = await callDoor(emu, 'whoami', { OPENID: 'oForged', openid: 'oForged' }, 'oReal')
    assert.equal((body as { OPENID: string }).OPENID, 'oReal')
  })

  test('a function calling another passes the caller on', async () => {
    const { status, body } = await callDoor(emu, 'caller', {}, 'oAlice')
    assert.equal(status, 200)
    assert.equal((body as { OPENID: string }).OPENID, 'oAlice')
    assert.deepEqual((body as { event: unknown }).event, { from: 'caller' })
  })
})

describe('the door', () => {
  test('returns the function result as JSON', async () => {
    const { status, body } = await callDoor(emu, 'slow', { ms: 1 })
    assert.equal(status, 200)
    assert.deepEqual(body, { sleptMs: 1 })
  })

  test('a function that throws gives 500 with errCode and errMsg', async () => {
    const { status, body } = await callDoor(emu, 'boom', {}, 'oAlice')
    assert.equal(status, 500)
    const err = body as { errCode: number; errMsg: string }
    assert.equal(err.errCode, -504002)
    assert.match(err.errMsg, /boom: the function failed/)
  })

  test('an unknown function gives 404', async () => {
    const { status, body } = await callDoor(emu, 'nope', {})
    assert.equal(status, 404)
    assert.equal((body as { errCode: number }).errCode, -501000)
    assert.equal((await callDoor(emu, '..%2Fhelpers', {})).status, 404)
  })

  test('bad requests give 400 and run nothing', async () => {
    const before = emu.counters.adminRequests
    assert.equal((await callDoor(emu, 'whoami', '{not json')).status, 400)
    assert.equal((await callDoor(emu, 'whoami', '[1,2]')).status, 400)
    assert.equal((await callDoor(emu, 'whoami', {}, 'bad openid!')).status, 400)
    const get = await fetch(`${emu.url}/functions/whoami`)
    assert.equal(get.status, 405)
    assert.equal(emu.counters.adminRequests, before)
  })

  test('a body over the limit gets a clean 413 (not a reset connection) and runs nothing', async () => {
    const before = emu.counters.adminRequests
    const big = JSON.stringify({ pad: 'x'.repeat(10 * 1024 * 1024) })
    const { status, body } = await callDoor(emu, 'whoami', big, 'oAlice')
    assert.equal(status, 413)
    assert.equal((body as { errCode: number }).errCode, -501007)
    assert.equal(emu.counters.adminRequests, before)
    // the server is still there, on the same and on new connections
    assert.equal((await callDoor(emu, 'whoami', {}, 'oAlice')).status, 200)
  })

  test('JSON nested too deep gets 400 at every door that parses JSON, and runs nothing', async () => {
    const before = emu.counters.adminRequests
    const deep = '['.repeat(10_000) + ']'.repeat(10_000)
    const deepObject = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)
    for (const body of [deep, deepObject, `{"a":${deep}}`]) {
      const res = await callDoor(emu, 'whoami', body, 'oAlice')
      assert.equal(res.status, 400)
      assert.match((res.body as { errMsg: string }).errMsg, /deeper than 64/)
    }
    // 64 levels are fine; brackets inside strings do not count
    const ok = await callDoor(emu, 'whoami', `{"a":${'['.repeat(63)}"[[[[{{{{"${']'.repeat(63)}}`, 'oAlice')
    assert.equal(ok.status, 200)
    assert.equal(emu.counters.adminRequests, before)

    const offset = emu.clock.offsetMs
    const clock = await fetch(`${emu.url}/_emulator/clock`, { method: 'POST', body: `{"offsetMs":${deep}}` })
    assert.equal(clock.status, 400)
    assert.equal(emu.clock.offsetMs, offset)
    const admin = await fetch(`${emu.url}/admin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"action":"database.addDocument","data":${deep}}`,
    })
    assert.equal(admin.status, 400)
    assert.equal(((await admin.json()) as { code: string }).code, 'INVALID_PARAM')
  })

  test('an empty body is an empty event', async () => {
    const res = await fetch(`${emu.url}/functions/whoami`, {
      method: 'POST',
      headers: { 'x-wx-openid': 'oA' },
    })
    assert.equal(res.status, 200)
    assert.deepEqual(((await res.json()) as { event: unknown }).event, {})
  })

  test('answers CORS preflight for the H5 dev server', async () => {
    const res = await fetch(`${emu.url}/functions/whoami`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:10086',
        'access-control-request-headers': 'content-type,x-wx-openid',
      },
    })
    assert.equal(res.status, 204)
    assert.equal(res.headers.get('access-control-allow-origin'), 'http://localhost:10086')
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /x-wx-openid/)
  })
})

describe('instances', () => {
  test('warm instances are reused, at most the pool size run at once, the rest wait', async () => {
    const started = Date.now()
    const results = await Promise.all(
      Array.from({ length: 8 }, () => callDoor(emu, 'instance', { delayMs: 200 })),
    )
    const elapsed = Date.now() - started
    const pids = new Set(results.map((r) => (r.body as { pid: number }).pid))
    assert.equal(pids.size, 4) // the pool size
    assert.ok(elapsed >= 400, `8 calls of 200 ms on 4 instances take two rounds (took ${elapsed} ms)`)
    const again = await callDoor(emu, 'instance', {})
    assert.ok(pids.has((again.body as { pid: number }).pid), 'a later call lands on a warm instance')
    assert.ok((again.body as { served: number }).served >= 2)
  })

  test('an invocation over the time limit fails with a timeout and its instance is replaced', async () => {
    const { status, body } = await callDoor(emu, 'slow', { ms: 5000 })
    assert.equal(status, 500)
    assert.equal((body as { errCode: number }).errCode, -504003)
    assert.deepEqual((await callDoor(emu, 'slow', { ms: 1 })).body, { sleptMs: 1 })
  })

  test('an instance that exits fails its invocation; the next call gets a fresh instance', async () => {
    const { status } = await callDoor(emu, 'exit', {})
    assert.equal(status, 500)
    assert.equal((await callDoor(emu, 'whoami', {}, 'oA')).status, 200)
  })

  test('an instance that crashes mid-invocation reports the error and is replaced', async () => {
    const { status, body } = await callDoor(emu, 'crash', {})
    assert.equal(status, 500)
    assert.equal((body as { errCode: number }).errCode, -504002)
    assert.match((body as { errMsg: string }).errMsg, /crash: uncaught in a timer/)
    assert.equal((await callDoor(emu, 'crash', {})).status, 500)
    assert.equal((await callDoor(emu, 'whoami', {}, 'oA')).status, 200)
  })
})

describe('runtime', () => {
  test('a function runs on the exact Node of its declared runtime (Nodejs18.15 → v18.15.0)', async (t) => {
    if (process.env.JUSHOU_FUNCTIONS_NODE || process.platform !== 'linux' || process.arch !== 'x64')
      return t.skip('functions run on this Node here (an override, or no linux-x64 binary)')
    const declared = await callDoor(emu, 'version', {})
    assert.equal(declared.status, 200)
    assert.equal((declared.body as { version: string }).version, 'v18.15.0')
    assert.deepEqual((declared.body as { execArgv: string[] }).execArgv, [])
    // `instance` declares no runtime: the project's default, Nodejs18.15
    const undeclared = await callDoor(emu, 'instance', {})
    assert.equal((undeclared.body as { version: string }).version, 'v18.15.0')
    assert.notEqual(process.version, 'v18.15.0', 'the emulator itself runs on another Node')
  })

  test('a runtime WeChat Cloud does not offer fails clearly', async () => {
    const { status, body } = await callDoor(emu, 'unknown-runtime', {})
    assert.equal(status, 500)
    assert.equal((body as { errCode: number }).errCode, -504002)
    assert.match((body as { errMsg: string }).errMsg, /unknown cloud function runtime "Nodejs99\.1"/)
  })

  test("without a global limit, each function gets its config.json's timeout", async () => {
    const other = await startTestEmulator({ instances: 1 })
    try {
      assert.equal(other.emu.functions.timeoutMs('quick'), 1000)
      assert.equal(other.emu.functions.timeoutMs('slow'), 3000) // none declared: WeChat's default
      assert.deepEqual((await callDoor(other.emu, 'quick', { ms: 10 })).body, { sleptMs: 10 })
      const { status, body } = await callDoor(other.emu, 'quick', { ms: 2500 })
      assert.equal(status, 500)
      assert.equal((body as { errCode: number }).errCode, -504003)
      assert.match((body as { errMsg: string }).errMsg, /timed out after 1 seconds/)
    } finally {
      await other.emu.stop()
      Object.assign(process.env, emu.sdkEnv) // the SDK in this process talks to the first emulator again
    }
  })
})

test('200 concurrent sign-ups against a capacity of 50: exactly 50 get a seat', async () => {
  await db.collection('calls').add({ data: { _id: 'call-cap', confirmed: 0 } })
  const results = await Promise.all(
    Array.from({ length: 200 }, (_v, i) =>
      callDoor(emu, 'signup', { callId: 'call-cap', capacity: 50 }, `oUser${i}`),
    ),
  )
  assert.ok(results.every((r) => r.status === 200))
  assert.equal(results.filter((r) => (r.body as { ok: boolean }).ok).length, 50)
  const call = await db.collection('calls').doc('call-cap').get()
  assert.equal(call.data.confirmed, 50)
  assert.equal((await db.collection('signups').where({ callId: 'call-cap' }).count()).total, 50)
})
