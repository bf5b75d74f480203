// The `remind` timer sends reminders and the outbox's messages through the real SDK to the local cloud, whose
// subscribeMessage.send behaves as WeChat's (one message per acceptance, 43101 otherwise). The local cloud's clock
// is moved to the moments that matter; the function reads the same clock.
import { after, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { RemindReport } from '@functions/remind'
import { reminderId } from '@core/messages/reminders'
import { DEFAULT_TEMPLATES } from '@core/messages/templates'
import { formatChinaTime } from '@core/shared/china-time'
import type { Message } from '@core/model'
import { ALICE, BOB, DAY, HOUR, ORGANIZER, call, ngo, signUp } from './docs'
import { startApi, type ApiHarness } from './harness'

const STARTING = DEFAULT_TEMPLATES.starting.id
const MINUTE = 60_000

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())
beforeEach(() => {
  h.reset()
  h.emu.clock.set({ offsetMs: 0 })
})

async function remind(): Promise<RemindReport> {
  const result = await h.remind<RemindReport>()
  assert.ok(result.ok, JSON.stringify(result))
  return result.ok ? result.data : assert.fail()
}

/** Moves the local cloud's clock through its HTTP route, as a test or a developer would. */
async function clockAt(at: number): Promise<void> {
  const res = await fetch(`${h.emu.url}/_emulator/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ now: at }),
  })
  assert.equal(res.status, 200)
}

interface Delivered {
  touser: string
  templateId: string
  data: Record<string, { value: string }>
  query: Record<string, string>
}
const outbox = () => h.emu.openapi.outbox() as unknown as Delivered[]

function setUp(overrides: Parameters<typeof call>[0] = {}): number {
  const startAt = Date.now() + 10 * DAY
  h.insert({
    ngos: [ngo()],
    calls: [call({ startAt, confirmed: 2, ...overrides })],
    signups: [signUp('trees', ALICE), signUp('trees', BOB)],
  })
  h.emu.openapi.subscribe(ALICE, STARTING)
  h.emu.openapi.subscribe(BOB, STARTING)
  return overrides.startAt ?? startAt
}

describe('reminder times', () => {
  test('sent in the first run after start − 24 h, not before, once', async () => {
    const startAt = setUp()
    await clockAt(startAt - DAY - MINUTE)
    assert.equal((await remind()).reminders, 0)
    assert.equal(outbox().length, 0)

    await clockAt(startAt - DAY + 4 * MINUTE) // the first 5-minute run after the moment
    const report = await remind()
    assert.equal(report.reminders, 2)
    assert.equal(report.delivery.sent, 2)
    const [first] = outbox().filter((m) => m.touser === ALICE)
    assert.equal(first.templateId, STARTING)
    assert.equal(first.data.thing1.value, '民勤梭梭林植树志愿者招募')
    assert.equal(first.data.time2.value, formatChinaTime(startAt))
    assert.equal(first.data.thing3.value, '甘肃·民勤 民勤县西渠镇')
    assert.equal(first.query.m, reminderId(`trees_${ALICE}`, startAt))

    await clockAt(startAt - DAY + 9 * MINUTE)
    const again = await remind()
    assert.equal(again.reminders, 0)
    assert.deepEqual(again.delivery, { ...report.delivery, sent: 0 })
    assert.equal(outbox().length, 2, 'nothing sent twice')
  })

  test('a call with a 2-hour lead is reminded 2 hours before, not a day before', async () => {
    const startAt = setUp({ reminderLeadHours: 2 })
    await clockAt(startAt - DAY + MINUTE)
    await remind()
    await clockAt(startAt - 2 * HOUR - MINUTE)
    await remind()
    assert.equal(outbox().length, 0)
    await clockAt(startAt - 2 * HOUR + MINUTE)
    assert.equal((await remind()).delivery.sent, 2)
  })

  test('moving the start moves the reminder', async () => {
    const startAt = setUp()
    const later = startAt + 2 * DAY
    await h.apiOk('updateCall', { callId: 'trees', startAt: later, endAt: later + 8 * HOUR }, ORGANIZER)
    h.emu.openapi.clearOutbox() // the change notice itself
    await clockAt(startAt - DAY + MINUTE)
    await remind()
    assert.equal(outbox().filter((m) => m.templateId === STARTING).length, 0, 'not at the old time')
    await clockAt(later - DAY + MINUTE)
    await remind()
    const sent = outbox().filter((m) => m.templateId === STARTING)
    assert.equal(sent.length, 2)
    assert.equal(sent[0].data.time2.value, formatChinaTime(later))
  })

  test('a reminder written before the call moved is skipped; the new time gets its own', async () => {
    const startAt = setUp()
    // Written for the old start but not yet sent (its run died right after writing it); then the call moved.
    h.emu.store
      .collection('messages')
      .insert([pendingReminder(startAt, ALICE) as unknown as Record<string, unknown>])
    const moved = startAt + HOUR
    h.emu.store
      .collection('calls')
      .update({ _id: 'trees' }, { $set: { startAt: moved, endAt: moved + HOUR } }, false)
    await clockAt(moved - DAY + MINUTE)
    await remind()
    const old = h.messages({ _id: reminderId(`trees_${ALICE}`, startAt) })[0]
    assert.equal(old.status, 'skipped')
    assert.match(old.lastError, /moved/)
    const sent = outbox().filter((m) => m.touser === ALICE)
    assert.equal(sent.length, 1)
    assert.equal(sent[0].data.time2.value, formatChinaTime(moved))
  })

  test('a call that is not on gets no reminders', async () => {
    const startAt = setUp({ status: 'draft' })
    await clockAt(startAt - DAY + MINUTE)
    assert.equal((await remind()).reminders, 0)
    assert.equal(outbox().length, 0)
  })

  test('two runs at once write and send each reminder once', async () => {
    const startAt = setUp()
    await clockAt(startAt - DAY + MINUTE)
    const [a, b] = await Promise.all([remind(), remind()])
    assert.equal(a.reminders + b.reminders, 2)
    assert.equal(a.delivery.sent + b.delivery.sent, 2)
    assert.deepEqual(
      outbox()
        .map((m) => m.touser)
        .sort(),
      [ALICE, BOB].sort(),
    )
  })

  test('a cancelled sign-up gets no reminder', async () => {
    const startAt = setUp()
    await h.apiOk('cancelSignUp', { callId: 'trees' }, BOB)
    await clockAt(startAt - DAY + MINUTE)
    await remind()
    assert.deepEqual(
      outbox().map((m) => m.touser),
      [ALICE],
    )
  })
})

describe('sending', () => {
  test('no acceptance left: skipped with WeChat’s 43101, the sign-up’s count goes to zero', async () => {
    const startAt = setUp()
    h.emu.store
      .collection('signups')
      .update({ _id: `trees_${BOB}` }, { $set: { subscriptions: { [STARTING]: 1 } } }, false)
    h.emu.openapi.subscribe(ALICE, STARTING) // Alice accepted twice: one stays for later
    h.emu.store
      .collection('_emulator_subscriptions')
      .update({ _id: `${BOB}:${STARTING}` }, { $set: { count: 0 } }, false)
    await clockAt(startAt - DAY + MINUTE)
    const { delivery } = await remind()
    assert.equal(delivery.sent, 1)
    assert.equal(delivery.skipped, 1)
    const bobs = h.messages({ signUpId: `trees_${BOB}` })[0]
    assert.equal(bobs.status, 'skipped')
    assert.match(bobs.lastError, /43101/)
    assert.equal(h.signUp(`trees_${BOB}`)?.subscriptions?.[STARTING], 0)
  })

  test('an acceptance used is counted down on the sign-up', async () => {
    const startAt = setUp()
    h.emu.store
      .collection('signups')
      .update({ _id: `trees_${ALICE}` }, { $set: { subscriptions: { [STARTING]: 2 } } }, false)
    await clockAt(startAt - DAY + MINUTE)
    await remind()
    assert.equal(h.signUp(`trees_${ALICE}`)?.subscriptions?.[STARTING], 1)
  })

  test('a passing outage: retried later with a growing delay, failed after 5 attempts with the error kept', async () => {
    const startAt = setUp()
    await clockAt(startAt - DAY + MINUTE)
    h.emu.openapi.failNext('subscribeMessage.send', -1, 2) // both volunteers' first try
    const first = await remind()
    assert.equal(first.delivery.retried, 2)
    const [waiting] = h.messages({ signUpId: `trees_${ALICE}` })
    assert.equal(waiting.status, 'pending')
    assert.equal(waiting.attempts, 1)
    assert.match(waiting.lastError, /^-1 /)
    assert.ok(waiting.sendAt >= h.emu.clock.now() + MINUTE - 5000, 'not before a minute has passed')
    assert.equal((await remind()).delivery.sent, 0, 'not sent again at once')

    await clockAt(startAt - DAY + 3 * MINUTE)
    h.emu.openapi.failNext('subscribeMessage.send', -1, 1) // Alice's or Bob's second try fails again
    const second = await remind()
    assert.deepEqual([second.delivery.sent, second.delivery.retried], [1, 1])

    // The one still failing: each later try fails too, until the fifth gives up.
    const [left] = h.messages({ status: 'pending' })
    h.emu.openapi.failNext('subscribeMessage.send', -1, 3)
    for (const wait of [6, 14, 30]) {
      await clockAt(startAt - DAY + wait * MINUTE)
      await remind()
    }
    const [failed] = h.messages({ _id: left._id })
    assert.equal(failed.status, 'failed')
    assert.equal(failed.attempts, 5)
    assert.match(failed.lastError, /injected/)
    assert.equal(outbox().length, 1)
  })

  test('a refusal no retry can fix fails at once, the error kept', async () => {
    h.insert({ ngos: [ngo()], calls: [call()] })
    h.emu.store
      .collection('messages')
      .insert([
        { ...pendingReminder(Date.now(), ''), kind: 'promoted', _id: 'promoted_x' } as unknown as Record<
          string,
          unknown
        >,
      ])
    const { delivery } = await remind()
    assert.equal(delivery.failed, 1)
    const [m] = h.messages({ _id: 'promoted_x' })
    assert.equal(m.status, 'failed')
    assert.match(m.lastError, /40003/)
    assert.equal(m.attempts, 1)
  })
})

function pendingReminder(startAt: number, openid: string): Message {
  return {
    _id: reminderId(`trees_${openid}`, startAt),
    kind: 'reminder',
    openid,
    callId: 'trees',
    signUpId: `trees_${openid}`,
    templateId: '',
    data: { title: '旧', time: formatChinaTime(startAt), place: '旧', note: '' },
    sendAt: Date.now(),
    status: 'pending',
    attempts: 0,
    leaseUntil: 0,
    lastError: '',
    createdAt: Date.now(),
  }
}
