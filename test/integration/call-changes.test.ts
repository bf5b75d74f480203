import { after, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { CancelCallResponse, CloseCallResponse, UpdateCallResponse } from '@core/calls/contract'
import { ALICE, BOB, call, DAY, form, HOUR, ngo, ORGANIZER, signUp, volunteer } from './docs'
import { startApi, type ApiHarness } from './harness'

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())

const CAROL = volunteer(3)
const OTHER_ORGANIZER = 'oTEST_organizer_other_0000001'

/** 2 seats taken by ALICE and BOB, CAROL waiting; another NGO with its own organizer. */
beforeEach(() => {
  h.reset()
  h.insert({
    ngos: [ngo(), ngo({ _id: 'ngo-other', name: '别的公益', admins: [OTHER_ORGANIZER] })],
    calls: [call({ capacity: 2, confirmed: 2, waitlisted: 1, waitlist: true })],
    signups: [
      signUp('trees', ALICE),
      signUp('trees', BOB),
      signUp('trees', CAROL, { status: 'waitlisted', waitlistedAt: new Date(Date.now() - HOUR) }),
    ],
  })
})

async function refused(action: string, body: object, openid: string | undefined, code: string) {
  const before = h.snapshot()
  const result = await h.api(action, body, openid)
  assert.equal(result.ok ? 'OK' : result.code, code, JSON.stringify(result))
  assert.equal(h.snapshot(), before, 'nothing changed')
  return result.ok ? undefined : result.fields
}

describe('who may change a call', () => {
  for (const [action, body] of [
    ['closeCall', { callId: 'trees' }],
    ['cancelCall', { callId: 'trees' }],
    [
      'updateCall',
      { callId: 'trees', capacity: 5, startAt: Date.now() + 20 * DAY, endAt: Date.now() + 21 * DAY },
    ],
  ] as const) {
    test(`${action}: only the call's own NGO; anyone else is refused and nothing changes`, async () => {
      await refused(action, body, ALICE, 'FORBIDDEN')
      await refused(action, body, OTHER_ORGANIZER, 'FORBIDDEN')
      await refused(action, { ...body, openid: ORGANIZER }, ALICE, 'FORBIDDEN')
      await refused(action, body, undefined, 'UNAUTHENTICATED')
      await refused(action, { ...body, callId: 'nope' }, ORGANIZER, 'NOT_FOUND')
      await refused(action, { ...body, callId: { $ne: '' } }, ORGANIZER, 'INVALID_INPUT')
    })
  }
})

describe('closeCall', () => {
  test('stops new sign-ups, keeps the existing ones; closing again answers the same', async () => {
    const closed = await h.apiOk<CloseCallResponse>('closeCall', { callId: 'trees' }, ORGANIZER)
    assert.equal(closed.call.status, 'closed')
    assert.equal(closed.call.signupOpen, false)
    const again = await h.apiOk<CloseCallResponse>('closeCall', { callId: 'trees' }, ORGANIZER)
    assert.equal(again.call.status, 'closed')
    await refused('signUp', form(), volunteer(9), 'CLOSED')
    assert.deepEqual(
      h
        .signUpsOf('trees')
        .map((s) => s.status)
        .sort(),
      ['confirmed', 'confirmed', 'waitlisted'],
    )
    assert.equal(h.messages().length, 0)
  })
})

describe('cancelCall', () => {
  test('tells every confirmed and waitlisted volunteer once, however often it is retried', async () => {
    h.insert({ signups: [signUp('trees', volunteer(7), { status: 'cancelled' })] })
    const first = await h.apiOk<CancelCallResponse>(
      'cancelCall',
      { callId: 'trees', reason: '天气原因，活动取消' },
      ORGANIZER,
    )
    assert.equal(first.call.status, 'cancelled')
    assert.equal(first.notified, 3)
    const retried = await Promise.all([
      h.apiOk<CancelCallResponse>('cancelCall', { callId: 'trees' }, ORGANIZER),
      h.apiOk<CancelCallResponse>('cancelCall', { callId: 'trees' }, ORGANIZER),
    ])
    assert.deepEqual(
      retried.map((r) => r.notified),
      [3, 3],
    )
    const messages = h.messages({ kind: 'cancelled' })
    assert.deepEqual(messages.map((m) => m.openid).sort(), [ALICE, BOB, CAROL].sort())
    assert.ok(messages.every((m) => m.data.note === '天气原因，活动取消' && m.status === 'pending'))
    assert.deepEqual(
      h
        .signUpsOf('trees')
        .map((s) => s.status)
        .sort(),
      ['cancelled', 'confirmed', 'confirmed', 'waitlisted'],
      'sign-ups keep their status',
    )
    await refused('signUp', form(), volunteer(9), 'CLOSED')
    await refused('closeCall', { callId: 'trees' }, ORGANIZER, 'CALL_CANCELLED')
    await refused('updateCall', { callId: 'trees', capacity: 9 }, ORGANIZER, 'CALL_CANCELLED')
  })

  test('a reason longer than a message field takes is refused', async () => {
    const fields = await refused(
      'cancelCall',
      { callId: 'trees', reason: '因'.repeat(21) },
      ORGANIZER,
      'INVALID_INPUT',
    )
    assert.ok(fields?.reason)
  })
})

describe('updateCall', () => {
  test('a time change queues one changed message per volunteer; a retry none more; a second edit another', async () => {
    const startAt = call().startAt + DAY
    const edit = { callId: 'trees', startAt, endAt: startAt + 6 * HOUR, signupDeadline: startAt - DAY }
    const first = await h.apiOk<UpdateCallResponse>('updateCall', edit, ORGANIZER)
    assert.equal(first.notified, 3)
    assert.equal(first.call.startAt, startAt)
    assert.equal(h.call('trees')?.editVersion, 1)
    const retry = await h.apiOk<UpdateCallResponse>('updateCall', edit, ORGANIZER)
    assert.equal(h.call('trees')?.editVersion, 1, 'nothing changed, no new version')
    assert.equal(retry.notified, 3, 'the retry re-queues under the same ids')
    assert.equal(h.messages({ kind: 'changed' }).length, 3)

    await h.apiOk('updateCall', { callId: 'trees', address: '民勤县红沙梁乡' }, ORGANIZER)
    const changed = h.messages({ kind: 'changed' })
    assert.equal(changed.length, 6)
    const aliceV2 = changed.find((m) => m._id === `changed_trees_${ALICE}_v2`)
    assert.equal(aliceV2?.data.place, '甘肃·民勤 民勤县红沙梁乡')
    assert.ok(changed.every((m) => Object.values(m.data).every((v) => [...v].length <= 20)))
  })

  test('two concurrent edits are two versions and two messages each', async () => {
    await Promise.all([
      h.apiOk('updateCall', { callId: 'trees', address: '地点一' }, ORGANIZER),
      h.apiOk('updateCall', { callId: 'trees', city: '甘肃·武威' }, ORGANIZER),
    ])
    assert.equal(h.call('trees')?.editVersion, 2)
    assert.equal(h.call('trees')?.address, '地点一')
    assert.equal(h.call('trees')?.city, '甘肃·武威')
    assert.equal(h.messages({ kind: 'changed' }).length, 6)
  })

  test('cutoff and capacity edits tell nobody; more seats go to the waitlist', async () => {
    const cutoff = call().startAt - DAY
    const result = await h.apiOk<UpdateCallResponse>(
      'updateCall',
      { callId: 'trees', capacity: 4, cancelCutoff: cutoff },
      ORGANIZER,
    )
    assert.equal(result.notified, 0)
    assert.equal(result.promoted, 1)
    assert.equal(result.call.cancelCutoff, cutoff)
    assert.equal(h.signUp(`trees_${CAROL}`)?.status, 'confirmed')
    assert.deepEqual([h.call('trees')?.confirmed, h.call('trees')?.waitlisted], [3, 0])
    assert.equal(h.messages({ kind: 'promoted' }).length, 1)
    assert.equal(h.messages({ kind: 'changed' }).length, 0)
    const joined = await h.apiOk<{ signUp: { status: string } }>('signUp', form(), volunteer(9))
    assert.equal(joined.signUp.status, 'confirmed', 'the fourth seat is free for a newcomer')
    await h.apiOk('updateCall', { callId: 'trees', cancelCutoff: null }, ORGANIZER)
    assert.equal(h.call('trees')?.cancelCutoff, undefined)
  })

  test('fewer seats than taken, or times that do not fit together, are refused and change nothing', async () => {
    assert.ok(
      (await refused('updateCall', { callId: 'trees', capacity: 1 }, ORGANIZER, 'INVALID_INPUT'))?.capacity,
    )
    const startAt = call().startAt
    const bad = [
      { endAt: startAt - HOUR },
      { signupDeadline: startAt + HOUR },
      { cancelCutoff: startAt + HOUR },
      { capacity: 0 },
      { capacity: 2.5 },
      { startAt: 'tomorrow' },
      { location: { lat: 200, lng: 0 } },
      { address: '址'.repeat(101) },
      {},
    ]
    for (const edit of bad)
      await refused('updateCall', { callId: 'trees', ...edit }, ORGANIZER, 'INVALID_INPUT')
  })

  test('capacity can come down to the seats taken', async () => {
    await h.apiOk('updateCall', { callId: 'trees', capacity: 5 }, ORGANIZER) // CAROL promoted: 3 taken
    const result = await h.apiOk<UpdateCallResponse>(
      'updateCall',
      { callId: 'trees', capacity: 3 },
      ORGANIZER,
    )
    assert.equal(result.call.capacity, 3)
    assert.equal(result.call.spotsLeft, 0)
  })
})
