import { test } from 'node:test'
import assert from 'node:assert/strict'
import { toCallDetail, toNgoOnCall } from '@core/calls/views'
import { callAsOf, callFromPublicFile, publicCallPath } from '@core/calls/public-file'
import type { CallSession } from '@core/model'
import { DAY, HOUR, makeCall, makeNgo, NOW } from './fixtures'

const ngo = toNgoOnCall(makeNgo())

test('a call’s file has a path only for a call’s id: never a path of the caller’s making', () => {
  assert.equal(publicCallPath('mq-trees'), 'public/calls/mq-trees.json')
  for (const bad of ['', '../exports/x', 'a/b', 'a.json', 'x'.repeat(33), '名单'])
    assert.equal(publicCallPath(bad), null, bad)
})

test('a file shows its call only when it is this call’s, of this format, and not taken down', () => {
  const call = toCallDetail(makeCall(), ngo, [], NOW)
  const file = { v: 1, callId: 'mq-trees', writtenAt: NOW, call }
  assert.deepEqual(callFromPublicFile(JSON.parse(JSON.stringify(file)), 'mq-trees'), call)
  assert.equal(callFromPublicFile(file, 'other-call'), null, 'another call’s file')
  assert.equal(
    callFromPublicFile({ ...file, callId: 'other-call' }, 'other-call'),
    null,
    'a file whose call is not its name',
  )
  assert.equal(callFromPublicFile({ ...file, v: 2 }, 'mq-trees'), null, 'a format this app does not know')
  assert.equal(
    callFromPublicFile({ v: 1, callId: 'mq-trees', writtenAt: NOW, removed: true }, 'mq-trees'),
    null,
  )
  for (const junk of [
    null,
    'text',
    42,
    [],
    { v: 1, callId: 'mq-trees' },
    { ...file, call: { _id: 'mq-trees' } },
  ])
    assert.equal(callFromPublicFile(junk, 'mq-trees'), null, JSON.stringify(junk))
})

test('a file written earlier shows what time has closed since, as the function would answer now', () => {
  const sessions: CallSession[] = [
    { id: 's1', startAt: NOW + 2 * DAY, endAt: NOW + 2 * DAY + 4 * HOUR },
    { id: 's2', startAt: NOW + 4 * DAY, endAt: NOW + 4 * DAY + 4 * HOUR },
    { id: 's3', startAt: NOW + 6 * DAY, endAt: NOW + 6 * DAY + 4 * HOUR, cancelledAt: NOW - DAY },
  ]
  const calls = [
    makeCall(),
    makeCall({ signupDeadline: NOW + 20 * DAY }),
    makeCall({
      sessions,
      startAt: sessions[0].startAt,
      endAt: sessions[1].endAt,
      signupDeadline: NOW + 5 * DAY,
    }),
    makeCall({
      sessions,
      startAt: sessions[0].startAt,
      endAt: sessions[1].endAt,
      signupDeadline: NOW + 3 * DAY,
    }),
    makeCall({ status: 'closed' }),
  ]
  let closedSome = 0
  for (const call of calls) {
    const written = toCallDetail(call, ngo, [], NOW)
    for (let later = NOW; later < NOW + 12 * DAY; later += 6 * HOUR) {
      const now = toCallDetail(call, ngo, [], later)
      const shown = callAsOf(written, later)
      assert.equal(shown.signupOpen, now.signupOpen, `${call._id} at +${(later - NOW) / HOUR} h`)
      assert.deepEqual(
        shown.slots.map((slot) => slot.open),
        now.slots.map((slot) => slot.open),
      )
      if (written.signupOpen && !shown.signupOpen) closedSome++
    }
  }
  assert.ok(closedSome > 0, 'the cases include sign-ups that time closed')
})
