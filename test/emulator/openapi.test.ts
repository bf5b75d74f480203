// cloud.openapi.* through the real SDK (protobuf over multipart): subscribe messages, mini program codes,
// content checks, and the per-function openapi permissions from config.json.
import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import type { Emulator } from '@emulator/index'
import type { startTestEmulator as Start } from './helpers'
import { callDoor, sdkError, startTestEmulator } from './helpers'

let emu: Emulator
let sdk: Awaited<ReturnType<typeof Start>>['sdk']

before(async () => {
  ;({ emu, sdk } = await startTestEmulator())
})
after(() => emu.stop())

async function subscribe(body: unknown): Promise<Response> {
  return fetch(`${emu.url}/_emulator/subscriptions`, { method: 'POST', body: JSON.stringify(body) })
}

async function outbox(): Promise<{ touser: string; templateId: string; data: unknown; page: string }[]> {
  return ((await (await fetch(`${emu.url}/_emulator/outbox`)).json()) as { messages: never[] }).messages
}

describe('subscribeMessage.send', () => {
  beforeEach(() => fetch(`${emu.url}/_emulator/outbox`, { method: 'DELETE' }))

  test('one accepted subscription = one message in the outbox; the next send fails with 43101', async () => {
    assert.equal((await subscribe({ openid: 'oVol', templateId: 'TPL_REMIND' })).status, 200)
    const sent = await callDoor(emu, 'notify', { touser: 'oVol', templateId: 'TPL_REMIND' })
    assert.deepEqual(sent.body, { ok: true, errCode: 0 })
    const refused = await callDoor(emu, 'notify', { touser: 'oVol', templateId: 'TPL_REMIND' })
    assert.deepEqual(refused.body, {
      ok: false,
      errCode: 43101,
      errMsg: 'openapi.subscribeMessage.send:fail user refuse to accept the msg',
    })
    const messages = await outbox()
    assert.equal(messages.length, 1)
    assert.equal(messages[0].touser, 'oVol')
    assert.equal(messages[0].templateId, 'TPL_REMIND')
    assert.equal(messages[0].page, 'pages/call/index?id=c1')
    assert.deepEqual(messages[0].data, {
      thing1: { value: '植树活动' },
      time2: { value: '2025-03-12 09:00' },
    })
  })

  test('accepts add up, per template', async () => {
    await subscribe({ openid: 'oCount', templateIds: ['T_A', 'T_B'], count: 2 })
    const res = await subscribe({ openid: 'oCount', templateId: 'T_A' })
    assert.deepEqual(((await res.json()) as { counts: unknown }).counts, { T_A: 3 })
    for (let i = 0; i < 3; i++)
      await sdk.openapi.subscribeMessage.send({
        touser: 'oCount',
        templateId: 'T_A',
        data: { thing1: { value: 'x' } },
      })
    const err = await sdkError(
      sdk.openapi.subscribeMessage.send({
        touser: 'oCount',
        templateId: 'T_A',
        data: { thing1: { value: 'x' } },
      }),
    )
    assert.equal(err.errCode, 43101)
    await sdk.openapi.subscribeMessage.send({
      touser: 'oCount',
      templateId: 'T_B',
      data: { thing1: { value: 'x' } },
    })
    assert.equal((await outbox()).length, 4)
  })

  test('data breaking the template rules fails with 47003 and uses no subscription', async () => {
    await subscribe({ openid: 'oRules', templateId: 'T_R' })
    const tooLong = await sdkError(
      sdk.openapi.subscribeMessage.send({
        touser: 'oRules',
        templateId: 'T_R',
        data: { thing1: { value: '超'.repeat(21) } },
      }),
    )
    assert.equal(tooLong.errCode, 47003)
    const notPhrase = await sdkError(
      sdk.openapi.subscribeMessage.send({
        touser: 'oRules',
        templateId: 'T_R',
        data: { phrase3: { value: 'abc' } },
      }),
    )
    assert.equal(notPhrase.errCode, 47003)
    const noUser = await sdkError(
      sdk.openapi.subscribeMessage.send({ templateId: 'T_R', data: { thing1: { value: 'x' } } }),
    )
    assert.equal(noUser.errCode, 40003)
    assert.equal((await outbox()).length, 0)
    await sdk.openapi.subscribeMessage.send({
      touser: 'oRules',
      templateId: 'T_R',
      data: { thing1: { value: '二十字以内' } },
    })
    assert.equal((await outbox()).length, 1)
  })

  test('the subscriptions endpoint rejects bad input', async () => {
    assert.equal((await subscribe({ templateId: 'T' })).status, 400)
    assert.equal((await subscribe({ openid: 'o', templateId: 'T', count: 0 })).status, 400)
    assert.equal((await subscribe({ openid: 'o', templateIds: [] })).status, 400)
  })
})

describe('wxacode.getUnlimited', () => {
  test('returns a PNG that depends on page and scene', async () => {
    const a = await sdk.openapi.wxacode.getUnlimited({
      scene: 'c=abc123',
      page: 'pages/call/index',
      checkPath: false,
    })
    assert.equal(a.contentType, 'image/png')
    assert.deepEqual([...a.buffer.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47])
    const same = await sdk.openapi.wxacode.getUnlimited({ scene: 'c=abc123', page: 'pages/call/index' })
    const other = await sdk.openapi.wxacode.getUnlimited({ scene: 'c=abc124', page: 'pages/call/index' })
    assert.ok(Buffer.compare(a.buffer, same.buffer) === 0)
    assert.ok(Buffer.compare(a.buffer, other.buffer) !== 0)
  })

  test('rejects scenes WeChat rejects', async () => {
    assert.equal((await sdkError(sdk.openapi.wxacode.getUnlimited({ scene: 'x'.repeat(33) }))).errCode, 40169)
    assert.equal((await sdkError(sdk.openapi.wxacode.getUnlimited({ scene: '' }))).errCode, 40169)
    assert.equal((await sdkError(sdk.openapi.wxacode.getUnlimited({ scene: '中文' }))).errCode, 40129)
    assert.equal((await sdkError(sdk.openapi.wxacode.getUnlimited({ scene: 'a b' }))).errCode, 40129)
    assert.equal(
      (await sdkError(sdk.openapi.wxacode.getUnlimited({ scene: 'ok', page: '/pages/x' }))).errCode,
      41030,
    )
    const longest = await sdk.openapi.wxacode.getUnlimited({
      scene: "0aZ!#$&'()*+,/:;=?@-._~".padEnd(32, 'x'),
    })
    assert.equal(longest.contentType, 'image/png')
  })
})

describe('security.msgSecCheck', () => {
  test('v2 passes ordinary text and flags banned words as risky', async () => {
    const pass = await sdk.openapi.security.msgSecCheck({
      content: '周六一起去民勤种树',
      version: 2,
      scene: 2,
      openid: 'oVol',
    })
    assert.equal(pass.result.suggest, 'pass')
    const risky = await sdk.openapi.security.msgSecCheck({
      content: '来参加赌博活动',
      version: 2,
      scene: 2,
      openid: 'oVol',
    })
    assert.equal(risky.result.suggest, 'risky')
  })

  test('v1 answers risky content with errcode 87014; bad input is refused', async () => {
    assert.equal((await sdkError(sdk.openapi.security.msgSecCheck({ content: '毒品' }))).errCode, 87014)
    assert.equal(
      (await sdkError(sdk.openapi.security.msgSecCheck({ content: '', version: 2, scene: 2, openid: 'o' })))
        .errCode,
      40097,
    )
    assert.equal(
      (
        await sdkError(
          sdk.openapi.security.msgSecCheck({ content: 'x'.repeat(2501), version: 2, scene: 2, openid: 'o' }),
        )
      ).errCode,
      40097,
    )
  })
})

test('a function may only call the openapi its config.json lists', async () => {
  const { body } = await callDoor(emu, 'noperm', {})
  assert.deepEqual(body, { ok: false, errCode: -604101 })
})
