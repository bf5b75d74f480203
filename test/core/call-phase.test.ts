import { test } from 'node:test'
import assert from 'node:assert/strict'
import { callPhase, consoleOrder } from '@core/calls/call-phase'
import { DAY, makeCall, NOW } from './fixtures'

const HOUR = DAY / 24

test('an open call is 报名中 only until it starts: then 进行中, and 已结束 after its end', () => {
  const call = makeCall({ startAt: NOW + DAY, endAt: NOW + DAY + 4 * HOUR })
  assert.equal(callPhase(call, NOW), 'recruiting')
  assert.equal(callPhase(call, NOW + DAY + HOUR), 'running')
  assert.equal(callPhase(call, NOW + 2 * DAY), 'ended')
  assert.equal(callPhase({ ...call, status: 'closed' }, NOW), 'signupClosed')
  assert.equal(callPhase({ ...call, status: 'closed' }, NOW + 2 * DAY), 'ended')
  assert.equal(callPhase({ ...call, status: 'cancelled' }, NOW + 2 * DAY), 'cancelled')
  assert.equal(callPhase({ ...call, status: 'draft' }, NOW), 'draft')
})

test('the console lists what runs, then what comes (soonest first), drafts, the past (latest first), cancelled', () => {
  const at = (id: string, startIn: number, status: 'open' | 'draft' | 'cancelled' = 'open') =>
    makeCall({ _id: id, status, startAt: NOW + startIn, endAt: NOW + startIn + 4 * HOUR })
  const calls = [
    at('past-old', -10 * DAY),
    at('later', 5 * DAY),
    at('cancelled', 2 * DAY, 'cancelled'),
    at('draft', 9 * DAY, 'draft'),
    at('past-recent', -2 * DAY),
    at('now', -HOUR),
    at('soon', DAY),
  ]
  assert.deepEqual(
    consoleOrder(calls, NOW).map((c) => c._id),
    ['now', 'soon', 'later', 'draft', 'past-recent', 'past-old', 'cancelled'],
  )
})
