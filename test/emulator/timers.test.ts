// Timer triggers: the 7-field cron, firing on schedule, and firing by hand.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { CronError, parseCron } from '@emulator/timers'
import { startTestEmulator, testDb } from './helpers'

describe('parseCron', () => {
  const at = (iso: string) => new Date(iso) // local time: the test machine's zone, as the scheduler uses

  test('every five minutes on the minute', () => {
    const every5 = parseCron('0 */5 * * * * *')
    assert.equal(every5(at('2025-03-12T09:05:00')), true)
    assert.equal(every5(at('2025-03-12T09:05:01')), false)
    assert.equal(every5(at('2025-03-12T09:06:00')), false)
  })

  test('lists, ranges, steps, names and years', () => {
    const workdays = parseCron('30 0 8-18/2 * * MON-FRI 2025')
    assert.equal(workdays(at('2025-03-12T08:00:30')), true) // a Wednesday
    assert.equal(workdays(at('2025-03-12T09:00:30')), false)
    assert.equal(workdays(at('2025-03-15T08:00:30')), false) // Saturday
    assert.equal(workdays(at('2026-03-11T08:00:30')), false)
    const listed = parseCron('0 0 1,13 1 JAN,JUL * *')
    assert.equal(listed(at('2025-07-01T13:00:00')), true)
    assert.equal(listed(at('2025-02-01T13:00:00')), false)
  })

  test('malformed expressions are errors', () => {
    for (const bad of [
      '* * * * *',
      '60 * * * * * *',
      '*/0 * * * * * *',
      '5-1 * * * * * *',
      'x * * * * * *',
    ]) {
      assert.throws(() => parseCron(bad), CronError, bad)
    }
  })
})

test('a timer function fires on its schedule and by hand, without a user', async () => {
  const { emu, sdk } = await startTestEmulator({ timers: true })
  try {
    assert.deepEqual(
      emu.timers.timers.map((t) => `${t.functionName}/${t.triggerName}`),
      ['notify/notifyTimer'],
    )
    // `* * * * * * *`: every second. The first run meets a cold instance (a Node process loading the SDK), which
    // takes longer than a second on a busy machine: wait for it, up to 15 s.
    const db = testDb(sdk)
    let scheduled: Record<string, unknown>[] = []
    for (const deadline = Date.now() + 15_000; scheduled.length === 0 && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 250))
      scheduled = (await db.collection('timer_runs').get()).data
    }
    assert.ok(scheduled.length >= 1, `fired ${scheduled.length} times`)
    assert.equal(scheduled[0].trigger, 'notifyTimer')
    assert.equal(scheduled[0].openid, null)
    assert.equal(scheduled[0].source, 'wx_trigger')

    const res = await fetch(`${emu.url}/_emulator/timers/notify`, { method: 'POST' })
    assert.equal(res.status, 200)
    assert.deepEqual(await res.json(), { ran: true })
    assert.equal((await fetch(`${emu.url}/_emulator/timers/nope`, { method: 'POST' })).status, 404)
  } finally {
    await emu.stop()
  }
})
