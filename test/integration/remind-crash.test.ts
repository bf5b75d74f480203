// Exactly once, under the two things that happen to a timer: it dies half-way (WeChat kills an instance at its
// time limit, or the machine goes), and two runs overlap (a slow run still going when the next trigger fires).
// The local cloud's outbox records the message id each delivery carried (the sender puts it in the page's query),
// so deliveries are counted per message.
import { afterEach, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { RemindReport } from '@functions/remind'
import { LEASE_MS } from '@lib/messages/delivery'
import { DEFAULT_TEMPLATES } from '@core/messages/templates'
import type { Message } from '@core/model'
import { volunteer } from './docs'
import { startApi, type ApiHarness } from './harness'

const COUNT = 200

let h: ApiHarness
/** The remind instances' environment; read when an instance starts, so a test changes it only before a kill. */
let remindEnv: Record<string, string>

// Each test starts its own local cloud: a warm instance keeps the environment it started with.
beforeEach(async () => {
  remindEnv = {}
  h = await startApi({ functionEnv: { remind: remindEnv } })
})
afterEach(() => h.stop())

/** COUNT due `promoted` messages, each to a volunteer who accepted the template once. */
function queue(): void {
  const now = Date.now()
  const messages: Message[] = Array.from({ length: COUNT }, (_, i) => ({
    _id: `promoted_m${String(i).padStart(4, '0')}`,
    kind: 'promoted',
    openid: volunteer(i),
    callId: 'trees',
    signUpId: `trees_${volunteer(i)}`,
    templateId: '',
    data: { title: '民勤梭梭林植树', time: '2026-05-11 09:00', place: '民勤县', note: '候补成功' },
    sendAt: now - 1000,
    status: 'pending',
    attempts: 0,
    leaseUntil: 0,
    lastError: '',
    createdAt: now,
  }))
  h.emu.store.collection('messages').insert(messages as unknown as Record<string, unknown>[])
  for (let i = 0; i < COUNT; i++) h.emu.openapi.subscribe(volunteer(i), DEFAULT_TEMPLATES.signedUp.id)
}

/** How many times each message id was delivered. */
function deliveries(): Map<string, number> {
  const times = new Map<string, number>()
  for (const m of h.emu.openapi.outbox() as { query: { m: string } }[])
    times.set(m.query.m, (times.get(m.query.m) ?? 0) + 1)
  return times
}

function assertEachOnce(): void {
  const times = deliveries()
  assert.equal(times.size, COUNT, 'every message delivered')
  assert.deepEqual(
    [...times].filter(([, n]) => n !== 1),
    [],
    'none twice',
  )
  assert.equal(h.messages({ status: 'sent' }).length, COUNT)
}

async function run(): Promise<RemindReport> {
  const result = await h.remind<RemindReport>()
  assert.ok(result.ok, JSON.stringify(result))
  return result.ok ? result.data : assert.fail()
}

describe('remind killed half-way', () => {
  test('killed after sending 100 of 200: the next run sends the other 100, each message once', async () => {
    queue()
    // One send at a time, so the kill finds nothing in flight: it lands between one message and the next.
    Object.assign(remindEnv, { JUSHOU_CRASH_AT: 'message-marked@100', JUSHOU_REMIND_CONCURRENCY: '1' })
    await assert.rejects(h.remind(), /exited with code 70/)
    assert.equal(deliveries().size, 100)
    assert.equal(h.messages({ status: 'sent' }).length, 100)

    delete remindEnv.JUSHOU_CRASH_AT
    const report = await run()
    assert.equal(report.delivery.sent, 100)
    assertEachOnce()
  })

  test('killed with sends in flight: they wait out their lease, then go again, and WeChat refuses a repeat', async () => {
    queue()
    Object.assign(remindEnv, { JUSHOU_CRASH_AT: 'message-sent@100' }) // 10 sends at a time
    await assert.rejects(h.remind(), /exited with code 70/)
    const marked = h.messages({ status: 'sent' }).length
    const unmarked = h.messages({ status: 'sending' }).length
    // Delivered but not marked: at least the 100th, whose run died right after its send returned.
    const deliveredUnmarked = deliveries().size - marked
    assert.ok(unmarked >= 1 && unmarked <= 10, `${unmarked} claimed and unmarked (at most the concurrency)`)
    assert.ok(deliveredUnmarked >= 1 && deliveredUnmarked <= unmarked)

    delete remindEnv.JUSHOU_CRASH_AT
    const second = await run()
    assert.equal(second.delivery.sent, COUNT - marked - unmarked, 'their leases still hold: the rest goes')

    h.emu.clock.set({ offsetMs: LEASE_MS + 60_000 })
    const third = await run()
    // Each volunteer accepted once: a message WeChat already delivered uses up nothing more (43101), the others go.
    // With more acceptances left, those `deliveredUnmarked` would arrive twice: the window this design leaves.
    assert.equal(third.delivery.sent, unmarked - deliveredUnmarked)
    assert.equal(third.delivery.skipped, deliveredUnmarked)
    const times = deliveries()
    assert.equal(times.size, COUNT)
    assert.ok([...times.values()].every((n) => n === 1))
  })
})

describe('two remind runs at once', () => {
  test('each message is delivered once', async () => {
    queue()
    const [a, b] = await Promise.all([run(), run()])
    assert.equal(a.delivery.sent + b.delivery.sent, COUNT)
    assert.ok(a.delivery.sent > 0 && b.delivery.sent > 0, 'both runs sent some: they really overlapped')
    assertEachOnce()
  })
})
