// A function instance killed between counting a seat (or a queue place) and writing the sign-up leaves a counter
// one too high. The `remind` timer repairs it, but only once nothing can still be in flight, and never by
// overwriting a change made meanwhile.
import { after, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { CallDetail } from '@core/calls/contract'
import type { RepairReport } from '@lib/waitlist/repair'
import { QUIET_MS } from '@lib/waitlist/repair'
import { ALICE, BOB, call, form, ngo, signUp } from './docs'
import { startApi, type ApiHarness } from './harness'

let h: ApiHarness
before(async () => {
  h = await startApi({ functionEnv: { api: { JUSHOU_CRASH_AT: 'seat-taken,joiner-counted' } } })
})
after(() => h.stop())
beforeEach(() => h.reset())

const LONG_AGO = () => Date.now() - QUIET_MS - 60_000

async function repair(): Promise<RepairReport> {
  const result = await h.remind<{ repair: RepairReport }>()
  assert.ok(result.ok, JSON.stringify(result))
  return result.ok ? result.data.repair : assert.fail()
}

/** Moves the call's last change into the past, as if the crash had happened minutes ago. */
function age(callId: string): void {
  h.emu.store.collection('calls').update({ _id: callId }, { $set: { updatedAt: LONG_AGO() } }, false)
}

async function crashes(body: object, openid: string): Promise<void> {
  await assert.rejects(h.api('signUp', body, openid), /the door answered 500/)
}

describe('crash between the counter and the sign-up, then repair', () => {
  test('a seat counted by a killed instance is given back by repair', async () => {
    h.insert({ ngos: [ngo()], calls: [call({ capacity: 5, confirmed: 1 })], signups: [signUp('trees', BOB)] })
    await crashes(form(), ALICE)
    assert.equal(h.call('trees')?.confirmed, 2, 'the seat was counted')
    assert.equal(h.signUp(`trees_${ALICE}`), undefined, 'but no sign-up was written')

    // The local cloud carries on: the next invocation works.
    const detail = await h.apiOk<CallDetail>('getCall', { callId: 'trees' }, BOB)
    assert.equal(detail.mySignUp?.status, 'confirmed')

    // Too recent to tell from a sign-up still in flight: left alone.
    assert.deepEqual(await repair(), { checked: 1, repaired: 0, busy: 1, promoted: 0 })
    assert.equal(h.call('trees')?.confirmed, 2)

    age('trees')
    assert.deepEqual(await repair(), { checked: 1, repaired: 1, busy: 0, promoted: 0 })
    assert.equal(h.call('trees')?.confirmed, 1)
    assert.deepEqual(await repair(), { checked: 1, repaired: 0, busy: 0, promoted: 0 }, 'nothing more to do')
  })

  test('a queue place counted by a killed instance is given back by repair', async () => {
    h.insert({
      ngos: [ngo()],
      calls: [call({ capacity: 1, confirmed: 1, waitlist: true })],
      signups: [signUp('trees', BOB)],
    })
    await crashes(form(), ALICE)
    assert.equal(h.call('trees')?.waitlisted, 1)
    assert.equal(h.signUp(`trees_${ALICE}`), undefined)
    age('trees')
    await repair()
    assert.deepEqual([h.call('trees')?.confirmed, h.call('trees')?.waitlisted], [1, 0])
  })

  test('a repaired seat goes to the waitlist at once', async () => {
    const long = LONG_AGO()
    h.insert({
      ngos: [ngo()],
      // 2 seats counted, 1 really taken (a leak), BOB waiting.
      calls: [call({ capacity: 2, confirmed: 2, waitlisted: 1, waitlist: true, updatedAt: long })],
      signups: [
        signUp('trees', ALICE, { updatedAt: long }),
        signUp('trees', BOB, { status: 'waitlisted', waitlistedAt: new Date(long), updatedAt: long }),
      ],
    })
    assert.deepEqual(await repair(), { checked: 1, repaired: 1, busy: 0, promoted: 1 })
    assert.equal(h.signUp(`trees_${BOB}`)?.status, 'confirmed')
    assert.deepEqual([h.call('trees')?.confirmed, h.call('trees')?.waitlisted], [2, 0])
    assert.equal(h.messages({ kind: 'promoted', openid: BOB }).length, 1)
  })

  test('a sign-up changed recently keeps its call out of repair; ended and cancelled calls are not looked at', async () => {
    const long = LONG_AGO()
    const now = Date.now()
    h.insert({
      ngos: [ngo()],
      calls: [
        // the counter still counts a seat whose cancel is in flight (row already cancelled, a moment ago)
        call({ _id: 'inflight', confirmed: 2, updatedAt: long }),
        call({ _id: 'ended', startAt: now - 9 * 3_600_000, endAt: now - 3_600_000, confirmed: 5 }),
        call({ _id: 'gone', status: 'cancelled', confirmed: 5 }),
      ],
      signups: [
        signUp('inflight', ALICE, { updatedAt: long }),
        signUp('inflight', BOB, { status: 'cancelled', updatedAt: now }),
      ],
    })
    assert.deepEqual(await repair(), { checked: 1, repaired: 0, busy: 1, promoted: 0 })
    assert.equal(h.call('inflight')?.confirmed, 2)
    assert.equal(h.call('ended')?.confirmed, 5)
    assert.equal(h.call('gone')?.confirmed, 5)
  })

  test('repair pages through many calls', async () => {
    const long = LONG_AGO()
    const calls = Array.from({ length: 230 }, (_, i) =>
      call({ _id: `c${String(i).padStart(3, '0')}`, confirmed: i % 2, updatedAt: long }),
    )
    h.insert({ ngos: [ngo()], calls })
    const report = await repair()
    assert.deepEqual(report, { checked: 230, repaired: 115, busy: 0, promoted: 0 })
    assert.equal(h.emu.store.collection('calls').count({ confirmed: 1 }), 0)
  })
})
