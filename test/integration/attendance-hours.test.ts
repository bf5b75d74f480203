// Hours through the real function, SDK and local cloud: check-out rounds by the NGO's rule, the organizer edits
// (the reason and the replaced value kept) and confirms, no-shows after the end. Only confirmed hours reach the
// volunteer's totals and the export.
import { after, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import ExcelJS from 'exceljs'
import type {
  AttendanceResponse,
  CheckInCodeResponse,
  ConfirmHoursResponse,
  ExportHoursResponse,
  MarkAttendanceResponse,
  MyHoursResponse,
} from '@core/attendance/contract'
import type { IssueCertificateResponse } from '@core/certificates/contract'
import { HOURS_SHEET_HEADERS } from '@core/attendance/hours-record'
import { call, DAY, HOUR, ngo, ORGANIZER, signUp, volunteer } from './docs'
import { startApi, type ApiHarness } from './harness'

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())

const MINUTE = 60_000
const PEOPLE = [1, 2, 3, 4, 5, 6, 7].map(volunteer)
const id = (openid: string, callId = 'trees') => `${callId}_${openid}`
let startAt = 0

/** Trees starts in an hour and lasts 3 h; seven volunteers hold seats. */
beforeEach(() => {
  h.reset()
  h.emu.clock.set({ offsetMs: 0 })
  startAt = Date.now() + HOUR
  h.insert({
    ngos: [ngo()],
    calls: [
      call({ startAt, endAt: startAt + 3 * HOUR, confirmed: PEOPLE.length }),
      call({ _id: 'river', startAt, endAt: startAt + 3 * HOUR, confirmed: 1 }),
    ],
    signups: [
      ...PEOPLE.map((openid, i) => signUp('trees', openid, { name: `志愿者${i + 1}` })),
      signUp('river', volunteer(8)),
    ],
  })
})

async function mark(signUpId: string, mode: 'in' | 'out', callId = 'trees'): Promise<MarkAttendanceResponse> {
  return h.apiOk<MarkAttendanceResponse>('markAttendance', { callId, mode, signUpId }, ORGANIZER)
}

async function refusedUnchanged(action: string, body: object, openid: string, code: string): Promise<void> {
  const before = h.snapshot()
  const result = await h.api(action, body, openid)
  assert.equal(result.ok ? 'OK' : result.code, code, JSON.stringify(result))
  assert.equal(h.snapshot(), before, 'nothing changed')
}

/** Checks each of `openids` in, then out after `minutes[i]` minutes (by the local cloud's clock). */
async function serve(openids: string[], minutes: number[]): Promise<void> {
  for (const openid of openids) await mark(id(openid), 'in')
  const order = openids.map((openid, i) => ({ openid, m: minutes[i] })).sort((a, b) => a.m - b.m)
  for (const { openid, m } of order) {
    h.emu.clock.set({ at: (h.signUp(id(openid))?.checkedInAt ?? 0) + m * MINUTE })
    await mark(id(openid), 'out')
  }
}

describe('check-out', () => {
  test('rounds by the default rule on its edges: 14, 15, 45, 46, 60, 61, 135 minutes', async () => {
    const minutes = [14, 15, 45, 46, 60, 61, 135]
    await serve(PEOPLE, minutes)
    assert.deepEqual(
      PEOPLE.map((p) => h.signUp(id(p))?.hours),
      [0, 0.5, 1, 1, 1, 1, 2.5],
    )
    const list = await h.apiOk<AttendanceResponse>('attendance', { callId: 'trees' }, ORGANIZER)
    const byId = new Map(list.entries.map((e) => [e.signUpId, e]))
    assert.deepEqual(
      PEOPLE.map((p) => byId.get(id(p))?.minutes),
      minutes,
    )
    assert.ok(list.entries.every((e) => e.hoursStatus === 'recorded'))
    assert.equal(h.call('trees')?.confirmed, PEOPLE.length, 'attendance moves no counter')
  })

  test("follows the NGO's own rule once set; a rule out of bounds is refused", async () => {
    await h.apiOk('setHoursRule', { ngoId: 'ngo-minqin', rule: { zeroBelow: 30, halfBelow: 30 } }, ORGANIZER)
    await serve([PEOPLE[0], PEOPLE[1]], [29, 30])
    assert.deepEqual([h.signUp(id(PEOPLE[0]))?.hours, h.signUp(id(PEOPLE[1]))?.hours], [0, 1])
    await refusedUnchanged(
      'setHoursRule',
      { ngoId: 'ngo-minqin', rule: { zeroBelow: 40, halfBelow: 20 } },
      ORGANIZER,
      'INVALID_INPUT',
    )
  })

  test('a later check-out replaces an earlier one until the hours are confirmed', async () => {
    const [p] = PEOPLE
    await serve([p], [60])
    assert.equal(h.signUp(id(p))?.hours, 1)
    h.emu.clock.set({ at: (h.signUp(id(p))?.checkedInAt ?? 0) + 100 * MINUTE })
    const code = await h.apiOk<CheckInCodeResponse>(
      'checkInCode',
      { callId: 'trees', mode: 'out' },
      ORGANIZER,
    )
    await h.apiOk('checkIn', { code: code.code }, p)
    assert.equal(h.signUp(id(p))?.hours, 1.5)
    await h.apiOk('confirmHours', { callId: 'trees', signUpIds: [id(p)] }, ORGANIZER)
    h.emu.clock.set({ at: (h.signUp(id(p))?.checkedInAt ?? 0) + 200 * MINUTE })
    const before = h.snapshot()
    await mark(id(p), 'out')
    assert.equal(h.snapshot(), before, 'confirmed: the record stands')
  })

  test('the organizer checks out everyone still here at once', async () => {
    await mark(id(PEOPLE[0]), 'in')
    await mark(id(PEOPLE[1]), 'in')
    await serve([PEOPLE[2]], [30])
    h.emu.clock.set({ offsetMs: 50 * MINUTE })
    const done = await h.apiOk<{ checkedOut: number }>('checkOutAll', { callId: 'trees' }, ORGANIZER)
    assert.equal(done.checkedOut, 2)
    assert.equal(h.signUp(id(PEOPLE[0]))?.hours, 1)
    assert.equal(h.signUp(id(PEOPLE[2]))?.hours, 0.5, 'already out: untouched')
    assert.equal(h.signUp(id(PEOPLE[3]))?.checkedOutAt, undefined, 'never here: untouched')
  })
})

describe('edits and confirmation', () => {
  test('an edit keeps its reason and the value it replaced; confirmed hours are no longer edited', async () => {
    const p = PEOPLE[6]
    await serve([p], [135])
    const edited = await h.apiOk<MarkAttendanceResponse>(
      'editHours',
      { callId: 'trees', signUpId: id(p), hours: 3, reason: '提前到场布置' },
      ORGANIZER,
    )
    assert.equal(edited.attendance.hours, 3)
    assert.deepEqual(
      { ...edited.attendance.hoursEdit, at: 0 },
      { from: 2.5, to: 3, reason: '提前到场布置', at: 0 },
    )
    await h.apiOk(
      'editHours',
      { callId: 'trees', signUpId: id(p), hours: 2, reason: '中途离开一小时' },
      ORGANIZER,
    )
    const edits = h.signUp(id(p))?.hoursEdits ?? []
    assert.deepEqual(
      edits.map((e) => [e.from, e.to, e.reason, e.by]),
      [
        [2.5, 3, '提前到场布置', ORGANIZER],
        [3, 2, '中途离开一小时', ORGANIZER],
      ],
    )
    assert.equal(h.signUp(id(p))?.hours, 2)

    await h.apiOk('confirmHours', { callId: 'trees', signUpIds: [id(p)] }, ORGANIZER)
    await refusedUnchanged(
      'editHours',
      { callId: 'trees', signUpId: id(p), hours: 4, reason: '再改一次' },
      ORGANIZER,
      'HOURS_CONFIRMED',
    )
  })

  test('bad edits are refused and change nothing', async () => {
    const p = PEOPLE[0]
    await serve([p], [60])
    const edit = (over: object) => ({ callId: 'trees', signUpId: id(p), hours: 2, reason: '补录', ...over })
    for (const body of [
      edit({ hours: 2.3 }),
      edit({ hours: -1 }),
      edit({ hours: 25 }),
      edit({ hours: '2' }),
      edit({ reason: '' }),
      edit({ reason: '补' }),
      edit({ reason: '长'.repeat(101) }),
      edit({ signUpId: 'bad id!' }),
    ]) {
      await refusedUnchanged('editHours', body, ORGANIZER, 'INVALID_INPUT')
    }
    await refusedUnchanged('editHours', edit({ signUpId: id(PEOPLE[1]) }), ORGANIZER, 'NOT_CHECKED_IN')
    await refusedUnchanged('editHours', edit({ signUpId: id(volunteer(8), 'river') }), ORGANIZER, 'NOT_FOUND')
    await refusedUnchanged('editHours', edit({ reason: '代开发票' }), ORGANIZER, 'CONTENT_RISKY')
  })

  test('confirming a listed person without hours is refused; confirming all takes those with hours; again: nothing', async () => {
    await serve([PEOPLE[0], PEOPLE[1]], [60, 90])
    await mark(id(PEOPLE[2]), 'in') // here, not yet out: no hours
    await refusedUnchanged(
      'confirmHours',
      { callId: 'trees', signUpIds: [id(PEOPLE[0]), id(PEOPLE[2])] },
      ORGANIZER,
      'NO_HOURS',
    )
    await refusedUnchanged(
      'confirmHours',
      { callId: 'trees', signUpIds: [id(PEOPLE[3])] },
      ORGANIZER,
      'NO_HOURS',
    )
    const all = await h.apiOk<ConfirmHoursResponse>('confirmHours', { callId: 'trees' }, ORGANIZER)
    assert.equal(all.confirmed, 2)
    assert.equal(h.signUp(id(PEOPLE[0]))?.hoursConfirmedBy, ORGANIZER)
    assert.equal(h.signUp(id(PEOPLE[2]))?.hoursConfirmedAt, undefined)
    const before = h.snapshot()
    assert.equal(
      (await h.apiOk<ConfirmHoursResponse>('confirmHours', { callId: 'trees' }, ORGANIZER)).confirmed,
      0,
    )
    assert.equal(h.snapshot(), before)
  })
})

describe('no-shows', () => {
  test('only after the end: the seats never checked in become no-shows, nobody else', async () => {
    await serve([PEOPLE[0]], [60])
    await refusedUnchanged('markNoShows', { callId: 'trees' }, ORGANIZER, 'NOT_ENDED')
    h.emu.clock.set({ at: startAt + 3 * HOUR + MINUTE })
    const done = await h.apiOk<{ noShows: number }>('markNoShows', { callId: 'trees' }, ORGANIZER)
    assert.equal(done.noShows, PEOPLE.length - 1)
    assert.equal(h.signUp(id(PEOPLE[0]))?.status, 'attended')
    assert.equal(h.signUp(id(PEOPLE[1]))?.status, 'no_show')
    assert.equal(h.call('trees')?.confirmed, PEOPLE.length, 'a no-show held a seat: no counter changes')
    const record = await h.apiOk<MyHoursResponse>('myHours', {}, PEOPLE[1])
    assert.deepEqual(
      record.events.map((e) => [e.status, e.hours]),
      [['no_show', 0]],
    )
    assert.equal(record.total, 0)
  })
})

describe('only confirmed hours count', () => {
  test("in the volunteer's totals and in the export, never before confirmation", async () => {
    const [p, q] = PEOPLE
    await serve([p, q], [135, 60])

    const pending = await h.apiOk<MyHoursResponse>('myHours', {}, p)
    assert.equal(pending.total, 0)
    assert.deepEqual(pending.byNgo, [])
    assert.deepEqual(pending.byYear, [])
    assert.deepEqual(
      pending.events.map((e) => [e.status, e.hours]),
      [['pending', 2.5]],
    )
    const range = { ngoId: 'ngo-minqin', from: startAt - DAY, to: startAt + DAY }
    assert.equal((await h.apiOk<ExportHoursResponse>('exportHours', range, ORGANIZER)).rows, 0)

    await h.apiOk('confirmHours', { callId: 'trees', signUpIds: [id(p)] }, ORGANIZER)
    const confirmed = await h.apiOk<MyHoursResponse>('myHours', {}, p)
    assert.equal(confirmed.total, 2.5)
    assert.deepEqual(confirmed.byNgo, [{ ngoId: 'ngo-minqin', ngoName: '民勤治沙', hours: 2.5 }])
    assert.equal(confirmed.byYear.length, 1)
    assert.equal(confirmed.byYear[0].hours, 2.5)
    assert.equal(confirmed.events[0].status, 'confirmed')
    assert.equal(confirmed.events[0].certificateNo, undefined, 'none issued yet')
    const issued = await h.apiOk<IssueCertificateResponse>('issueCertificate', { signUpId: id(p) }, p)
    const withCertificate = await h.apiOk<MyHoursResponse>('myHours', {}, p)
    assert.equal(withCertificate.events[0].certificateNo, issued.certificate.certificateNo)
    assert.equal((await h.apiOk<MyHoursResponse>('myHours', {}, q)).total, 0, "q's hours still await")

    const exported = await h.apiOk<ExportHoursResponse>('exportHours', range, ORGANIZER)
    assert.equal(exported.rows, 1)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(await (await fetch(exported.url)).arrayBuffer()) as never)
    const sheet = book.worksheets[0]
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), HOURS_SHEET_HEADERS)
    const row = (sheet.getRow(2).values as unknown[]).slice(1)
    assert.equal(row[1], '志愿者1')
    assert.equal(row[3], '民勤梭梭林植树志愿者招募')
    assert.equal(row[8], '2.5')
    assert.equal(sheet.rowCount, 2, 'the unconfirmed hours are not exported')

    const outside = { ngoId: 'ngo-minqin', from: startAt + DAY, to: startAt + 2 * DAY }
    assert.equal((await h.apiOk<ExportHoursResponse>('exportHours', outside, ORGANIZER)).rows, 0)
  })

  test('an export needs a range: from before to, at most 366 days', async () => {
    const now = Date.now()
    for (const body of [
      { ngoId: 'ngo-minqin' },
      { ngoId: 'ngo-minqin', from: now, to: now },
      { ngoId: 'ngo-minqin', from: now, to: now - DAY },
      { ngoId: 'ngo-minqin', from: now - 367 * DAY, to: now },
    ]) {
      await refusedUnchanged('exportHours', body, ORGANIZER, 'INVALID_INPUT')
    }
  })
})
