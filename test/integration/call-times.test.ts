// updateCall keeps a published call's times ahead of the people on it: a call with seats taken could be moved to
// 1970, and its volunteers then could not cancel (cancelSignUp refuses once a call has started). Such an edit is
// refused with a field message and changes nothing; edits that leave the times alone still go through, even on a
// call past its deadline or already under way. publishCall refuses a draft whose start has passed.
import { after, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { CancelSignUpResponse, UpdateCallResponse } from '@core/calls/contract'
import { ALICE, BOB, call, DAY, HOUR, ngo, ORGANIZER, signUp, volunteer } from './docs'
import { startApi, type ApiHarness } from './harness'

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())

const CAROL = volunteer(3)

/** 2 seats taken by ALICE and BOB, CAROL waiting; the call starts in 10 days. */
beforeEach(() => {
  h.reset()
  h.insert({
    ngos: [ngo()],
    calls: [call({ capacity: 2, confirmed: 2, waitlisted: 1, waitlist: true })],
    signups: [
      signUp('trees', ALICE),
      signUp('trees', BOB),
      signUp('trees', CAROL, { status: 'waitlisted', waitlistedAt: new Date(Date.now() - HOUR) }),
    ],
  })
})

/** The call refuses `body` with INVALID_INPUT and changes nothing; its field messages. */
async function refusedEdit(action: string, body: object): Promise<Record<string, string>> {
  const before = h.snapshot()
  const result = await h.api(action, body, ORGANIZER)
  assert.equal(result.ok ? 'OK' : result.code, 'INVALID_INPUT', JSON.stringify(result))
  assert.equal(h.snapshot(), before, 'nothing changed')
  assert.equal(h.messages().length, 0, 'nobody was told')
  return (result.ok ? undefined : result.fields) ?? {}
}

describe('updateCall on a published call', () => {
  test('moving it to 1970 is refused; its volunteers can still cancel', async () => {
    const fields = await refusedEdit('updateCall', {
      callId: 'trees',
      startAt: 0,
      endAt: HOUR,
      signupDeadline: 0,
    })
    assert.equal(fields.startAt, '开始时间不能早于现在')
    assert.equal(fields.signupDeadline, '已有人报名，报名截止时间不能早于现在')
    const cancelled = await h.apiOk<CancelSignUpResponse>('cancelSignUp', { callId: 'trees' }, ALICE)
    assert.equal(cancelled.signUp.status, 'cancelled')
    const left = await h.apiOk<CancelSignUpResponse>('cancelSignUp', { callId: 'trees' }, CAROL)
    assert.equal(left.signUp.status, 'cancelled', 'a waitlist place can be given up too')
  })

  test('a start a minute ago is refused, for a closed call too; the end still has to follow the start', async () => {
    const startAt = Date.now() - 60_000
    const fields = await refusedEdit('updateCall', {
      callId: 'trees',
      startAt,
      endAt: startAt + HOUR,
      signupDeadline: startAt - DAY,
    })
    assert.equal(fields.startAt, '开始时间不能早于现在')
    await h.apiOk('closeCall', { callId: 'trees' }, ORGANIZER)
    assert.equal(
      (await refusedEdit('updateCall', { callId: 'trees', startAt, endAt: startAt + HOUR })).startAt,
      '开始时间不能早于现在',
    )
    const start = call().startAt
    assert.equal(
      (await refusedEdit('updateCall', { callId: 'trees', endAt: start - HOUR })).endAt,
      '结束时间应晚于开始时间',
    )
  })

  test('with sign-ups, the deadline or the cancel cutoff cannot move behind now', async () => {
    const past = Date.now() - HOUR
    assert.deepEqual(await refusedEdit('updateCall', { callId: 'trees', signupDeadline: past }), {
      signupDeadline: '已有人报名，报名截止时间不能早于现在',
    })
    assert.deepEqual(await refusedEdit('updateCall', { callId: 'trees', cancelCutoff: past }), {
      cancelCutoff: '已有人报名，取消截止时间不能早于现在',
    })
    // later is fine
    const cutoff = call().startAt - DAY
    const moved = await h.apiOk<UpdateCallResponse>(
      'updateCall',
      { callId: 'trees', cancelCutoff: cutoff },
      ORGANIZER,
    )
    assert.equal(moved.call.cancelCutoff, cutoff)
  })

  test('the editor sends every time: a call past its deadline, or under way, still takes a new address', async () => {
    const now = Date.now()
    h.reset()
    h.insert({
      ngos: [ngo()],
      calls: [
        call({
          _id: 'soon',
          startAt: now + DAY,
          endAt: now + DAY + HOUR,
          signupDeadline: now - HOUR,
          confirmed: 1,
        }),
        call({
          _id: 'going',
          startAt: now - HOUR,
          endAt: now + HOUR,
          signupDeadline: now - DAY,
          confirmed: 1,
        }),
      ],
      signups: [signUp('soon', ALICE), signUp('going', BOB)],
    })
    for (const id of ['soon', 'going']) {
      const before = h.call(id)
      assert.ok(before)
      const edit = {
        callId: id,
        startAt: before.startAt,
        endAt: before.endAt,
        signupDeadline: before.signupDeadline,
        address: '民勤县红沙梁乡',
      }
      const result = await h.apiOk<UpdateCallResponse>('updateCall', edit, ORGANIZER)
      assert.equal(result.call.address, '民勤县红沙梁乡')
      assert.equal(h.call(id)?.startAt, before.startAt)
    }
  })
})

describe('publishCall', () => {
  test('a draft whose start has passed is refused and stays a draft', async () => {
    const startAt = Date.now() - HOUR
    h.insert({
      calls: [
        call({
          _id: 'late-draft',
          status: 'draft',
          startAt,
          endAt: startAt + 2 * HOUR,
          signupDeadline: startAt - DAY,
          confirmed: 0,
          waitlisted: 0,
        }),
      ],
    })
    const fields = await refusedEdit('publishCall', { callId: 'late-draft' })
    assert.equal(fields.startAt, '开始时间已过，请修改后再发布')
    assert.equal(h.call('late-draft')?.status, 'draft')
  })
})
