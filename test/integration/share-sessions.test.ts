// Live group cards of a call in several sessions: WeChat's card takes two numbers and a state, so it shows the
// places of the sessions not cancelled (the places placesSummary counts), and ends once none is left.
import assert from 'node:assert/strict'
import { after, before, beforeEach, test } from 'node:test'
import { placesSummary } from '@core/calls/session-text'
import { emptySlots } from '@core/calls/slots'
import type { PrepareShareResponse } from '@core/sharing/contract'
import type { Call, CallSession } from '@core/model'
import { ALICE, BOB, call, DAY, form, HOUR, ngo, ORGANIZER, volunteer } from './docs'
import { startApi, type ApiHarness } from './harness'

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())
beforeEach(() => h.reset())

/** Three weekly batches of 2 places; the third cancelled. */
function season(): Call {
  const first = Date.now() + 10 * DAY
  const sessions: CallSession[] = [0, 7, 14].map((days, i) => ({
    id: `s${i + 1}`,
    startAt: first + days * DAY,
    endAt: first + days * DAY + 4 * HOUR,
    ...(i === 2 ? { cancelledAt: Date.now() } : {}),
  }))
  const base = call({
    startAt: first,
    endAt: sessions[2].endAt,
    signupDeadline: first - DAY,
    questions: [],
    sessions,
    capacity: 2,
  })
  return { ...base, slots: emptySlots(base), capacity: 6 }
}

function cards(): unknown[][] {
  return h.emu.openapi.groupCardUpdates().map((u) => [u.memberCount, u.roomLimit, u.targetState])
}

test('a call of several sessions: its card counts the places of the sessions not cancelled', async () => {
  h.insert({ ngos: [ngo()], calls: [season()] })
  await h.apiOk<PrepareShareResponse>('prepareShare', { callId: 'trees' }, ALICE)
  const signUp = (openid: string, slot: string) =>
    h.apiOk('signUp', form('trees', { answers: {}, slot }), openid)
  await signUp(BOB, 's1')
  assert.equal(placesSummary(h.call('trees') as Call), '3 个批次 · 还剩 3 个名额')
  await signUp(volunteer(1), 's1')
  await signUp(volunteer(2), 's2')
  await h.apiOk('cancelSignUp', { callId: 'trees', slot: 's2' }, volunteer(2))
  await signUp(volunteer(2), 's2')
  await signUp(volunteer(3), 's2')
  assert.equal(placesSummary(h.call('trees') as Call), '3 个批次 · 已满')
  await h.apiOk('closeCall', { callId: 'trees' }, ORGANIZER)
  assert.deepEqual(cards(), [
    [1, 4, 0],
    [2, 4, 0],
    [3, 4, 0],
    [2, 4, 0],
    [3, 4, 0],
    [4, 4, 1], // every place of the sessions still on is taken: the card ends
    [4, 4, 1],
  ])
})
