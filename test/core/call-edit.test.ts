// An organizer's edit of a published call keeps its times ahead of the people on it (checkEditedCall), and a
// draft goes live only with its times ahead (checkPublishable).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { checkEditedCall } from '@core/calls/call-edit'
import { checkPublishable } from '@core/calls/call-form'
import { canCancel } from '@core/calls/rules'
import { DAY, HOUR, makeCall, NOW } from './fixtures'

// makeCall(): open, starts in 10 days, sign-up until 8 days ahead, 12 seats taken
const seated = makeCall()
const id = seated._id

test('a published call cannot start at or before now: whoever holds a seat could no longer cancel', () => {
  for (const startAt of [0, NOW - DAY, NOW]) {
    const errors = checkEditedCall(
      seated,
      { callId: id, startAt, endAt: startAt + HOUR, signupDeadline: startAt },
      NOW,
    )
    assert.equal(errors.startAt, '开始时间不能早于现在', `start at ${startAt}`)
    assert.equal(canCancel({ startAt }, NOW), false, 'the rule cancelSignUp applies')
  }
  // also with nobody signed up yet, and for a call closed to new sign-ups
  for (const call of [makeCall({ confirmed: 0 }), makeCall({ status: 'closed' })])
    assert.ok(checkEditedCall(call, { callId: id, startAt: NOW - HOUR, endAt: NOW + HOUR }, NOW).startAt)
  // a waitlist place counts as much as a seat
  const waiting = makeCall({ confirmed: 0, waitlisted: 3 })
  assert.ok(checkEditedCall(waiting, { callId: id, startAt: NOW - HOUR, endAt: NOW + HOUR }, NOW).startAt)
})

test('a start still ahead, however near, is fine; so is an edit that leaves the times as they are', () => {
  const startAt = NOW + 1
  assert.deepEqual(
    checkEditedCall(seated, { callId: id, startAt, endAt: startAt + HOUR, signupDeadline: NOW + 1 }, NOW),
    {},
  )
  // the editor sends every time: a call already started or past its deadline can still get a new address
  const started = makeCall({ startAt: NOW - HOUR, endAt: NOW + HOUR, signupDeadline: NOW - DAY })
  const same = {
    callId: id,
    startAt: started.startAt,
    endAt: started.endAt,
    signupDeadline: started.signupDeadline,
  }
  assert.deepEqual(checkEditedCall(started, { ...same, address: '新地址' }, NOW), {})
  const pastDeadline = makeCall({ signupDeadline: NOW - DAY })
  assert.deepEqual(
    checkEditedCall(pastDeadline, { callId: id, signupDeadline: NOW - DAY, capacity: 40 }, NOW),
    {},
  )
})

test('with sign-ups, the deadline and the cancel cutoff cannot move from ahead to behind now', () => {
  assert.deepEqual(checkEditedCall(seated, { callId: id, signupDeadline: NOW - HOUR }, NOW), {
    signupDeadline: '已有人报名，报名截止时间不能早于现在',
  })
  assert.deepEqual(checkEditedCall(seated, { callId: id, signupDeadline: NOW }, NOW), {
    signupDeadline: '已有人报名，报名截止时间不能早于现在',
  })
  assert.deepEqual(checkEditedCall(seated, { callId: id, cancelCutoff: NOW - HOUR }, NOW), {
    cancelCutoff: '已有人报名，取消截止时间不能早于现在',
  })
  // a cutoff that was ahead, and no cutoff at all (never late), are both "ahead"
  const withCutoff = makeCall({ cancelCutoff: NOW + DAY, waitlisted: 2 })
  assert.ok(checkEditedCall(withCutoff, { callId: id, cancelCutoff: 0 }, NOW).cancelCutoff)
  // removing the cutoff, or moving either later, is fine
  assert.deepEqual(checkEditedCall(withCutoff, { callId: id, cancelCutoff: null }, NOW), {})
  assert.deepEqual(checkEditedCall(seated, { callId: id, signupDeadline: NOW + 9 * DAY }, NOW), {})
  // a deadline already behind now that moves (the editor shifts it with the start) changes nothing for anyone
  const pastDeadline = makeCall({ signupDeadline: NOW - DAY })
  assert.deepEqual(
    checkEditedCall(
      pastDeadline,
      { callId: id, startAt: seated.startAt + DAY, endAt: seated.endAt + DAY, signupDeadline: NOW - HOUR },
      NOW,
    ),
    {},
  )
})

test('without sign-ups the deadline may close sign-up now; a draft is judged when it is published', () => {
  const empty = makeCall({ confirmed: 0, waitlisted: 0 })
  assert.deepEqual(checkEditedCall(empty, { callId: id, signupDeadline: NOW - HOUR }, NOW), {})
  const draft = makeCall({ status: 'draft', confirmed: 0 })
  assert.deepEqual(
    checkEditedCall(
      draft,
      { callId: id, startAt: NOW - DAY, endAt: NOW - DAY + HOUR, signupDeadline: NOW - 2 * DAY },
      NOW,
    ),
    {},
  )
  assert.equal(
    checkPublishable({ ...draft, startAt: NOW - DAY }, NOW).startAt,
    '开始时间已过，请修改后再发布',
  )
  assert.equal(checkPublishable({ ...draft, startAt: NOW }, NOW).startAt, '开始时间已过，请修改后再发布')
  assert.equal(
    checkPublishable({ ...draft, signupDeadline: NOW - HOUR }, NOW).signupDeadline,
    '报名截止时间已过，请修改后再发布',
  )
  assert.deepEqual(checkPublishable(draft, NOW), {})
})

test('the end still comes after the start, whatever else the edit says', () => {
  const errors = checkEditedCall(seated, { callId: id, endAt: seated.startAt - HOUR }, NOW)
  assert.deepEqual(errors, { endAt: '结束时间应晚于开始时间' })
  const moved = { callId: id, startAt: NOW - DAY, endAt: NOW - 2 * DAY, signupDeadline: NOW - 3 * DAY }
  assert.deepEqual(checkEditedCall(seated, moved, NOW), {
    startAt: '开始时间不能早于现在',
    endAt: '结束时间应晚于开始时间',
    signupDeadline: '已有人报名，报名截止时间不能早于现在',
  })
})
