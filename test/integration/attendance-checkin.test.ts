// Check-in through the real function, SDK and local cloud: the organizer's rotating code, volunteers' scans, the
// personal code, by-hand check-in and walk-ins. Every refused code leaves the database byte for byte as it was.
import { after, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type {
  AttendanceResponse,
  CheckInCodeResponse,
  CheckInResponse,
  MarkAttendanceResponse,
  PersonalCodeResponse,
} from '@core/attendance/contract'
import { CODE_GRACE_MS, CODE_WINDOW_MS } from '@core/attendance/checkin-code'
import type { RosterResponse } from '@core/calls/contract'
import { ALICE, BOB, call, HOUR, ngo, ORGANIZER, signUp, volunteer } from './docs'
import { startApi, type ApiHarness } from './harness'

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())

/** Trees starts in an hour (check-in opens 2 h before the start) and lasts 3 h; Alice has a seat, Bob waits. */
function seed(): void {
  h.reset()
  h.emu.clock.set({ offsetMs: 0 })
  const startAt = Date.now() + HOUR
  h.insert({
    ngos: [ngo()],
    calls: [
      call({ startAt, endAt: startAt + 3 * HOUR, confirmed: 1, waitlisted: 1, waitlist: true }),
      call({ _id: 'river', title: '河道清洁', startAt, endAt: startAt + 3 * HOUR, confirmed: 1 }),
    ],
    signups: [
      signUp('trees', ALICE),
      signUp('trees', BOB, { status: 'waitlisted', waitlistedAt: new Date() }),
      signUp('river', volunteer(7)),
    ],
  })
}
beforeEach(seed)

async function codeFor(callId: string, mode: 'in' | 'out' = 'in'): Promise<string> {
  return (await h.apiOk<CheckInCodeResponse>('checkInCode', { callId, mode }, ORGANIZER)).code
}

async function refusedUnchanged(action: string, body: object, openid: string, code: string): Promise<void> {
  const before = h.snapshot()
  const result = await h.api(action, body, openid)
  assert.equal(result.ok ? 'OK' : result.code, code, JSON.stringify(result))
  assert.equal(h.snapshot(), before, 'nothing recorded')
}

describe('the call code', () => {
  test('a volunteer with a seat scans the current code and is checked in; scanning again changes nothing', async () => {
    const issued = await h.apiOk<CheckInCodeResponse>(
      'checkInCode',
      { callId: 'trees', mode: 'in' },
      ORGANIZER,
    )
    assert.ok(issued.refreshAt < issued.expiresAt && issued.refreshAt - issued.now <= CODE_WINDOW_MS)
    assert.equal(issued.expiresAt - issued.refreshAt, CODE_GRACE_MS)
    const done = await h.apiOk<CheckInResponse>('checkIn', { code: issued.code }, ALICE)
    assert.equal(done.attendance.status, 'attended')
    assert.equal(done.call._id, 'trees')
    assert.equal(done.attendance.phone, '138****8000', 'masked outside the organizer screens')
    const stored = h.signUp(`trees_${ALICE}`)
    assert.equal(stored?.status, 'attended')
    assert.equal(stored?.checkedInAt, done.attendance.checkedInAt)
    assert.equal(h.call('trees')?.confirmed, 1, 'a check-in takes no second seat')

    const before = h.snapshot()
    const again = await h.apiOk<CheckInResponse>('checkIn', { code: await codeFor('trees') }, ALICE)
    assert.equal(again.attendance.checkedInAt, stored?.checkedInAt, 'the first check-in time is kept')
    assert.equal(h.snapshot(), before)
  })

  test('the code inside a mini program path works the same', async () => {
    const path = `packages/volunteer/checkin/index?code=${encodeURIComponent(await codeFor('trees'))}`
    assert.equal(
      (await h.apiOk<CheckInResponse>('checkIn', { code: path }, ALICE)).attendance.status,
      'attended',
    )
  })

  test('a code older than its window (and grace) is refused: CODE_EXPIRED, nothing recorded', async () => {
    const issued = await h.apiOk<CheckInCodeResponse>(
      'checkInCode',
      { callId: 'trees', mode: 'in' },
      ORGANIZER,
    )
    h.emu.clock.set({ at: issued.expiresAt + 1 })
    await refusedUnchanged('checkIn', { code: issued.code }, ALICE, 'CODE_EXPIRED')
  })

  test('a code just past its window but within the grace still works', async () => {
    const issued = await h.apiOk<CheckInCodeResponse>(
      'checkInCode',
      { callId: 'trees', mode: 'in' },
      ORGANIZER,
    )
    h.emu.clock.set({ at: issued.refreshAt + 1_000 })
    assert.equal((await h.apiOk<CheckInResponse>('checkIn', { code: issued.code }, ALICE)).call._id, 'trees')
  })

  test("another call's code does not check into this one: NOT_SIGNED_UP there, nothing recorded", async () => {
    await refusedUnchanged('checkIn', { code: await codeFor('river') }, ALICE, 'NOT_SIGNED_UP')
    assert.equal(h.signUp(`trees_${ALICE}`)?.status, 'confirmed')
  })

  test('tampered codes are refused: CODE_INVALID, nothing recorded', async () => {
    const genuine = await codeFor('river')
    const parts = genuine.split('.')
    const sig = parts[4]
    const flipped = (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1)
    const tampered = [
      ['c', 'trees', parts[2], parts[3], sig].join('.'), // another call's signature on this call
      ['c', 'river', 'out', parts[3], sig].join('.'), // the mode changed
      ['c', 'river', parts[2], String(Number(parts[3]) + 1), sig].join('.'), // a later window
      [...parts.slice(0, 4), flipped].join('.'), // the signature changed
      `c.trees.in.${parts[3]}.${'A'.repeat(43)}`, // made up
      'not a code at all',
    ]
    for (const code of tampered) await refusedUnchanged('checkIn', { code }, ALICE, 'CODE_INVALID')
    await refusedUnchanged('checkIn', { code: 42 }, ALICE, 'INVALID_INPUT')
  })

  test("a volunteer's personal code is not a call code", async () => {
    const personal = await h.apiOk<PersonalCodeResponse>('personalCode', {}, ALICE)
    await refusedUnchanged('checkIn', { code: personal.code }, ALICE, 'CODE_INVALID')
  })

  test('waitlisted or not signed up: NOT_SIGNED_UP; check-out before check-in: NOT_CHECKED_IN', async () => {
    const code = await codeFor('trees')
    await refusedUnchanged('checkIn', { code }, BOB, 'NOT_SIGNED_UP')
    await refusedUnchanged('checkIn', { code }, volunteer(9), 'NOT_SIGNED_UP')
    await refusedUnchanged('checkIn', { code: await codeFor('trees', 'out') }, ALICE, 'NOT_CHECKED_IN')
  })

  test('the screen shows no code, and scans are refused, outside the check-in hours', async () => {
    const code = await codeFor('trees')
    h.emu.clock.set({ offsetMs: -2 * HOUR }) // 3 h before the start
    await refusedUnchanged('checkInCode', { callId: 'trees', mode: 'in' }, ORGANIZER, 'CLOSED')
    h.emu.clock.set({ offsetMs: 11 * HOUR }) // more than 6 h after the end
    await refusedUnchanged('checkInCode', { callId: 'trees', mode: 'in' }, ORGANIZER, 'CLOSED')
    h.emu.clock.set({ offsetMs: 0 })
    h.emu.store.collection('calls').update({ _id: 'trees' }, { $set: { status: 'cancelled' } }, false)
    await refusedUnchanged('checkIn', { code }, ALICE, 'CLOSED')
  })

  test('two scans at the same moment record one check-in', async () => {
    const code = await codeFor('trees')
    const results = await Promise.all(
      Array.from({ length: 6 }, () => h.apiOk<CheckInResponse>('checkIn', { code }, ALICE)),
    )
    const times = new Set(results.map((r) => r.attendance.checkedInAt))
    assert.equal(times.size, 1, 'every answer reports the one check-in')
    assert.equal(h.signUp(`trees_${ALICE}`)?.checkedInAt, [...times][0])
  })
})

describe('the organizer', () => {
  test("checks a volunteer in by scanning their personal code, or by hand; another NGO's organizer cannot", async () => {
    const personal = await h.apiOk<PersonalCodeResponse>('personalCode', {}, ALICE)
    const done = await h.apiOk<MarkAttendanceResponse>(
      'markAttendance',
      { callId: 'trees', mode: 'in', personalCode: personal.code },
      ORGANIZER,
    )
    assert.equal(done.attendance.status, 'attended')
    assert.equal(done.attendance.phone, '13800138000', 'in full for the organizer')

    const byHand = await h.apiOk<MarkAttendanceResponse>(
      'markAttendance',
      { callId: 'river', mode: 'in', signUpId: `river_${volunteer(7)}` },
      ORGANIZER,
    )
    assert.equal(byHand.attendance.status, 'attended')
  })

  test('refuses a waitlisted person, a sign-up of another call, an expired personal code, and both or neither', async () => {
    await refusedUnchanged(
      'markAttendance',
      { callId: 'trees', mode: 'in', signUpId: `trees_${BOB}` },
      ORGANIZER,
      'NOT_SIGNED_UP',
    )
    await refusedUnchanged(
      'markAttendance',
      { callId: 'trees', mode: 'in', signUpId: `river_${volunteer(7)}` },
      ORGANIZER,
      'NOT_SIGNED_UP',
    )
    const personal = await h.apiOk<PersonalCodeResponse>('personalCode', {}, ALICE)
    await refusedUnchanged(
      'markAttendance',
      { callId: 'trees', mode: 'in', personalCode: await codeFor('trees') },
      ORGANIZER,
      'CODE_INVALID',
    )
    await refusedUnchanged(
      'markAttendance',
      { callId: 'trees', mode: 'in', personalCode: personal.code, signUpId: `trees_${ALICE}` },
      ORGANIZER,
      'INVALID_INPUT',
    )
    await refusedUnchanged('markAttendance', { callId: 'trees', mode: 'in' }, ORGANIZER, 'INVALID_INPUT')
    h.emu.clock.set({ at: personal.expiresAt + 1 })
    await refusedUnchanged(
      'markAttendance',
      { callId: 'trees', mode: 'in', personalCode: personal.code },
      ORGANIZER,
      'CODE_EXPIRED',
    )
  })

  test('adds a walk-in, who holds no seat; the same phone twice is the same walk-in', async () => {
    const added = await h.apiOk<MarkAttendanceResponse>(
      'addWalkIn',
      { callId: 'trees', name: ' 路过的王姐 ', phone: '139 0013 9000' },
      ORGANIZER,
    )
    assert.equal(added.attendance.walkIn, true)
    assert.equal(added.attendance.status, 'attended')
    assert.equal(added.attendance.signUpId, 'trees_walkin_13900139000')
    assert.equal(h.call('trees')?.confirmed, 1, 'no seat taken')
    const before = h.snapshot()
    const again = await h.apiOk<MarkAttendanceResponse>(
      'addWalkIn',
      { callId: 'trees', name: '王姐', phone: '13900139000' },
      ORGANIZER,
    )
    assert.equal(again.attendance.checkedInAt, added.attendance.checkedInAt)
    assert.equal(h.snapshot(), before)

    const list = await h.apiOk<AttendanceResponse>('attendance', { callId: 'trees' }, ORGANIZER)
    assert.deepEqual(list.counts, { expected: 1, checkedIn: 1, checkedOut: 0, noShows: 0, walkIns: 1 })
    assert.deepEqual(
      list.entries.map((e) => e.name),
      ['林晓', '路过的王姐'],
      'the expected first, then who is here',
    )
    const roster = await h.apiOk<RosterResponse>('roster', { callId: 'trees' }, ORGANIZER)
    assert.deepEqual(roster.counts, { confirmed: 1, waitlisted: 1, cancelled: 0, late: 0, walkIn: 1 })
    const walkIn = roster.entries.find((e) => e.tab === 'walkIn')
    assert.equal(walkIn?.checkedInAt, added.attendance.checkedInAt)
  })

  test('a walk-in needs a valid name and phone, and text that passes review; a signed-up phone is checked in from the list', async () => {
    await refusedUnchanged(
      'addWalkIn',
      { callId: 'trees', name: '', phone: '13900139000' },
      ORGANIZER,
      'INVALID_INPUT',
    )
    await refusedUnchanged(
      'addWalkIn',
      { callId: 'trees', name: '王姐', phone: '12345' },
      ORGANIZER,
      'INVALID_INPUT',
    )
    await refusedUnchanged(
      'addWalkIn',
      { callId: 'trees', name: '王姐', phone: '13800138000' },
      ORGANIZER,
      'ALREADY_SIGNED_UP',
    )
    await refusedUnchanged(
      'addWalkIn',
      { callId: 'trees', name: '代开发票', phone: '13900139000' },
      ORGANIZER,
      'CONTENT_RISKY',
    )
  })

  test('walk-ins are left out when the timer recounts seats', async () => {
    const long = Date.now() - 10 * 60_000
    h.insert({
      signups: [
        signUp('river', '', {
          _id: 'river_walkin_13900139000',
          walkIn: true,
          status: 'attended',
          checkedInAt: long,
          createdAt: long,
          updatedAt: long,
        }),
      ],
    })
    h.emu.store.collection('calls').update({}, { $set: { updatedAt: long } }, true)
    h.emu.store.collection('signups').update({}, { $set: { updatedAt: long } }, true)
    const result = await h.remind<{ repair: { repaired: number } }>()
    assert.ok(result.ok)
    assert.equal(result.ok && result.data.repair.repaired, 0)
    assert.equal(h.call('river')?.confirmed, 1)
  })
})

describe('bad requests', () => {
  test('each is refused with INVALID_INPUT and changes nothing', async () => {
    const cases: [string, object][] = [
      ['checkInCode', { callId: 'trees' }],
      ['checkInCode', { callId: 'trees', mode: 'sideways' }],
      ['checkInCode', { callId: 'no such id!', mode: 'in' }],
      ['markAttendance', { callId: 'trees', mode: 'in', signUpId: 'x'.repeat(101) }],
      ['markAttendance', { callId: 'trees', mode: 'in', personalCode: 42 }],
      ['addWalkIn', { callId: 'trees', name: '名'.repeat(21), phone: '13900139000' }],
      ['addWalkIn', { callId: 'trees', name: '王姐', phone: 13900139000 }],
      ['confirmHours', { callId: 'trees', signUpIds: 'all' }],
      ['confirmHours', { callId: 'trees', signUpIds: [] }],
      ['confirmHours', { callId: 'trees', signUpIds: ['bad id!'] }],
      ['setHoursRule', { ngoId: 'ngo-minqin', rule: { zeroBelow: '15', halfBelow: 45 } }],
      ['setHoursRule', { ngoId: 'ngo-minqin' }],
      ['exportHours', { ngoId: 'ngo-minqin', from: 'yesterday', to: Date.now() }],
    ]
    for (const [action, body] of cases) {
      const before = h.snapshot()
      const result = await h.api(action, body, ORGANIZER)
      assert.equal(result.ok ? 'OK' : result.code, 'INVALID_INPUT', `${action} ${JSON.stringify(body)}`)
      assert.ok(!result.ok && result.fields && Object.keys(result.fields).length > 0, 'a message per field')
      assert.equal(h.snapshot(), before)
    }
  })

  test('after the scanning hours the organizer can still put records right by hand', async () => {
    h.emu.clock.set({ offsetMs: 11 * HOUR }) // the call ended 7 h ago
    await refusedUnchanged('checkInCode', { callId: 'trees', mode: 'in' }, ORGANIZER, 'CLOSED')
    const late = await h.apiOk<MarkAttendanceResponse>(
      'markAttendance',
      { callId: 'trees', mode: 'in', signUpId: `trees_${ALICE}` },
      ORGANIZER,
    )
    assert.equal(late.attendance.status, 'attended')
    h.emu.clock.set({ offsetMs: -3 * HOUR }) // before check-in opens: nothing by hand either
    await refusedUnchanged(
      'markAttendance',
      { callId: 'river', mode: 'in', signUpId: `river_${volunteer(7)}` },
      ORGANIZER,
      'CLOSED',
    )
  })
})
