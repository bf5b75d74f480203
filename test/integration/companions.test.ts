// Companions (同行人, issue #17): a sign-up is a party of the volunteer and whoever they bring, each taking a place.
// Seats, queue places, cancels, promotion and repair count people; promotion takes the head party whole or stops
// there (nobody behind it goes first); a bad list of companions is refused with a message per field and changes
// nothing.
import { after, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type {
  AttendanceResponse,
  ExportHoursResponse,
  MyHoursResponse,
  OfflineRosterResponse,
} from '@core/attendance/contract'
import type { CallDetail, SaveCallResponse, SignUpResponse } from '@core/calls/contract'
import type { Companion, CompanionRule, SignUp } from '@core/model'
import type { RepairReport } from '@lib/waitlist/repair'
import { QUIET_MS } from '@lib/waitlist/repair'
import { ALICE, BOB, call, form, ngo, ORGANIZER, signUp, volunteer } from './docs'
import { startApi, type ApiHarness } from './harness'
import { callForm } from './ngo-docs'

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())
beforeEach(() => h.reset())

const CAROL = volunteer(3)
const DAVE = volunteer(4)
const ERIN = volunteer(5)

const FAMILY: CompanionRule = { max: 3, children: { minAge: 4, maxAge: 12 } }
const MOTHER: Companion = { name: '王芳', kind: 'adult' }
const SON: Companion = { name: '王小明', kind: 'child', age: 8 }
const DAUGHTER: Companion = { name: '王小红', kind: 'child', age: 5 }

function counters(): { confirmed?: number; waitlisted?: number } {
  const doc = h.call('trees')
  return { confirmed: doc?.confirmed, waitlisted: doc?.waitlisted }
}

function join(openid: string, companions: Companion[] = []) {
  return h.api<SignUpResponse>('signUp', form('trees', { companions }), openid)
}

async function joinOk(openid: string, companions: Companion[] = []): Promise<SignUpResponse['signUp']> {
  const result = await join(openid, companions)
  assert.ok(result.ok, JSON.stringify(result))
  return result.ok ? result.data.signUp : assert.fail()
}

function status(openid: string): SignUp['status'] | undefined {
  return h.signUp(`trees_${openid}`)?.status
}

describe('the call editor’s setting', () => {
  test('a draft saves 不允许 / up to N companions / children of a range; a bad setting is refused per field', async () => {
    h.insert({ ngos: [ngo()] })
    const before = h.snapshot()
    for (const [companions, field, message] of [
      [{ max: 10 }, 'companions.max', /1–9 人/],
      [{ max: -1 }, 'companions.max', /1–9 人/],
      [{ max: 2, children: { minAge: 8, maxAge: 4 } }, 'companions.maxAge', /不能小于最小年龄/],
      [{ max: 2, children: { minAge: 0, maxAge: 30 } }, 'companions.maxAge', /0–17 岁/],
      ['all', 'companions', /格式不正确/],
    ] as const) {
      const bad = await h.api('saveCall', { ngoId: 'ngo-minqin', ...callForm({ companions }) }, ORGANIZER)
      assert.ok(!bad.ok && message.test(bad.fields?.[field] ?? ''), JSON.stringify(bad))
    }
    assert.equal(h.snapshot(), before, 'nothing saved')
    const { call: saved } = await h.apiOk<SaveCallResponse>(
      'saveCall',
      { ngoId: 'ngo-minqin', ...callForm({ companions: FAMILY }) },
      ORGANIZER,
    )
    assert.deepEqual(h.call(saved._id)?.companions, FAMILY)
    assert.deepEqual(saved.companions, FAMILY)
    await h.apiOk('saveCall', { callId: saved._id, ...callForm({ companions: { max: 0 } }) }, ORGANIZER)
    assert.equal(h.call(saved._id)?.companions, undefined, '不允许 again')
  })
})

describe('a family takes its places together', () => {
  test('an adult and two children on a call with 3 places left take all 3; cancelling frees all 3', async () => {
    h.insert({
      ngos: [ngo()],
      calls: [call({ capacity: 5, confirmed: 2, companions: FAMILY })],
      signups: [signUp('trees', ALICE), signUp('trees', BOB)],
    })
    const mine = await joinOk(CAROL, [SON, DAUGHTER])
    assert.equal(mine.status, 'confirmed')
    assert.equal(mine.party, 3)
    assert.deepEqual(mine.companions, [SON, DAUGHTER])
    assert.deepEqual(counters(), { confirmed: 5, waitlisted: 0 })
    const row = h.signUp(`trees_${CAROL}`)
    assert.equal(row?.party, 3)
    const detail = await h.apiOk<CallDetail>('getCall', { callId: 'trees' }, DAVE)
    assert.equal(detail.spotsLeft, 0, 'the call shows no place left')
    assert.deepEqual(detail.companions, FAMILY)

    // a single volunteer now finds it full (no waitlist)
    const late = await join(DAVE)
    assert.equal(late.ok ? 'ok' : late.code, 'FULL')

    await h.apiOk('cancelSignUp', { callId: 'trees' }, CAROL)
    assert.deepEqual(counters(), { confirmed: 2, waitlisted: 0 }, 'all three places freed')
    assert.equal((await joinOk(DAVE)).status, 'confirmed')
  })

  test('a family of 3 with 2 places left is refused FULL and takes nothing', async () => {
    h.insert({
      ngos: [ngo()],
      calls: [call({ capacity: 4, confirmed: 2, companions: FAMILY })],
      signups: [signUp('trees', ALICE), signUp('trees', BOB)],
    })
    const before = h.snapshot()
    const result = await join(CAROL, [MOTHER, SON])
    assert.equal(result.ok ? 'ok' : result.code, 'FULL')
    assert.equal(h.snapshot(), before)
  })

  test('a retry with a different party keeps the first one; a new sign-up after cancelling counts the new party', async () => {
    h.insert({ ngos: [ngo()], calls: [call({ capacity: 10, companions: FAMILY })] })
    await joinOk(CAROL, [SON, DAUGHTER])
    const again = await join(CAROL, [MOTHER])
    assert.ok(again.ok && !again.data.created && again.data.signUp.party === 3, JSON.stringify(again))
    assert.deepEqual(counters(), { confirmed: 3, waitlisted: 0 })
    await h.apiOk('cancelSignUp', { callId: 'trees' }, CAROL)
    const alone = await joinOk(CAROL)
    assert.equal(alone.party, undefined)
    assert.equal(h.signUp(`trees_${CAROL}`)?.companions, undefined, 'the old companions are gone')
    assert.deepEqual(counters(), { confirmed: 1, waitlisted: 0 })
  })
})

describe('the waitlist moves whole parties, first come first served', () => {
  test('a waiting pair is promoted only when 2 places are free; a later single never goes ahead of it', async () => {
    h.insert({ ngos: [ngo()], calls: [call({ capacity: 3, waitlist: true, companions: FAMILY })] })
    await joinOk(ALICE)
    await joinOk(BOB)
    await joinOk(ERIN)
    assert.deepEqual(counters(), { confirmed: 3, waitlisted: 0 })

    const pair = await joinOk(CAROL, [MOTHER])
    assert.equal(pair.status, 'waitlisted')
    assert.equal(pair.waitRank, 1)
    const single = await joinOk(DAVE)
    assert.equal(single.status, 'waitlisted')
    assert.equal(single.waitRank, 2)
    assert.deepEqual(counters(), { confirmed: 3, waitlisted: 3 }, 'the queue counts people')

    // One place free: the pair does not fit, and the single behind it waits too.
    await h.apiOk('cancelSignUp', { callId: 'trees' }, ALICE)
    assert.deepEqual([status(CAROL), status(DAVE)], ['waitlisted', 'waitlisted'])
    assert.deepEqual(counters(), { confirmed: 2, waitlisted: 3 })
    const detail = await h.apiOk<CallDetail>('getCall', { callId: 'trees' }, DAVE)
    assert.equal(detail.mySignUp?.waitRank, 2)
    assert.equal(detail.spotsLeft, 0, 'the free place is held for the pair: a newcomer would queue')

    // Two places free: the pair moves up whole; the single still waits.
    await h.apiOk('cancelSignUp', { callId: 'trees' }, BOB)
    assert.deepEqual([status(CAROL), status(DAVE)], ['confirmed', 'waitlisted'])
    assert.deepEqual(counters(), { confirmed: 3, waitlisted: 1 })
    const told = h.messages({ kind: 'promoted' })
    assert.deepEqual(
      told.map((m) => m.openid),
      [CAROL],
    )

    // The pair leaves: two places, the single is seated.
    await h.apiOk('cancelSignUp', { callId: 'trees' }, CAROL)
    assert.deepEqual([status(CAROL), status(DAVE)], ['cancelled', 'confirmed'])
    assert.deepEqual(counters(), { confirmed: 2, waitlisted: 0 })
  })

  test('a newcomer party that does not fit queues even with places free, and newcomers queue behind it', async () => {
    h.insert({
      ngos: [ngo()],
      calls: [call({ capacity: 4, confirmed: 2, waitlist: true, companions: FAMILY })],
      signups: [signUp('trees', ALICE), signUp('trees', BOB)],
    })
    const family = await joinOk(CAROL, [MOTHER, SON])
    assert.equal(family.status, 'waitlisted')
    const single = await joinOk(DAVE)
    assert.equal(single.status, 'waitlisted', 'no seat ahead of a waiting family')
    assert.deepEqual(counters(), { confirmed: 2, waitlisted: 4 })
    // Leaving the queue gives back the family's three queue places; the single fits and is seated.
    await h.apiOk('cancelSignUp', { callId: 'trees' }, CAROL)
    assert.deepEqual(counters(), { confirmed: 3, waitlisted: 0 })
    assert.equal(status(DAVE), 'confirmed')
  })

  test('a capacity increase promotes the head party once it fits', async () => {
    h.insert({
      ngos: [ngo()],
      calls: [call({ capacity: 3, confirmed: 3, waitlist: true, companions: FAMILY })],
      signups: [signUp('trees', ALICE), signUp('trees', BOB), signUp('trees', ERIN)],
    })
    await joinOk(CAROL, [MOTHER, SON])
    await joinOk(DAVE)
    await h.apiOk('updateCall', { callId: 'trees', capacity: 5 }, ORGANIZER)
    assert.deepEqual([status(CAROL), status(DAVE)], ['waitlisted', 'waitlisted'], '2 free, the family is 3')
    await h.apiOk('updateCall', { callId: 'trees', capacity: 6 }, ORGANIZER)
    assert.deepEqual([status(CAROL), status(DAVE)], ['confirmed', 'waitlisted'])
    await h.apiOk('updateCall', { callId: 'trees', capacity: 7 }, ORGANIZER)
    assert.deepEqual([status(CAROL), status(DAVE)], ['confirmed', 'confirmed'])
    assert.deepEqual(counters(), { confirmed: 7, waitlisted: 0 })
  })
})

describe('bad companions are refused and change nothing', () => {
  const cases: { name: string; rule?: CompanionRule; companions: unknown; field: string; message: RegExp }[] =
    [
      {
        name: 'on a call that allows none',
        companions: [MOTHER],
        field: 'companions',
        message: /不能带同行人/,
      },
      {
        name: 'more than allowed',
        rule: { max: 1 },
        companions: [MOTHER, MOTHER],
        field: 'companions',
        message: /最多带 1 位/,
      },
      {
        name: 'a child on a call for adults',
        rule: { max: 2 },
        companions: [SON],
        field: 'companions.0.kind',
        message: /不能带儿童/,
      },
      {
        name: 'a child younger than the range',
        rule: FAMILY,
        companions: [MOTHER, { name: '王小小', kind: 'child', age: 2 }],
        field: 'companions.1.age',
        message: /4–12 岁/,
      },
      {
        name: 'a child older than the range',
        rule: FAMILY,
        companions: [{ name: '王大宝', kind: 'child', age: 13 }],
        field: 'companions.0.age',
        message: /4–12 岁/,
      },
      {
        name: 'a child without an age',
        rule: FAMILY,
        companions: [{ name: '王大宝', kind: 'child' }],
        field: 'companions.0.age',
        message: /年龄/,
      },
      {
        name: 'a fractional or negative age',
        rule: FAMILY,
        companions: [{ name: '王大宝', kind: 'child', age: -5.5 }],
        field: 'companions.0.age',
        message: /4–12 岁/,
      },
      {
        name: 'a companion without a name',
        rule: FAMILY,
        companions: [{ name: '  ', kind: 'adult' }],
        field: 'companions.0.name',
        message: /请填写第 1 位同行人的姓名/,
      },
      {
        name: 'an unknown kind',
        rule: FAMILY,
        companions: [{ name: '王芳', kind: 'pet' }],
        field: 'companions.0.kind',
        message: /成人还是儿童/,
      },
      {
        name: 'a huge array',
        rule: FAMILY,
        companions: Array.from({ length: 20_000 }, () => MOTHER),
        field: 'companions',
        message: /最多带 3 位/,
      },
      {
        name: 'not an array',
        rule: FAMILY,
        companions: { length: -1 },
        field: 'companions',
        message: /格式不正确/,
      },
      {
        name: 'a party larger than the places',
        rule: { max: 9 },
        companions: Array.from({ length: 5 }, () => MOTHER),
        field: 'companions',
        message: /容纳不下 6 人/,
      },
    ]
  for (const c of cases) {
    test(c.name, async () => {
      h.insert({
        ngos: [ngo()],
        calls: [call({ capacity: 5, waitlist: true, ...(c.rule ? { companions: c.rule } : {}) })],
      })
      const before = h.snapshot()
      const result = await h.api('signUp', form('trees', { companions: c.companions }), CAROL)
      assert.ok(!result.ok, JSON.stringify(result))
      assert.equal(result.code, 'INVALID_INPUT')
      assert.match(result.fields?.[c.field] ?? '', c.message, JSON.stringify(result.fields))
      assert.equal(h.snapshot(), before, 'nothing changed')
    })
  }

  test('a party or companions field in the body is not trusted: the party is counted from the list', async () => {
    h.insert({ ngos: [ngo()], calls: [call({ capacity: 5, companions: FAMILY })] })
    await h.apiOk('signUp', form('trees', { companions: [MOTHER], party: 1, openid: BOB }), CAROL)
    assert.equal(h.signUp(`trees_${CAROL}`)?.party, 2)
    assert.equal(h.signUp(`trees_${BOB}`), undefined)
    assert.deepEqual(counters(), { confirmed: 2, waitlisted: 0 })
  })
})

describe('repair counts people', () => {
  test('drifted counters are set to the sum of the parties', async () => {
    const old = Date.now() - QUIET_MS - 60_000
    h.insert({
      ngos: [ngo()],
      calls: [
        call({
          capacity: 6,
          confirmed: 6,
          waitlisted: 5,
          waitlist: true,
          companions: FAMILY,
          updatedAt: old,
        }),
      ],
      signups: [
        signUp('trees', ALICE, { companions: [SON, DAUGHTER], party: 3, updatedAt: old }),
        signUp('trees', BOB, { updatedAt: old }),
        signUp('trees', CAROL, {
          status: 'waitlisted',
          waitlistedAt: new Date(old),
          companions: [MOTHER, SON],
          party: 3,
          updatedAt: old,
        }),
      ],
    })
    const result = await h.remind<{ repair: RepairReport }>()
    assert.ok(result.ok, JSON.stringify(result))
    // 4 seated of 6: the waiting party of 3 still does not fit, so the counters are only corrected
    assert.deepEqual(counters(), { confirmed: 4, waitlisted: 3 })
    assert.equal(status(CAROL), 'waitlisted')
  })
})

describe('check-in and hours of a party', () => {
  test("the guardian's check-in checks the party in; each companion has the hours, a child's under the guardian", async () => {
    h.emu.clock.set({ offsetMs: 0 })
    const startAt = Date.now() + 3_600_000
    h.insert({
      ngos: [ngo()],
      calls: [call({ startAt, endAt: startAt + 3 * 3_600_000, confirmed: 4, companions: FAMILY })],
      signups: [signUp('trees', CAROL, { companions: [SON, MOTHER], party: 3 }), signUp('trees', DAVE)],
    })
    // the roster kept on the organizer's phone for a site with no signal names the party too
    const kept = await h.apiOk<OfflineRosterResponse>('offlineRoster', { callId: 'trees' }, ORGANIZER)
    assert.deepEqual(kept.people.find((p) => p.signUpId === `trees_${CAROL}`)?.companions, ['王小明', '王芳'])
    assert.equal(kept.people.find((p) => p.signUpId === `trees_${DAVE}`)?.companions, undefined)
    const mark = (who: string, mode: 'in' | 'out') =>
      h.apiOk('markAttendance', { callId: 'trees', mode, signUpId: `trees_${who}` }, ORGANIZER)
    await mark(CAROL, 'in')
    const screen = await h.apiOk<AttendanceResponse>('attendance', { callId: 'trees' }, ORGANIZER)
    assert.deepEqual(
      { expected: screen.counts.expected, checkedIn: screen.counts.checkedIn },
      { expected: 4, checkedIn: 3 },
      'people: the party of three is here, the single is not yet',
    )
    const carol = screen.entries.find((e) => e.signUpId === `trees_${CAROL}`)
    assert.deepEqual(carol?.companions, [SON, MOTHER])

    h.emu.clock.set({ at: (h.signUp(`trees_${CAROL}`)?.checkedInAt ?? 0) + 120 * 60_000 })
    await mark(CAROL, 'out')
    await h.apiOk('confirmHours', { callId: 'trees', signUpIds: [`trees_${CAROL}`] }, ORGANIZER)
    const record = await h.apiOk<MyHoursResponse>('myHours', {}, CAROL)
    assert.equal(record.total, 2, "the guardian's own hours; the companions' are theirs")
    assert.deepEqual(record.events[0].companions, [
      { ...SON, hours: 2 },
      { ...MOTHER, hours: 2 },
    ])

    const range = { ngoId: 'ngo-minqin', from: startAt - 86_400_000, to: startAt + 86_400_000 }
    const exported = await h.apiOk<ExportHoursResponse>('exportHours', range, ORGANIZER)
    assert.equal(exported.rows, 3, 'a row per person')
    h.emu.clock.set({ offsetMs: 0 })
  })
})
