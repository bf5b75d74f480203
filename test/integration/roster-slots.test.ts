// The roster and its export on a call of three sessions × two roles, through the real function and local cloud:
// each row says its slot, session and role; the session and role filters keep their rows and the counts follow;
// the export has 场次 and 岗位 columns and takes the same filter. Ids the call lacks (another call's slot, a
// session it does not have) are refused and change nothing. A call of one slot keeps its roster and export.
import { after, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import ExcelJS from 'exceljs'
import type { ExportRosterResponse, RosterResponse } from '@core/calls/contract'
import { sessionLabel } from '@core/calls/session-text'
import { emptySlots, signUpIdFor } from '@core/calls/slots'
import type { Call, CallRole, CallSession, SignUp } from '@core/model'
import { ALICE, BOB, call, DAY, HOUR, ngo, ORGANIZER, signUp, volunteer } from './docs'
import { startApi, type ApiHarness } from './harness'

const CAROL = volunteer(3)
const DAN = volunteer(4)

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())

let sessions: CallSession[]

function threeSessions(): Call {
  const first = Date.now() + 10 * DAY
  sessions = [0, 7, 14].map((days, i) => ({
    id: `s${i + 1}`,
    startAt: first + days * DAY,
    endAt: first + days * DAY + 4 * HOUR,
  }))
  const roles: CallRole[] = [
    { id: 'r1', name: '植树', description: '挖坑、栽苗', capacity: 1 },
    { id: 'r2', name: '后勤', description: '发放工具', capacity: 2 },
  ]
  const base = call({
    startAt: sessions[0].startAt,
    endAt: sessions[2].endAt,
    waitlist: true,
    sessions,
    roles,
    capacity: 9,
    confirmed: 4,
    waitlisted: 1,
  })
  const slots = emptySlots(base) ?? {}
  slots['s1-r1'].confirmed = 1
  slots['s1-r1'].waitlisted = 1
  slots['s1-r2'].confirmed = 1
  slots['s2-r1'].confirmed = 1
  slots['s3-r2'].confirmed = 1
  return { ...base, slots }
}

const row = (openid: string, slot: string, name: string, overrides: Partial<SignUp> = {}): SignUp =>
  signUp('trees', openid, { _id: signUpIdFor('trees', openid, slot), slot, name, ...overrides })

beforeEach(() => {
  h.reset()
  h.insert({
    ngos: [ngo()],
    calls: [threeSessions(), call({ _id: 'river', title: '河道清洁', confirmed: 1 })],
    signups: [
      row(ALICE, 's1-r1', '林晓'),
      row(ALICE, 's2-r1', '林晓'),
      row(BOB, 's1-r2', '王堃'),
      row(CAROL, 's1-r1', '陈一', { status: 'waitlisted', waitlistedAt: new Date() }),
      row(DAN, 's3-r2', '赵四'),
      row(DAN, 's2-r2', '赵四', { status: 'cancelled', cancelledAt: Date.now() - HOUR }),
      signUp('river', BOB, { name: '王堃' }),
    ],
  })
})

const roster = (body: object) => h.apiOk<RosterResponse>('roster', { callId: 'trees', ...body }, ORGANIZER)

async function refusedUnchanged(action: string, body: object): Promise<void> {
  const before = h.snapshot()
  const result = await h.api(action, body, ORGANIZER)
  assert.equal(result.ok ? 'OK' : result.code, 'INVALID_INPUT', JSON.stringify(result))
  assert.equal(h.snapshot(), before)
}

async function sheet(url: string): Promise<string[][]> {
  const res = await fetch(url)
  assert.equal(res.status, 200)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never)
  const rows: string[][] = []
  book.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))))
  return rows
}

describe('the roster of a call of several slots', () => {
  test('each row says its slot, session and role; the page gets the sessions and roles to filter by', async () => {
    const all = await roster({})
    assert.equal(all.entries.length, 6)
    const alice2 = all.entries.find((e) => e._id === signUpIdFor('trees', ALICE, 's2-r1'))
    assert.equal(alice2?.slot, 's2-r1')
    assert.equal(alice2?.session, sessionLabel(sessions[1]))
    assert.equal(alice2?.role, '植树')
    assert.deepEqual(
      all.sessions?.map((s) => s.id),
      ['s1', 's2', 's3'],
    )
    assert.deepEqual(all.roles, [
      { id: 'r1', name: '植树' },
      { id: 'r2', name: '后勤' },
    ])
    assert.deepEqual(all.counts, { confirmed: 4, waitlisted: 1, cancelled: 1, late: 0, walkIn: 0 })
    assert.equal(all.entries.find((e) => e.tab === 'waitlisted')?.waitRank, 1)
  })

  test('filtered by session, by role, by both: the rows and the counts of that part only', async () => {
    const first = await roster({ sessionId: 's1' })
    assert.deepEqual(first.entries.map((e) => e.slot).sort(), ['s1-r1', 's1-r1', 's1-r2'])
    assert.deepEqual(first.counts, { confirmed: 2, waitlisted: 1, cancelled: 0, late: 0, walkIn: 0 })
    const logistics = await roster({ roleId: 'r2' })
    assert.deepEqual(logistics.entries.map((e) => e.name).sort(), ['王堃', '赵四', '赵四'])
    assert.deepEqual(logistics.counts, { confirmed: 2, waitlisted: 0, cancelled: 1, late: 0, walkIn: 0 })
    const one = await roster({ sessionId: 's2', roleId: 'r1' })
    assert.deepEqual(
      one.entries.map((e) => e._id),
      [signUpIdFor('trees', ALICE, 's2-r1')],
    )
    assert.equal((await roster({ sessionId: 's3', roleId: 'r1' })).entries.length, 0)
  })

  test('ids the call lacks, or not shaped like ids, are refused', async () => {
    for (const bad of [
      { sessionId: 's4' },
      { roleId: 'r3' },
      { sessionId: 's1-r1' },
      { sessionId: 'trees' },
      { roleId: { $ne: null } },
      { sessionId: ['s1'] },
      { sessionId: 7 },
    ]) {
      await refusedUnchanged('roster', { callId: 'trees', ...bad })
      await refusedUnchanged('exportRoster', { callId: 'trees', ...bad })
    }
    // the river call has one slot: no session but its own, no roles at all
    await refusedUnchanged('roster', { callId: 'river', sessionId: 's2' })
    await refusedUnchanged('roster', { callId: 'river', roleId: 'r1' })
    const river = await h.apiOk<RosterResponse>('roster', { callId: 'river', sessionId: 's1' }, ORGANIZER)
    assert.equal(river.entries.length, 1)
    assert.equal(river.entries[0].slot, undefined, 'a call of one slot: rows as before')
    assert.equal(river.sessions, undefined)
    // another NGO's organizer cannot read the roster by naming a slot
    const other = await h.api('roster', { callId: 'trees', sessionId: 's1' }, volunteer(99))
    assert.equal(other.ok, false)
  })

  test('the export has 场次 and 岗位 columns and the same filter; a call of one slot has neither', async () => {
    const all = await h.apiOk<ExportRosterResponse>('exportRoster', { callId: 'trees' }, ORGANIZER)
    const rows = await sheet(all.url)
    assert.deepEqual(rows[0].slice(0, 6), ['序号', '姓名', '手机号', '场次', '岗位', '状态'])
    assert.equal(all.rows, 6)
    const alice2 = rows.find((r) => r[1] === '林晓' && r[3] === sessionLabel(sessions[1]))
    assert.equal(alice2?.[4], '植树')

    const filtered = await h.apiOk<ExportRosterResponse>(
      'exportRoster',
      { callId: 'trees', sessionId: 's1', roleId: 'r1' },
      ORGANIZER,
    )
    assert.equal(filtered.rows, 2)
    const filteredRows = await sheet(filtered.url)
    assert.deepEqual(
      filteredRows.slice(1).map((r) => [r[1], r[3], r[4], r[5]]),
      [
        ['林晓', sessionLabel(sessions[0]), '植树', '已报名'],
        ['陈一', sessionLabel(sessions[0]), '植树', '候补'],
      ],
    )

    const river = await h.apiOk<ExportRosterResponse>('exportRoster', { callId: 'river' }, ORGANIZER)
    const riverRows = await sheet(river.url)
    assert.deepEqual(riverRows[0].slice(0, 4), ['序号', '姓名', '手机号', '状态'])
  })
})
