// Calls of several sessions and roles, through the local cloud: an organizer posts them (listed, or made by a weekly
// rule), publishes, adds a session to a call that was one slot, changes a slot's places; volunteers sign up per slot.
import { after, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type {
  CallDetail,
  ListCallsResponse,
  SaveCallResponse,
  SessionEditResponse,
  SignUpResponse,
} from '@core/calls/contract'
import { chinaDayStart } from '@core/shared/china-time'
import { ALICE, BOB, call, DAY, form, HOUR, ngo, ORGANIZER, signUp, volunteer } from './docs'
import { startApi, type ApiHarness } from './harness'

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())

const CAROL = volunteer(3)
const DAVE = volunteer(4)
const OTHER_ORGANIZER = 'oTEST_organizer_other_0000001'

beforeEach(() => {
  h.reset()
  h.insert({ ngos: [ngo(), ngo({ _id: 'ngo-other', name: '别的公益', admins: [OTHER_ORGANIZER] })] })
})

async function refused(action: string, body: object, openid: string | undefined, code: string) {
  const before = h.snapshot()
  const result = await h.api(action, body, openid)
  assert.equal(result.ok ? 'OK' : result.code, code, JSON.stringify(result))
  assert.equal(h.snapshot(), before, 'nothing changed')
  return result.ok ? undefined : result.fields
}

/** A published call of three batches a week apart with two roles (植树 3 places, 后勤 1). */
async function threeBatches(extra: Record<string, unknown> = {}): Promise<CallDetail> {
  const first = chinaDayStart(Date.now() + 10 * DAY) + 9 * HOUR - 8 * HOUR // 09:00 China time
  const sessions = [0, 7, 14].map((d) => ({ startAt: first + d * DAY, endAt: first + d * DAY + 6 * HOUR }))
  const saved = await h.apiOk<SaveCallResponse>(
    'saveCall',
    {
      ngoId: 'ngo-minqin',
      title: '春季植树 · 三个批次',
      description: '在沙漠边缘种下梭梭。',
      city: '甘肃·民勤',
      address: '民勤县西渠镇',
      signupDeadline: first - DAY,
      sessions: [sessions[2], sessions[0], sessions[1]], // any order: stored in time order
      roles: [
        { name: '植树', description: '挖坑、栽苗、浇水', capacity: 3 },
        { name: '后勤', description: '发放工具和饮水', capacity: 1 },
      ],
      waitlist: true,
      questions: [],
      ...extra,
    },
    ORGANIZER,
  )
  if (extra.sessions === undefined)
    assert.deepEqual(
      saved.call.sessions.map((s) => s.startAt),
      sessions.map((s) => s.startAt),
    )
  const published = await h.apiOk<{ call: CallDetail }>('publishCall', { callId: saved.call._id }, ORGANIZER)
  return published.call
}

const signUpFor = (callId: string, slot: string | undefined, openid: string) =>
  h.api<SignUpResponse>('signUp', form(callId, { answers: {}, ...(slot ? { slot } : {}) }), openid)

describe('posting a call of several sessions and roles', () => {
  test('three batches × two roles: six slots, each with its places; the call sums them', async () => {
    const posted = await threeBatches()
    assert.deepEqual(
      posted.slots.map((s) => [s.key, s.capacity, s.open]),
      [
        ['s1-r1', 3, true],
        ['s1-r2', 1, true],
        ['s2-r1', 3, true],
        ['s2-r2', 1, true],
        ['s3-r1', 3, true],
        ['s3-r2', 1, true],
      ],
    )
    assert.equal(posted.capacity, 12)
    assert.equal(posted.sessionCount, 3)
    assert.deepEqual(
      posted.roles.map((r) => [r.id, r.name, r.capacity]),
      [
        ['r1', '植树', 3],
        ['r2', '后勤', 1],
      ],
    )
    assert.equal(posted.startAt, posted.sessions[0].startAt)
    assert.equal(posted.endAt, posted.sessions[2].endAt)
  })

  test('a weekly rule: every Saturday 09:00–11:30, 8 times, makes eight Saturdays', async () => {
    const from = Date.now() + 3 * DAY
    const saved = await h.apiOk<SaveCallResponse>(
      'saveCall',
      {
        ngoId: 'ngo-minqin',
        title: '每周六探访社区老人',
        description: '陪老人聊天、读报。',
        city: '兰州',
        address: '城关区某社区',
        signupDeadline: from,
        repeat: {
          every: 'week',
          weekdays: [6],
          startMinute: 9 * 60,
          endMinute: 11 * 60 + 30,
          from,
          count: 8,
        },
        capacity: 6,
        waitlist: false,
        questions: [],
      },
      ORGANIZER,
    )
    const sessions = saved.call.sessions
    assert.equal(sessions.length, 8)
    for (const session of sessions) {
      const china = new Date(session.startAt + 8 * HOUR)
      assert.equal(china.getUTCDay(), 6, 'a Saturday in China')
      assert.equal(china.getUTCHours() * 60 + china.getUTCMinutes(), 9 * 60)
      assert.equal(session.endAt - session.startAt, 150 * 60_000)
    }
    // the draft reopens as its rule; a published call's sessions are edited one by one, so it has none
    assert.equal(saved.call.repeat?.count, 8)
    assert.deepEqual(saved.call.repeat?.weekdays, [6])
    const published = await h.apiOk<{ call: CallDetail }>(
      'publishCall',
      { callId: saved.call._id },
      ORGANIZER,
    )
    assert.equal(published.call.slots.length, 8)
    assert.equal(published.call.capacity, 48)
    assert.equal(published.call.repeat, undefined)
  })

  test('bad sessions and roles are refused field by field, and nothing is stored', async () => {
    const base = {
      ngoId: 'ngo-minqin',
      title: '植树',
      signupDeadline: Date.now() + DAY,
      startAt: Date.now() + 2 * DAY,
      endAt: Date.now() + 2 * DAY + HOUR,
    }
    const at = Date.now() + 5 * DAY
    const cases: [Record<string, unknown>, string][] = [
      [{ sessions: [] }, 'sessions'],
      [{ sessions: [{ startAt: at, endAt: at - HOUR }] }, 'sessions.0'],
      [{ sessions: 'tomorrow' }, 'sessions'],
      [{ sessions: [{ startAt: at, endAt: at + HOUR }], repeat: { every: 'day' } }, 'sessions'],
      [{ roles: [{ name: '', capacity: 2 }] }, 'roles.0'],
      [
        {
          roles: [
            { name: '植树', capacity: 2 },
            { name: '植树', capacity: 3 },
          ],
        },
        'roles.1',
      ],
      [{ roles: [{ name: '后勤', capacity: 0 }] }, 'roles.0'],
      [{ maxSlotsPerPerson: 0 }, 'maxSlotsPerPerson'],
      [
        { repeat: { every: 'week', weekdays: [], startMinute: 540, endMinute: 600, from: at, count: 3 } },
        'repeat.weekdays',
      ],
    ]
    for (const [extra, field] of cases) {
      const fields = await refused('saveCall', { ...base, ...extra }, ORGANIZER, 'INVALID_INPUT')
      assert.ok(fields?.[field], `${JSON.stringify(extra)} → ${JSON.stringify(fields)}`)
    }
  })
})

describe('signing up for slots', () => {
  test('a call of several slots needs one; a slot it lacks is refused; each slot is its own seat', async () => {
    const posted = await threeBatches()
    const fields = await refused('signUp', form(posted._id, { answers: {} }), ALICE, 'INVALID_INPUT')
    assert.ok(fields?.slot)
    await refused('signUp', form(posted._id, { answers: {}, slot: 's9-r1' }), ALICE, 'INVALID_INPUT')
    await refused('signUp', form(posted._id, { answers: {}, slot: { $ne: '' } }), ALICE, 'INVALID_INPUT')
    await refused('signUp', form(posted._id, { answers: {}, slot: 's1' }), ALICE, 'INVALID_INPUT') // roles: s1-rN

    const first = await signUpFor(posted._id, 's1-r1', ALICE)
    const second = await signUpFor(posted._id, 's2-r2', ALICE)
    assert.ok(first.ok && second.ok)
    assert.equal(first.data.signUp.slot, 's1-r1')
    assert.equal(second.data.signUp.status, 'confirmed')
    // one role per session: 后勤 in batch 1 beside 植树 in batch 1 is refused
    const both = await refused(
      'signUp',
      form(posted._id, { answers: {}, slot: 's1-r2' }),
      ALICE,
      'INVALID_INPUT',
    )
    assert.ok(both?.slot)
    // a retry of the same slot answers the same sign-up
    const again = await signUpFor(posted._id, 's1-r1', ALICE)
    assert.ok(again.ok && !again.data.created)

    // 后勤 of batch 2 has one place, taken by ALICE: BOB waits for it, CAROL after him
    const bob = await signUpFor(posted._id, 's2-r2', BOB)
    const carol = await signUpFor(posted._id, 's2-r2', CAROL)
    assert.ok(bob.ok && carol.ok)
    assert.equal(bob.data.signUp.status, 'waitlisted')
    assert.equal(carol.data.signUp.waitRank, 2)

    const page = await h.apiOk<CallDetail>('getCall', { callId: posted._id }, ALICE)
    assert.deepEqual(
      page.mySignUps.map((s) => [s.slot, s.status]),
      [
        ['s1-r1', 'confirmed'],
        ['s2-r2', 'confirmed'],
      ],
    )
    const slot = (key: string) => page.slots.find((s) => s.key === key)
    assert.deepEqual([slot('s2-r2')?.spotsLeft, slot('s2-r2')?.waitlisted], [0, 2])
    assert.deepEqual([slot('s1-r1')?.spotsLeft, slot('s1-r1')?.waitlisted], [2, 0])

    // ALICE gives back batch 2's 后勤 seat: BOB (first in that queue) gets it; her batch 1 seat stays
    const cancelled = await h.apiOk<{ signUp: { status: string } }>(
      'cancelSignUp',
      { callId: posted._id, slot: 's2-r2' },
      ALICE,
    )
    assert.equal(cancelled.signUp.status, 'cancelled')
    const rows = h.signUpsOf(posted._id)
    const status = (openid: string, slot: string) =>
      rows.find((r) => r.openid === openid && r.slot === slot)?.status
    assert.equal(status(BOB, 's2-r2'), 'confirmed')
    assert.equal(status(CAROL, 's2-r2'), 'waitlisted')
    assert.equal(status(ALICE, 's1-r1'), 'confirmed')
    const stored = h.call(posted._id)
    assert.equal(stored?.slots?.['s2-r2'].confirmed, 1)
    assert.equal(stored?.slots?.['s2-r2'].waitlisted, 1)
    assert.equal(stored?.confirmed, 2)
    assert.equal(stored?.waitlisted, 1)
  })

  test('at most maxSlotsPerPerson slots each', async () => {
    const posted = await threeBatches({ maxSlotsPerPerson: 2 })
    assert.ok((await signUpFor(posted._id, 's1-r1', DAVE)).ok)
    assert.ok((await signUpFor(posted._id, 's2-r1', DAVE)).ok)
    await refused('signUp', form(posted._id, { answers: {}, slot: 's3-r1' }), DAVE, 'SLOT_LIMIT')
    // giving one back makes room again
    await h.apiOk('cancelSignUp', { callId: posted._id, slot: 's1-r1' }, DAVE)
    assert.ok((await signUpFor(posted._id, 's3-r1', DAVE)).ok)
  })
})

describe('a call that was one slot gets more sessions', () => {
  beforeEach(() => {
    h.insert({
      calls: [call({ capacity: 2, confirmed: 2, waitlisted: 1, waitlist: true, questions: [] })],
      signups: [
        signUp('trees', ALICE), // stored before slots existed: no slot
        signUp('trees', BOB, { slot: 's1' }),
        signUp('trees', CAROL, {
          status: 'waitlisted',
          waitlistedAt: new Date(Date.now() - HOUR),
          slot: 's1',
        }),
      ],
    })
  })

  test('its counters become s1’s, its sign-ups keep their seats and queue, the new session has its own', async () => {
    const theCall = h.call('trees')!
    const next = { startAt: theCall.startAt + 7 * DAY, endAt: theCall.endAt + 7 * DAY }
    const added = await h.apiOk<SessionEditResponse>(
      'addSessions',
      { callId: 'trees', sessions: [next] },
      ORGANIZER,
    )
    assert.deepEqual(
      added.call.slots.map((s) => [s.key, s.capacity, s.confirmed, s.waitlisted]),
      [
        ['s1', 2, 2, 1],
        ['s2', 2, 0, 0],
      ],
    )
    assert.equal(added.call.capacity, 4)
    assert.equal(h.signUp('trees_' + ALICE)?.slot, 's1', 'the old row is named for its slot')

    // DAVE takes a seat in s2 at once (nobody waits there); ALICE leaves s1 and CAROL moves up
    const dave = await signUpFor('trees', 's2', DAVE)
    assert.ok(dave.ok && dave.data.signUp.status === 'confirmed')
    await h.apiOk('cancelSignUp', { callId: 'trees' }, ALICE) // no slot: the only slot there was, s1
    assert.equal(h.signUp('trees_' + CAROL)?.status, 'confirmed')
    const stored = h.call('trees')!
    assert.deepEqual([stored.confirmed, stored.waitlisted], [3, 0])
    assert.deepEqual([stored.slots?.s1.confirmed, stored.slots?.s2.confirmed], [2, 1])
  })

  test('only its organizers; sessions in the past or too many are refused; nothing changes', async () => {
    const at = Date.now() + 20 * DAY
    const body = { callId: 'trees', sessions: [{ startAt: at, endAt: at + HOUR }] }
    await refused('addSessions', body, ALICE, 'FORBIDDEN')
    await refused('addSessions', body, OTHER_ORGANIZER, 'FORBIDDEN')
    await refused('addSessions', { ...body, callId: 'nope' }, ORGANIZER, 'NOT_FOUND')
    const past = Date.now() - DAY
    await refused(
      'addSessions',
      { callId: 'trees', sessions: [{ startAt: past, endAt: past + HOUR }] },
      ORGANIZER,
      'INVALID_INPUT',
    )
    const many = Array.from({ length: 60 }, (_, i) => ({ startAt: at + i * DAY, endAt: at + i * DAY + HOUR }))
    await refused('addSessions', { callId: 'trees', sessions: many }, ORGANIZER, 'INVALID_INPUT')
  })
})

describe("a slot's places", () => {
  test('more give seats to that slot’s queue only; fewer than taken are refused', async () => {
    const posted = await threeBatches()
    await signUpFor(posted._id, 's1-r2', ALICE)
    await signUpFor(posted._id, 's1-r2', BOB) // waits
    await signUpFor(posted._id, 's2-r2', CAROL)
    await signUpFor(posted._id, 's2-r2', DAVE) // waits
    const more = await h.apiOk<SessionEditResponse>(
      'setSlotCapacity',
      { callId: posted._id, slot: 's1-r2', capacity: 2 },
      ORGANIZER,
    )
    assert.equal(more.promoted, 1)
    const rows = h.signUpsOf(posted._id)
    assert.equal(rows.find((r) => r.openid === BOB)?.status, 'confirmed')
    assert.equal(rows.find((r) => r.openid === DAVE)?.status, 'waitlisted', 'another slot’s queue stays')
    assert.equal(h.call(posted._id)?.capacity, 13)
    const fields = await refused(
      'setSlotCapacity',
      { callId: posted._id, slot: 's1-r2', capacity: 1 },
      ORGANIZER,
      'INVALID_INPUT',
    )
    assert.ok(fields?.capacity)
    await refused(
      'setSlotCapacity',
      { callId: posted._id, slot: 's7-r1', capacity: 3 },
      ORGANIZER,
      'INVALID_INPUT',
    )
    await refused(
      'setSlotCapacity',
      { callId: posted._id, slot: 's1-r1', capacity: 5 },
      OTHER_ORGANIZER,
      'FORBIDDEN',
    )
  })

  test('on a call of one slot it is the call’s capacity', async () => {
    h.insert({
      calls: [call({ capacity: 1, confirmed: 1, waitlisted: 1, waitlist: true, questions: [] })],
      signups: [
        signUp('trees', ALICE),
        signUp('trees', BOB, { status: 'waitlisted', waitlistedAt: new Date(Date.now() - HOUR) }),
      ],
    })
    const more = await h.apiOk<SessionEditResponse>(
      'setSlotCapacity',
      { callId: 'trees', slot: 's1', capacity: 3 },
      ORGANIZER,
    )
    assert.equal(more.promoted, 1)
    assert.equal(h.call('trees')?.capacity, 3)
    assert.equal(h.call('trees')?.slots, undefined)
  })
})

describe('cancelling late, per session', () => {
  test('24 hours before each session: a seat given back within a day of its own session is 临时退出', async () => {
    const soon = Date.now() + 5 * HOUR
    const later = Date.now() + 9 * DAY
    const posted = await threeBatches({
      sessions: [
        { startAt: soon, endAt: soon + 3 * HOUR },
        { startAt: later, endAt: later + 3 * HOUR },
      ],
      signupDeadline: soon - HOUR,
      cancelLeadHours: 24,
    })
    assert.equal(posted.cancelLeadHours, 24)
    await signUpFor(posted._id, 's1-r1', ALICE)
    await signUpFor(posted._id, 's2-r1', ALICE)
    const cancel = (slot: string) =>
      h.apiOk<{ signUp: { lateDropOut?: boolean } }>('cancelSignUp', { callId: posted._id, slot }, ALICE)
    assert.equal((await cancel('s2-r1')).signUp.lateDropOut, undefined, 'nine days ahead: in time')
    assert.equal((await cancel('s1-r1')).signUp.lateDropOut, true, 'five hours ahead: late')
    // the rule is taken off with null, and is refused out of range
    await refused('updateCall', { callId: posted._id, cancelLeadHours: 0 }, ORGANIZER, 'INVALID_INPUT')
    await refused('updateCall', { callId: posted._id, cancelLeadHours: 169 }, ORGANIZER, 'INVALID_INPUT')
    assert.equal(h.call(posted._id)?.cancelLeadHours, 24)
    await h.apiOk('updateCall', { callId: posted._id, cancelLeadHours: null }, ORGANIZER)
    assert.equal(h.call(posted._id)?.cancelLeadHours, undefined)
  })
})

describe('roles after publishing', () => {
  test('a role added to a published call: places in every session still ahead, signed up like the others', async () => {
    const posted = await threeBatches()
    await signUpFor(posted._id, 's1-r1', ALICE)
    // the first batch is cancelled: the new role takes no places there
    await h.apiOk('cancelSession', { callId: posted._id, sessionId: 's1' }, ORGANIZER)
    const before = h.call(posted._id)!
    const added = await h.apiOk<SessionEditResponse>(
      'saveRole',
      { callId: posted._id, name: '摄影', description: '记录活动', capacity: 2 },
      ORGANIZER,
    )
    assert.deepEqual(
      added.call.roles.map((r) => [r.id, r.name]),
      [
        ['r1', '植树'],
        ['r2', '后勤'],
        ['r3', '摄影'],
      ],
    )
    const stored = h.call(posted._id)!
    assert.deepEqual(
      Object.keys(stored.slots ?? {})
        .filter((key) => key.endsWith('-r3'))
        .sort(),
      ['s2-r3', 's3-r3'],
    )
    assert.equal(stored.capacity, before.capacity + 4)
    assert.deepEqual(
      added.call.slots.filter((s) => s.roleId === 'r3').map((s) => [s.key, s.capacity, s.open]),
      [
        ['s2-r3', 2, true],
        ['s3-r3', 2, true],
      ],
    )
    const bob = await signUpFor(posted._id, 's2-r3', BOB)
    assert.equal(bob.ok && bob.data.signUp.status, 'confirmed')
    assert.equal(h.call(posted._id)?.slots?.['s2-r3'].confirmed, 1)
    // a retry of the same new role is refused by its name, and adds nothing
    await refused(
      'saveRole',
      { callId: posted._id, name: '摄影', description: '', capacity: 2 },
      ORGANIZER,
      'INVALID_INPUT',
    )
    assert.equal(h.call(posted._id)?.roles?.length, 3)
  })

  test('a role renamed: its slots and seats stay; bad role edits are refused and change nothing', async () => {
    const posted = await threeBatches()
    await signUpFor(posted._id, 's2-r2', ALICE)
    const renamed = await h.apiOk<SessionEditResponse>(
      'saveRole',
      { callId: posted._id, roleId: 'r2', name: '物资', description: '发放工具、饮水和午餐' },
      ORGANIZER,
    )
    assert.equal(renamed.notified, 0)
    assert.deepEqual(h.call(posted._id)?.roles?.[1], {
      id: 'r2',
      name: '物资',
      description: '发放工具、饮水和午餐',
      capacity: 1,
    })
    assert.equal(h.call(posted._id)?.slots?.['s2-r2'].confirmed, 1)
    const unchanged = JSON.stringify(h.call(posted._id))
    const edit = (extra: object) => ({ callId: posted._id, name: '新岗位', description: '', ...extra })
    await refused('saveRole', edit({ roleId: 'r9' }), ORGANIZER, 'INVALID_INPUT')
    await refused('saveRole', edit({ roleId: 'r1', name: '物资' }), ORGANIZER, 'INVALID_INPUT')
    await refused('saveRole', edit({ roleId: '../r1' }), ORGANIZER, 'INVALID_INPUT')
    await refused('saveRole', edit({}), ORGANIZER, 'INVALID_INPUT') // a new role needs its places
    await refused('saveRole', edit({ capacity: 0 }), ORGANIZER, 'INVALID_INPUT')
    await refused('saveRole', edit({ name: '', capacity: 2 }), ORGANIZER, 'INVALID_INPUT')
    await refused('saveRole', edit({ capacity: 2 }), OTHER_ORGANIZER, 'FORBIDDEN')
    await refused('saveRole', edit({ capacity: 2 }), ALICE, 'FORBIDDEN')
    assert.equal(JSON.stringify(h.call(posted._id)), unchanged)
    // a call published without roles keeps its one pool of places
    const plain = await threeBatches({ roles: undefined, capacity: 5 })
    await refused(
      'saveRole',
      { callId: plain._id, name: '摄影', description: '', capacity: 2 },
      ORGANIZER,
      'INVALID_INPUT',
    )
  })
})

describe('moving and cancelling one session', () => {
  test('a moved session: its slots start then, only its volunteers are told, once per edit', async () => {
    const posted = await threeBatches()
    await signUpFor(posted._id, 's2-r1', ALICE)
    await signUpFor(posted._id, 's2-r2', BOB)
    await signUpFor(posted._id, 's3-r1', CAROL)
    const s2 = posted.sessions[1]
    const body = { callId: posted._id, sessionId: 's2', startAt: s2.startAt + DAY, endAt: s2.endAt + DAY }
    const moved = await h.apiOk<SessionEditResponse>('updateSession', body, ORGANIZER)
    assert.equal(moved.notified, 2)
    assert.equal(moved.call.sessions[1].startAt, s2.startAt + DAY)
    const stored = h.call(posted._id)!
    assert.equal(stored.slots?.['s2-r1'].startAt, s2.startAt + DAY)
    assert.equal(stored.slots?.['s2-r2'].startAt, s2.startAt + DAY)
    const told = () => h.messages({ kind: 'changed' }).map((m) => m.openid)
    assert.deepEqual(told().sort(), [ALICE, BOB].sort())
    // the same edit again (a retry) tells nobody twice; a second move tells them again
    const again = await h.apiOk<SessionEditResponse>('updateSession', body, ORGANIZER)
    assert.equal(again.notified, 2)
    assert.equal(told().length, 2)
    await h.apiOk(
      'updateSession',
      { callId: posted._id, sessionId: 's2', address: '民勤县红沙梁镇' },
      ORGANIZER,
    )
    assert.equal(told().length, 4)
    assert.equal(h.call(posted._id)?.sessions?.[1].address, '民勤县红沙梁镇')
  })

  test('a named session: the name is on its page and in its messages; renaming alone tells nobody', async () => {
    const posted = await threeBatches()
    await signUpFor(posted._id, 's2-r1', ALICE)
    const named = await h.apiOk<SessionEditResponse>(
      'updateSession',
      { callId: posted._id, sessionId: 's2', name: ' 第二批 ' },
      ORGANIZER,
    )
    assert.equal(named.notified, 0)
    assert.equal(named.call.sessions[1].name, '第二批')
    assert.equal(h.call(posted._id)?.sessions?.[1].name, '第二批')
    assert.equal(h.call(posted._id)?.sessions?.[1].version, undefined, 'a name is no change of time or place')
    assert.equal(h.messages({ kind: 'changed' }).length, 0)
    // a later move tells Alice, and her message names the batch beside the role
    const s2 = posted.sessions[1]
    await h.apiOk(
      'updateSession',
      { callId: posted._id, sessionId: 's2', startAt: s2.startAt + HOUR, endAt: s2.endAt + HOUR },
      ORGANIZER,
    )
    const [told] = h.messages({ kind: 'changed' })
    const fields = Object.values(told?.data ?? {})
    assert.ok(
      fields.some((value) => value.startsWith('第二批 · ')),
      fields.join(' | '),
    )
    // '' takes the name off; a name too long is refused and changes nothing
    await refused(
      'updateSession',
      { callId: posted._id, sessionId: 's2', name: '第二批次春季植树志愿活动' },
      ORGANIZER,
      'INVALID_INPUT',
    )
    assert.equal(h.call(posted._id)?.sessions?.[1].name, '第二批')
    await h.apiOk('updateSession', { callId: posted._id, sessionId: 's2', name: '' }, ORGANIZER)
    assert.equal(h.call(posted._id)?.sessions?.[1].name, undefined)
  })

  test('bad session edits are refused and change nothing', async () => {
    const posted = await threeBatches()
    const s1 = posted.sessions[0]
    const edit = (extra: object) => ({ callId: posted._id, sessionId: 's1', ...extra })
    await refused('updateSession', edit({ sessionId: 's9', address: 'x' }), ORGANIZER, 'INVALID_INPUT')
    await refused('updateSession', edit({ sessionId: '../s1', address: 'x' }), ORGANIZER, 'INVALID_INPUT')
    await refused('updateSession', edit({ endAt: s1.startAt - HOUR }), ORGANIZER, 'INVALID_INPUT')
    await refused('updateSession', edit({ startAt: Date.now() - HOUR }), ORGANIZER, 'INVALID_INPUT')
    await refused('updateSession', edit({}), ORGANIZER, 'INVALID_INPUT')
    await refused('updateSession', edit({ address: 'x' }), OTHER_ORGANIZER, 'FORBIDDEN')
    await refused('cancelSession', edit({}), ALICE, 'FORBIDDEN')
    await refused('cancelSession', edit({ sessionId: 's4' }), ORGANIZER, 'INVALID_INPUT')
    // a call of one session is moved or cancelled as a whole
    h.insert({ calls: [call()] })
    await refused(
      'updateSession',
      { callId: 'trees', sessionId: 's1', address: 'x' },
      ORGANIZER,
      'INVALID_INPUT',
    )
    await refused('cancelSession', { callId: 'trees', sessionId: 's1' }, ORGANIZER, 'INVALID_INPUT')
  })

  test('a cancelled session: its volunteers are told and given back their places; the others go on', async () => {
    const posted = await threeBatches()
    await signUpFor(posted._id, 's2-r2', ALICE) // the one 后勤 seat
    await signUpFor(posted._id, 's2-r2', BOB) // waits for it
    await signUpFor(posted._id, 's1-r2', BOB)
    await signUpFor(posted._id, 's3-r1', CAROL)
    const body = { callId: posted._id, sessionId: 's2', reason: '沙尘暴预警' }
    const result = await h.apiOk<SessionEditResponse>('cancelSession', body, ORGANIZER)
    assert.equal(result.notified, 2)
    const rows = h.signUpsOf(posted._id)
    const row = (openid: string, slot: string) => rows.find((r) => r.openid === openid && r.slot === slot)
    assert.equal(row(ALICE, 's2-r2')?.status, 'cancelled')
    assert.equal(row(ALICE, 's2-r2')?.sessionCancelled, true)
    assert.equal(row(BOB, 's2-r2')?.status, 'cancelled')
    assert.equal(row(BOB, 's1-r2')?.status, 'confirmed', 'another session stays')
    assert.equal(row(CAROL, 's3-r1')?.status, 'confirmed')
    const stored = h.call(posted._id)!
    assert.deepEqual([stored.slots?.['s2-r2'].confirmed, stored.slots?.['s2-r2'].waitlisted], [0, 0])
    assert.equal(stored.slots?.['s2-r1'].cancelled, true)
    assert.deepEqual([stored.confirmed, stored.waitlisted, stored.capacity], [2, 0, 8])
    // the list card sums the places of the batches still on: 8 places, 2 taken
    const listed = await h.apiOk<ListCallsResponse>('listCalls', {}, DAVE)
    const card = listed.items.find((item) => item._id === posted._id)
    assert.equal(card?.places, '3 个批次 · 还剩 6 个名额')
    const told = h.messages({ kind: 'cancelled' })
    assert.deepEqual(told.map((m) => m.openid).sort(), [ALICE, BOB].sort())
    // nobody signs up for it any more; a retry tells nobody twice
    await refused('signUp', form(posted._id, { answers: {}, slot: 's2-r1' }), DAVE, 'CLOSED')
    await h.apiOk('cancelSession', body, ORGANIZER)
    assert.equal(h.messages({ kind: 'cancelled' }).length, 2)
    // the last live sessions cannot all go: that is cancelling the call
    await h.apiOk('cancelSession', { callId: posted._id, sessionId: 's1' }, ORGANIZER)
    const last = await refused(
      'cancelSession',
      { callId: posted._id, sessionId: 's3' },
      ORGANIZER,
      'INVALID_INPUT',
    )
    assert.ok(last?.sessionId)
    const page = await h.apiOk<CallDetail>('getCall', { callId: posted._id }, CAROL)
    assert.deepEqual(
      page.sessions.map((s) => s.cancelled),
      [true, true, false],
    )
    assert.equal(page.startAt, page.sessions[2].startAt, 'listed by its one session left')
  })

  test('as a session starts, the call is listed by the next one (the remind run moves it on)', async () => {
    const posted = await threeBatches()
    const [s1, s2] = posted.sessions
    h.emu.clock.set({ offsetMs: s1.startAt + HOUR - Date.now() })
    try {
      const report = await h.remind<{ nextSessions: number }>()
      assert.equal(report.ok && report.data.nextSessions, 1)
      assert.equal(h.call(posted._id)?.startAt, s2.startAt)
      const listed = await h.apiOk<{ items: { _id: string }[] }>('listCalls', {}, ALICE)
      assert.ok(
        listed.items.some((c) => c._id === posted._id),
        'still listed while batches are ahead',
      )
      const again = await h.remind<{ nextSessions: number }>()
      assert.equal(again.ok && again.data.nextSessions, 0)
    } finally {
      h.emu.clock.set({ offsetMs: 0 })
    }
  })
})
