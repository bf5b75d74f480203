import { after, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { ALICE, call, form, ngo } from './docs'
import { startApi, type ApiHarness } from './harness'

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())
beforeEach(() => h.reset())

describe('the api dispatcher', () => {
  test('an unknown or missing action is UNKNOWN_ACTION', async () => {
    for (const action of ['dropTables', '', 'constructor', '__proto__', 'toString']) {
      const result = await h.api(action, {}, ALICE)
      assert.equal(result.ok ? 'OK' : result.code, 'UNKNOWN_ACTION', action)
    }
    const res = await fetch(`${h.emu.url}/functions/api`, {
      method: 'POST',
      body: JSON.stringify({ callId: 'x' }),
    })
    const body = (await res.json()) as { code: string; message: string }
    assert.equal(body.code, 'UNKNOWN_ACTION')
    assert.equal(body.message, '不支持的操作')
  })

  test('an unexpected failure is INTERNAL with a calm message and no stack, and changes nothing', async () => {
    // A corrupt stored call (questions is not a list) makes the handler throw.
    h.insert({ ngos: [ngo()], calls: [{ ...call(), questions: 'broken' as unknown as [] }] })
    const before = h.snapshot()
    const result = await h.api('signUp', form(), ALICE)
    assert.deepEqual(result, { ok: false, code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' })
    assert.equal(h.snapshot(), before)
  })
})
