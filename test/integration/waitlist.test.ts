import { after, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type {
  CallDetail,
  CancelSignUpResponse,
  MySignUpsResponse,
  SignUpResponse,
} from '@core/calls/contract'
import type { SignUp } from '@core/model'
import { ALICE, BOB, call, form, ngo, signUp, volunteer } from './docs'
import { startApi, type ApiHarness } from './harness'

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())

const CAROL = volunteer(3)
const DAVE = volunteer(4)

/** A call with 2 seats, both taken by ALICE and BOB, and a waitlist. */
beforeEach(() => {
  h.reset()
  h.insert({
    ngos: [ngo()],
    calls: [call({ capacity: 2, confirmed: 2, waitlist: true })],
    signups: [signUp('trees', ALICE), signUp('trees', BOB)],
  })
})

async function join(openid: string): Promise<SignUpResponse> {
  return h.apiOk<SignUpResponse>('signUp', form(), openid)
}

function rowsOf(status: SignUp['status']): string[] {
  return h
    .signUpsOf('trees')
    .filter((s) => s.status === status)
    .map((s) => s.openid)
    .sort()
}

describe('waitlist', () => {
  test('a full call puts newcomers on the waitlist with their positions', async () => {
    const carol = await join(CAROL)
    assert.equal(carol.created, true)
    assert.equal(carol.signUp.status, 'waitlisted')
    assert.equal(carol.signUp.waitRank, 1)
    const dave = await join(DAVE)
    assert.equal(dave.signUp.waitRank, 2)
    const stored = h.signUp(`trees_${CAROL}`)
    assert.ok(stored?.waitlistedAt instanceof Date, 'the database’s own time')
    assert.deepEqual(
      { confirmed: h.call('trees')?.confirmed, waitlisted: h.call('trees')?.waitlisted },
      { confirmed: 2, waitlisted: 2 },
    )
    const again = await join(DAVE)
    assert.equal(again.created, false)
    assert.equal(again.signUp.waitRank, 2, 'signing up again shows the same place')
    assert.equal(h.call('trees')?.waitlisted, 2)
  })

  test('getCall and mySignUps show the position, counted when read', async () => {
    await join(CAROL)
    await join(DAVE)
    const detail = await h.apiOk<CallDetail>('getCall', { callId: 'trees' }, DAVE)
    assert.equal(detail.mySignUp?.status, 'waitlisted')
    assert.equal(detail.mySignUp?.waitRank, 2)
    assert.equal(detail.waitlisted, 2)
    await h.apiOk('cancelSignUp', { callId: 'trees' }, CAROL) // leaves the waitlist
    const mine = await h.apiOk<MySignUpsResponse>('mySignUps', {}, DAVE)
    assert.equal(mine.upcoming[0]?.signUp.waitRank, 1, 'moved up')
    const confirmed = await h.apiOk<CallDetail>('getCall', { callId: 'trees' }, ALICE)
    assert.equal(confirmed.mySignUp?.waitRank, undefined, 'only a waitlisted sign-up has a position')
  })

  test('leaving the waitlist frees the place, not a seat, and can be repeated', async () => {
    await join(CAROL)
    const left = await h.apiOk<CancelSignUpResponse>('cancelSignUp', { callId: 'trees' }, CAROL)
    assert.equal(left.signUp.status, 'cancelled')
    assert.equal(left.signUp.lateDropOut, undefined)
    assert.deepEqual([h.call('trees')?.confirmed, h.call('trees')?.waitlisted], [2, 0])
    await h.apiOk('cancelSignUp', { callId: 'trees' }, CAROL)
    assert.deepEqual([h.call('trees')?.confirmed, h.call('trees')?.waitlisted], [2, 0])
    assert.equal(h.messages().length, 0)
  })

  test('a cancelled seat goes to the earliest waitlisted volunteer, with one promoted message', async () => {
    await join(CAROL)
    await join(DAVE)
    await h.apiOk('cancelSignUp', { callId: 'trees' }, ALICE)
    assert.deepEqual(rowsOf('confirmed'), [BOB, CAROL].sort())
    assert.deepEqual(rowsOf('waitlisted'), [DAVE])
    assert.deepEqual([h.call('trees')?.confirmed, h.call('trees')?.waitlisted], [2, 1])
    const carol = h.signUp(`trees_${CAROL}`)
    assert.equal(typeof carol?.promotedAt, 'number')

    const messages = h.messages()
    assert.equal(messages.length, 1)
    const [message] = messages
    assert.equal(message.kind, 'promoted')
    assert.equal(message.openid, CAROL)
    assert.equal(message.signUpId, `trees_${CAROL}`)
    assert.equal(message.status, 'pending')
    assert.equal(message._id, `promoted_trees_${CAROL}_${carol?.waitlistedAt?.getTime()}`)
    assert.equal(message.data.title, '民勤梭梭林植树志愿者招募')
    assert.match(message.data.time, /^\d{4}-\d\d-\d\d \d\d:\d\d$/)
    for (const value of Object.values(message.data)) assert.ok([...value].length <= 20, value)

    const view = await h.apiOk<CallDetail>('getCall', { callId: 'trees' }, CAROL)
    assert.equal(view.mySignUp?.status, 'confirmed')
    assert.equal(view.mySignUp?.promotedAt, carol?.promotedAt)
  })

  test('a newcomer never takes a freed seat ahead of the queue', async () => {
    await join(CAROL)
    await h.apiOk('cancelSignUp', { callId: 'trees' }, ALICE) // CAROL gets it
    await h.apiOk('cancelSignUp', { callId: 'trees' }, BOB) // a free seat, nobody waiting
    const dave = await join(DAVE)
    assert.equal(dave.signUp.status, 'confirmed', 'an empty queue: straight to a seat')
    assert.deepEqual([h.call('trees')?.confirmed, h.call('trees')?.waitlisted], [2, 0])
  })

  test('someone who left and joined again goes to the end of the queue', async () => {
    await join(CAROL)
    await join(DAVE)
    await h.apiOk('cancelSignUp', { callId: 'trees' }, CAROL)
    await new Promise((done) => setTimeout(done, 3)) // a later millisecond than DAVE's join, whatever the ids say
    const back = await join(CAROL)
    assert.equal(back.created, true)
    assert.equal(back.signUp.waitRank, 2)
    await h.apiOk('cancelSignUp', { callId: 'trees' }, BOB)
    assert.equal(h.signUp(`trees_${DAVE}`)?.status, 'confirmed')
    assert.equal(h.signUp(`trees_${CAROL}`)?.status, 'waitlisted')
  })

  test('seats freed on a closed call still go to the waitlist; a cancelled call promotes no one', async () => {
    await join(CAROL)
    await join(DAVE)
    await h.apiOk('closeCall', { callId: 'trees' }, 'oTEST_organizer_000000000001')
    await h.apiOk('cancelSignUp', { callId: 'trees' }, ALICE)
    assert.equal(h.signUp(`trees_${CAROL}`)?.status, 'confirmed')
    await h.apiOk('cancelCall', { callId: 'trees' }, 'oTEST_organizer_000000000001')
    await h.apiOk('cancelSignUp', { callId: 'trees' }, BOB)
    assert.equal(h.signUp(`trees_${DAVE}`)?.status, 'waitlisted')
    assert.equal(h.messages({ kind: 'promoted' }).length, 1)
  })

  test('without a waitlist a full call still refuses with FULL', async () => {
    h.reset()
    h.insert({
      ngos: [ngo()],
      calls: [call({ capacity: 2, confirmed: 2, waitlist: false })],
      signups: [signUp('trees', ALICE), signUp('trees', BOB)],
    })
    const result = await h.api('signUp', form(), CAROL)
    assert.equal(result.ok ? 'OK' : result.code, 'FULL')
    assert.equal(h.call('trees')?.waitlisted, 0)
  })

  test('concurrent cancels and joins: every seat filled, in queue order, counters equal rows', async () => {
    const queue = Array.from({ length: 8 }, (_, i) => volunteer(100 + i))
    for (const openid of queue) await join(openid) // one by one: a known order
    await Promise.all([
      h.apiOk('cancelSignUp', { callId: 'trees' }, ALICE),
      h.apiOk('cancelSignUp', { callId: 'trees' }, BOB),
      join(volunteer(200)),
      h.apiOk('cancelSignUp', { callId: 'trees' }, queue[5]),
    ])
    assert.deepEqual(
      rowsOf('confirmed'),
      queue.slice(0, 2).sort(),
      'the first two in the queue got the seats',
    )
    const c = h.call('trees')
    assert.equal(c?.confirmed, 2)
    assert.equal(c?.waitlisted, rowsOf('waitlisted').length)
    assert.equal(h.messages({ kind: 'promoted' }).length, 2)
  })
})
