// Check-in per session, through the real function, SDK and local cloud: a tree planting in three sessions (today,
// tomorrow, the day after) with two roles. The code on the organizer's screen names one session and checks in only
// that session's rows, whichever role; another session's code, a session the call lacks, another call's ids and a
// row of another session are refused and change nothing. Hours, check-out and no-shows are per session.
import { after, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type {
  AttendanceResponse,
  CheckInCodeResponse,
  CheckInResponse,
  CheckOutAllResponse,
  MarkAttendanceResponse,
  MarkNoShowsResponse,
  PersonalCodeResponse,
} from '@core/attendance/contract'
import { sessionLabel } from '@core/calls/session-text'
import { emptySlots, signUpIdFor } from '@core/calls/slots'
import type { Call, CallRole, CallSession, SignUp } from '@core/model'
import { ALICE, BOB, call, DAY, HOUR, ngo, ORGANIZER, signUp, volunteer } from './docs'
import { startApi, type ApiHarness } from './harness'

const CAROL = volunteer(3)
const MINUTE = 60_000

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())

let sessions: CallSession[]

/** Three sessions of 3 h, the first in an hour, then a day apart; roles 植树 and 后勤. */
function threeSessions(): Call {
  const first = Date.now() + HOUR
  sessions = [0, 1, 2].map((days, i) => ({
    id: `s${i + 1}`,
    startAt: first + days * DAY,
    endAt: first + days * DAY + 3 * HOUR,
  }))
  const roles: CallRole[] = [
    { id: 'r1', name: '植树', description: '挖坑、栽苗', capacity: 5 },
    { id: 'r2', name: '后勤', description: '发放工具', capacity: 2 },
  ]
  const base = call({
    startAt: sessions[0].startAt,
    endAt: sessions[2].endAt,
    signupDeadline: sessions[0].startAt - DAY,
    sessions,
    roles,
    capacity: 3 * 7,
    confirmed: 4,
  })
  const slots = emptySlots(base) ?? {}
  slots['s1-r1'].confirmed = 1
  slots['s2-r2'].confirmed = 1
  slots['s2-r1'].confirmed = 1
  slots['s3-r1'].confirmed = 1
  return { ...base, slots }
}

function row(openid: string, slot: string, overrides: Partial<SignUp> = {}): SignUp {
  return signUp('trees', openid, { _id: signUpIdFor('trees', openid, slot), slot, ...overrides })
}

/** Alice plants in session 1 and helps with logistics in session 2; Bob plants in 2; Carol in 3. */
function seed(): void {
  h.reset()
  h.emu.clock.set({ offsetMs: 0 })
  h.insert({
    ngos: [ngo()],
    calls: [
      threeSessions(),
      call({ _id: 'river', title: '河道清洁', startAt: Date.now() + HOUR, endAt: Date.now() + 4 * HOUR }),
    ],
    signups: [
      row(ALICE, 's1-r1', { phone: '13800138001' }),
      row(ALICE, 's2-r2', { phone: '13800138001' }),
      row(BOB, 's2-r1', { phone: '13800138002' }),
      row(CAROL, 's3-r1', { phone: '13800138003' }),
      signUp('river', CAROL),
    ],
  })
}
beforeEach(seed)

/** Moves the functions' clock to `at` (real time plus an offset). */
function clockAt(at: number): void {
  h.emu.clock.set({ offsetMs: at - Date.now() })
}

async function codeFor(sessionId?: string, mode: 'in' | 'out' = 'in'): Promise<CheckInCodeResponse> {
  const body = sessionId === undefined ? { callId: 'trees', mode } : { callId: 'trees', mode, sessionId }
  return h.apiOk<CheckInCodeResponse>('checkInCode', body, ORGANIZER)
}

async function refusedUnchanged(
  action: string,
  body: object,
  openid: string,
  code: string,
): Promise<{ message: string }> {
  const before = h.snapshot()
  const result = await h.api(action, body, openid)
  assert.equal(result.ok ? 'OK' : result.code, code, JSON.stringify(result))
  assert.equal(h.snapshot(), before, 'nothing recorded')
  return result as unknown as { message: string }
}

const id = (openid: string, slot: string) => signUpIdFor('trees', openid, slot)

describe('the code of a session', () => {
  test('the screen opens on the session running now or next, and its code names it', async () => {
    const code = await codeFor()
    assert.equal(code.session?.id, 's1')
    assert.equal(code.session?.label, sessionLabel(sessions[0]))
    assert.match(code.code, /^c\.trees\.s1\.in\./)
    clockAt(sessions[1].startAt + 10 * MINUTE)
    assert.equal((await codeFor()).session?.id, 's2', 'on the second day, the second session')
    const list = await h.apiOk<AttendanceResponse>('attendance', { callId: 'trees' }, ORGANIZER)
    assert.deepEqual(
      list.sessions?.map((s) => s.id),
      ['s1', 's2', 's3'],
    )
    assert.equal(list.currentSessionId, 's2')
    assert.deepEqual(
      list.roles?.map((r) => r.name),
      ['植树', '后勤'],
    )
  })

  test("session 2's code checks in only session-2 rows, whichever role", async () => {
    clockAt(sessions[1].startAt - 5 * MINUTE)
    const { code } = await codeFor('s2')
    const alice = await h.apiOk<CheckInResponse>('checkIn', { code }, ALICE)
    assert.equal(alice.attendance.signUpId, id(ALICE, 's2-r2'))
    assert.equal(alice.attendance.role, '后勤')
    assert.equal(alice.attendance.session, sessionLabel(sessions[1]))
    const bob = await h.apiOk<CheckInResponse>('checkIn', { code }, BOB)
    assert.equal(bob.attendance.signUpId, id(BOB, 's2-r1'))
    assert.equal(h.signUp(id(ALICE, 's2-r2'))?.status, 'attended')
    assert.equal(h.signUp(id(BOB, 's2-r1'))?.status, 'attended')
    assert.equal(h.signUp(id(ALICE, 's1-r1'))?.status, 'confirmed', 'her other session is untouched')
    assert.equal(h.signUp(id(ALICE, 's1-r1'))?.checkedInAt, undefined)

    // Carol signed up for the third session only: refused, and told which one she has
    const refused = await refusedUnchanged('checkIn', { code }, CAROL, 'NOT_SIGNED_UP')
    assert.ok(refused.message.includes(sessionLabel(sessions[2])), refused.message)
    assert.ok(refused.message.includes(sessionLabel(sessions[1])), refused.message)
    // and the list of session 2 has exactly its people
    const list = await h.apiOk<AttendanceResponse>(
      'attendance',
      { callId: 'trees', sessionId: 's2' },
      ORGANIZER,
    )
    assert.deepEqual(
      list.entries.map((e) => e.signUpId).sort(),
      [id(ALICE, 's2-r2'), id(BOB, 's2-r1')].sort(),
    )
    assert.equal(list.counts.checkedIn, 2)
  })

  test("session 1's code on session 2's day is refused; so is asking for it", async () => {
    const { code } = await codeFor('s1')
    clockAt(sessions[1].startAt)
    await refusedUnchanged('checkIn', { code }, ALICE, 'CODE_EXPIRED')
    const asked = await refusedUnchanged(
      'checkInCode',
      { callId: 'trees', mode: 'in', sessionId: 's1' },
      ORGANIZER,
      'CLOSED',
    )
    assert.ok(asked.message.includes(sessionLabel(sessions[0])), asked.message)
    // nor can session 3's code be had a day early
    await refusedUnchanged(
      'checkInCode',
      { callId: 'trees', mode: 'in', sessionId: 's3' },
      ORGANIZER,
      'CLOSED',
    )
  })

  test('a session the call lacks, a malformed one, or another call is refused clearly', async () => {
    for (const sessionId of ['s9', 's0', 'r1', 's1-r1', 'x', 7, { $gt: '' }, ['s1']]) {
      await refusedUnchanged(
        'checkInCode',
        { callId: 'trees', mode: 'in', sessionId },
        ORGANIZER,
        'INVALID_INPUT',
      )
      await refusedUnchanged('attendance', { callId: 'trees', sessionId }, ORGANIZER, 'INVALID_INPUT')
    }
    // a call of one session has only its own: s1 is it, s2 is not
    assert.match(
      (
        await h.apiOk<CheckInCodeResponse>(
          'checkInCode',
          { callId: 'river', mode: 'in', sessionId: 's1' },
          ORGANIZER,
        )
      ).code,
      /^c\.river\.in\./,
    )
    await refusedUnchanged(
      'checkInCode',
      { callId: 'river', mode: 'in', sessionId: 's2' },
      ORGANIZER,
      'INVALID_INPUT',
    )
    // the other call's code checks Alice into nothing (she has no seat there)
    const river = await h.apiOk<CheckInCodeResponse>(
      'checkInCode',
      { callId: 'river', mode: 'in' },
      ORGANIZER,
    )
    await refusedUnchanged('checkIn', { code: river.code }, ALICE, 'NOT_SIGNED_UP')
    // a session code with a character changed (another session, another call) is a forgery
    const { code } = await codeFor('s1')
    await refusedUnchanged('checkIn', { code: code.replace('.s1.', '.s2.') }, BOB, 'CODE_INVALID')
    await refusedUnchanged(
      'checkIn',
      { code: code.replace('c.trees.s1.', 'c.river.s1.') },
      CAROL,
      'CODE_INVALID',
    )
    await refusedUnchanged(
      'checkIn',
      { code: code.replace('c.trees.s1.', 'c.trees.') },
      ALICE,
      'CODE_INVALID',
    )
  })
})

describe('the organizer scanning or choosing on a day of several sessions', () => {
  test("a personal code checks in the person's seat in the session shown; another session's row is named", async () => {
    clockAt(sessions[1].startAt)
    const personal = await h.apiOk<PersonalCodeResponse>('personalCode', {}, ALICE)
    const done = await h.apiOk<MarkAttendanceResponse>(
      'markAttendance',
      { callId: 'trees', mode: 'in', sessionId: 's2', personalCode: personal.code },
      ORGANIZER,
    )
    assert.equal(done.attendance.signUpId, id(ALICE, 's2-r2'))
    assert.equal(h.signUp(id(ALICE, 's1-r1'))?.status, 'confirmed')

    const carol = await h.apiOk<PersonalCodeResponse>('personalCode', {}, CAROL)
    const refused = await refusedUnchanged(
      'markAttendance',
      { callId: 'trees', mode: 'in', sessionId: 's2', personalCode: carol.code },
      ORGANIZER,
      'NOT_SIGNED_UP',
    )
    assert.ok(refused.message.includes(sessionLabel(sessions[2])), refused.message)
    // by hand, a row of another session is refused on session 2's screen
    await refusedUnchanged(
      'markAttendance',
      { callId: 'trees', mode: 'in', sessionId: 's2', signUpId: id(ALICE, 's1-r1') },
      ORGANIZER,
      'NOT_SIGNED_UP',
    )
    // and a row of another call, or a session this call lacks
    await refusedUnchanged(
      'markAttendance',
      { callId: 'trees', mode: 'in', signUpId: signUpIdFor('river', CAROL) },
      ORGANIZER,
      'NOT_SIGNED_UP',
    )
    await refusedUnchanged(
      'markAttendance',
      { callId: 'trees', mode: 'in', sessionId: 's4', signUpId: id(BOB, 's2-r1') },
      ORGANIZER,
      'INVALID_INPUT',
    )
    // Carol's own session has not opened: even by hand it waits for its day
    await refusedUnchanged(
      'markAttendance',
      { callId: 'trees', mode: 'in', signUpId: id(CAROL, 's3-r1') },
      ORGANIZER,
      'CLOSED',
    )
  })

  test('a walk-in is recorded in the session shown and the role picked (else the first)', async () => {
    clockAt(sessions[1].startAt)
    const first = await h.apiOk<MarkAttendanceResponse>(
      'addWalkIn',
      { callId: 'trees', sessionId: 's2', name: '路过的人', phone: '13900139000' },
      ORGANIZER,
    )
    assert.equal(first.attendance.slot, 's2-r1')
    assert.equal(first.attendance.role, '植树')
    const second = await h.apiOk<MarkAttendanceResponse>(
      'addWalkIn',
      { callId: 'trees', sessionId: 's2', roleId: 'r2', name: '另一个人', phone: '13900139001' },
      ORGANIZER,
    )
    assert.equal(h.signUp(second.attendance.signUpId)?.slot, 's2-r2')
    assert.equal(h.call('trees')?.slots?.['s2-r2'].confirmed, 1, 'a walk-in takes no seat')
    await refusedUnchanged(
      'addWalkIn',
      { callId: 'trees', sessionId: 's2', roleId: 'r9', name: '路人', phone: '13900139002' },
      ORGANIZER,
      'INVALID_INPUT',
    )
    await refusedUnchanged(
      'addWalkIn',
      { callId: 'river', roleId: 'r1', name: '路人', phone: '13900139002' },
      ORGANIZER,
      'INVALID_INPUT',
    )
    // Alice holds a seat in session 2: she is checked in from the list, not added
    await refusedUnchanged(
      'addWalkIn',
      { callId: 'trees', sessionId: 's2', name: '林晓', phone: '13800138001' },
      ORGANIZER,
      'ALREADY_SIGNED_UP',
    )
  })
})

describe('hours, check-out and no-shows per session', () => {
  test("each session's check-out gives that row its own hours; check-out-all takes one session", async () => {
    clockAt(sessions[0].startAt)
    await h.apiOk('checkIn', { code: (await codeFor('s1')).code }, ALICE)
    clockAt(sessions[0].startAt + 2 * HOUR)
    await h.apiOk('checkIn', { code: (await codeFor('s1', 'out')).code }, ALICE)
    clockAt(sessions[1].startAt)
    await h.apiOk('checkIn', { code: (await codeFor('s2')).code }, ALICE)
    await h.apiOk('checkIn', { code: (await codeFor('s2')).code }, BOB)
    clockAt(sessions[1].startAt + 3 * HOUR + 20 * MINUTE)
    await refusedUnchanged('checkOutAll', { callId: 'trees' }, ORGANIZER, 'INVALID_INPUT')
    await refusedUnchanged('checkOutAll', { callId: 'trees', sessionId: 's7' }, ORGANIZER, 'INVALID_INPUT')
    const out = await h.apiOk<CheckOutAllResponse>(
      'checkOutAll',
      { callId: 'trees', sessionId: 's2' },
      ORGANIZER,
    )
    assert.equal(out.checkedOut, 2)
    assert.equal(h.signUp(id(ALICE, 's1-r1'))?.hours, 2)
    assert.equal(h.signUp(id(ALICE, 's2-r2'))?.hours, 3.5)
    assert.equal(h.signUp(id(BOB, 's2-r1'))?.hours, 3.5)
  })

  test('no-shows: only seats of sessions that have ended', async () => {
    clockAt(sessions[1].endAt + 10 * MINUTE)
    await refusedUnchanged('markNoShows', { callId: 'trees', sessionId: 's3' }, ORGANIZER, 'NOT_ENDED')
    await refusedUnchanged('markNoShows', { callId: 'trees', sessionId: 's5' }, ORGANIZER, 'INVALID_INPUT')
    const one = await h.apiOk<MarkNoShowsResponse>(
      'markNoShows',
      { callId: 'trees', sessionId: 's1' },
      ORGANIZER,
    )
    assert.equal(one.noShows, 1)
    assert.equal(h.signUp(id(ALICE, 's1-r1'))?.status, 'no_show')
    assert.equal(h.signUp(id(ALICE, 's2-r2'))?.status, 'confirmed')
    const all = await h.apiOk<MarkNoShowsResponse>('markNoShows', { callId: 'trees' }, ORGANIZER)
    assert.equal(all.noShows, 2, 'session 2 has ended too; session 3 has not')
    assert.equal(h.signUp(id(CAROL, 's3-r1'))?.status, 'confirmed')
  })
})
