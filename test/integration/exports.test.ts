// Roster and hours exports hold names and phone numbers: each is stored under an unguessable name, handed out as
// a link that works for 10 minutes (the local cloud signs its temp URLs and expires them by its clock), never
// served by its plain path, deleted by the `remind` timer after a day, and deleted when a volunteer it may list
// deletes their data. Through the shipped `api` and `remind` functions, the real SDK and the local cloud.
import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import ExcelJS from 'exceljs'
import type { RemindReport } from '@functions/remind'
import type { ExportRecord } from '@core/model'
import type { ExportHoursResponse } from '@core/attendance/contract'
import type { ExportRosterResponse } from '@core/calls/contract'
import { ALICE, BOB, call, DAY, HOUR, ngo, ORGANIZER, signUp } from './docs'
import { startApi, type ApiHarness } from './harness'

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())

const OTHER_ORGANIZER = 'oTEST_organizer_000000000002'
const PAST = Date.now() - 10 * DAY
const MINUTE = 60_000
const ALICE_PHONE = '13912345678'

beforeEach(() => {
  h.reset()
  h.emu.clock.set({ offsetMs: 0 })
  const attended = {
    status: 'attended',
    hours: 3,
    hoursConfirmedAt: PAST + DAY,
    hoursConfirmedBy: ORGANIZER,
  } as const
  h.insert({
    ngos: [ngo(), ngo({ _id: 'ngo-other', name: '石羊河', admins: [OTHER_ORGANIZER] })],
    calls: [
      call(),
      call({ _id: 'past', startAt: PAST, signupDeadline: PAST - 2 * DAY, status: 'closed', confirmed: 1 }),
      call({ _id: 'quiet', title: '没有小林的活动', confirmed: 1 }),
      call({ _id: 'elsewhere', ngoId: 'ngo-other', confirmed: 1 }),
    ],
    signups: [
      signUp('trees', ALICE, { phone: ALICE_PHONE }),
      signUp('trees', BOB, { name: '王堃', phone: '13700137000' }),
      signUp('past', ALICE, { phone: ALICE_PHONE, ...attended }),
      signUp('quiet', BOB, { name: '王堃', phone: '13700137000' }),
      signUp('elsewhere', BOB, { name: '王堃', phone: '13700137000' }),
    ],
  })
})

const records = () => h.emu.store.collection('exports').find({}) as unknown as ExportRecord[]
const exportFiles = () => h.emu.storage.paths().filter((path) => path.startsWith('exports/'))
/** whether the export's file is in storage */
const stored = (fileID: string) => exportFiles().some((path) => fileID.endsWith(`/${path}`))
const roster = (callId: string, openid = ORGANIZER) =>
  h.apiOk<ExportRosterResponse>('exportRoster', { callId }, openid)
const hours = (ngoId = 'ngo-minqin', openid = ORGANIZER) =>
  h.apiOk<ExportHoursResponse>('exportHours', { ngoId, from: PAST - DAY, to: Date.now() }, openid)

async function sheetText(url: string): Promise<string> {
  const res = await fetch(url)
  assert.equal(res.status, 200)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never)
  const cells: string[] = []
  book.worksheets[0].eachRow((row) => cells.push(...(row.values as unknown[]).map((v) => String(v ?? ''))))
  return cells.join('|')
}

async function remind(): Promise<RemindReport> {
  const result = await h.remind<RemindReport>()
  assert.ok(result.ok, JSON.stringify(result))
  return result.ok ? result.data : assert.fail()
}

describe('an export', () => {
  test('is a link that works right after and stops working after ten minutes', async () => {
    const file = await roster('trees')
    assert.match(file.fileName, /^报名名单-民勤梭梭林植树志愿者招募-\d{8}-\d{4}\.xlsx$/, 'named for people')
    assert.equal(file.rows, 2)
    const link = new URL(file.url)
    assert.match(
      decodeURIComponent(link.pathname),
      /^\/_storage\/exports\/[0-9a-f]{32}\/报名名单-民勤梭梭林植树志愿者招募-\d{8}-\d{4}\.xlsx$/,
    )
    assert.match(await sheetText(file.url), new RegExp(ALICE_PHONE))

    h.emu.clock.set({ offsetMs: 9 * MINUTE })
    assert.equal((await fetch(file.url)).status, 200)
    h.emu.clock.set({ offsetMs: 10 * MINUTE + 1_000 })
    assert.equal((await fetch(file.url)).status, 403, 'expired')

    const sheet = await hours()
    assert.equal(sheet.rows, 1)
    assert.match(
      decodeURIComponent(new URL(sheet.url).pathname),
      /^\/_storage\/exports\/[0-9a-f]{32}\/志愿服务时长-/,
    )
    assert.equal((await fetch(sheet.url)).status, 200)
    h.emu.clock.set({ offsetMs: 21 * MINUTE })
    assert.equal((await fetch(sheet.url)).status, 403)
  })

  test('is never served by its plain path, and guessing the old names finds nothing', async () => {
    const before = Date.now()
    const file = await roster('trees')
    const plain = new URL(file.url)
    plain.search = ''
    assert.equal((await fetch(plain)).status, 403, 'the path without its signature')
    assert.equal((await fetch(`${h.emu.url}/_storage/exports/`)).status, 403, 'no listing')

    // what the old names were: exports/<callId>/报名名单-<callId>-<epoch ms>.xlsx, exports/<ngoId>/…
    for (const ms of [before - 1, before, before + 1]) {
      const old = `${h.emu.url}/_storage/exports/trees/${encodeURIComponent(`报名名单-trees-${ms}.xlsx`)}`
      assert.equal((await fetch(old)).status, 403)
    }
    assert.deepEqual(
      exportFiles().filter((path) => !/^exports\/[0-9a-f]{32}\//.test(path)),
      [],
      'nothing stored under a guessable folder',
    )
    const again = await roster('trees')
    assert.notEqual(
      new URL(again.url).pathname.split('/')[3],
      plain.pathname.split('/')[3],
      'a new token each time',
    )
  })

  test('is recorded for its deletion a day later', async () => {
    const file = await roster('trees')
    const sheet = await hours()
    const [rosterRecord, hoursRecord] = [file, sheet].map((made) =>
      records().find((r) => r.fileID === made.fileID),
    )
    assert.ok(rosterRecord && hoursRecord)
    assert.deepEqual(
      { ...rosterRecord, _id: '', createdAt: 0, expiresAt: rosterRecord.expiresAt - rosterRecord.createdAt },
      {
        _id: '',
        fileID: file.fileID,
        kind: 'roster',
        ngoId: 'ngo-minqin',
        callId: 'trees',
        createdAt: 0,
        expiresAt: DAY,
      },
    )
    assert.ok(Math.abs(rosterRecord.createdAt - Date.now()) < MINUTE)
    assert.equal(hoursRecord.kind, 'hours')
    assert.equal(hoursRecord.ngoId, 'ngo-minqin')
    assert.equal(hoursRecord.callId, undefined)
    assert.ok(file.fileID.includes(`/exports/${rosterRecord._id}/`))
  })
})

describe('the remind timer', () => {
  test('deletes exports older than a day, files and records, and a second run changes nothing', async () => {
    const day1 = [await roster('trees'), await hours()]
    h.emu.clock.set({ offsetMs: 12 * HOUR })
    const later = await roster('quiet')
    h.emu.clock.set({ offsetMs: 23 * HOUR })
    assert.equal((await remind()).exports, 0)
    assert.equal(records().length, 3)

    h.emu.clock.set({ offsetMs: DAY + MINUTE })
    assert.equal((await remind()).exports, 2)
    assert.deepEqual(
      records().map((r) => r.callId),
      ['quiet'],
    )
    assert.deepEqual(
      [...day1, later].map((made) => stored(made.fileID)),
      [false, false, true],
    )
    const before = h.snapshot()
    assert.equal((await remind()).exports, 0)
    assert.equal(h.snapshot(), before)

    h.emu.clock.set({ offsetMs: 2 * DAY })
    assert.equal((await remind()).exports, 1)
    assert.deepEqual([records(), stored(later.fileID)], [[], false])
  })

  test('does a bounded amount a run, the rest on the next; records whose file is already gone go too', async () => {
    const old = Date.now() - 2 * DAY
    h.emu.store.collection('exports').insert(
      Array.from({ length: 620 }, (_, i) => ({
        _id: `gone${String(i).padStart(4, '0')}`,
        fileID: `cloud://local.local-emulator/exports/gone${i}/x.xlsx`,
        kind: 'hours',
        ngoId: 'ngo-minqin',
        createdAt: old,
        expiresAt: old + DAY,
      })),
    )
    assert.equal((await remind()).exports, 500)
    assert.equal(records().length, 120)
    assert.equal((await remind()).exports, 120)
    assert.equal(records().length, 0)
  })
})

describe('deleting a volunteer’s data', () => {
  test('deletes every export that may list them: their calls’ rosters, their NGOs’ hours; the others stay', async () => {
    const mine = [await roster('trees'), await roster('past'), await hours()]
    const others = [
      await roster('quiet'),
      await roster('elsewhere', OTHER_ORGANIZER),
      await hours('ngo-other', OTHER_ORGANIZER),
    ]
    for (const made of mine) assert.equal((await fetch(made.url)).status, 200)

    assert.ok((await h.api('deleteMyData', { confirm: '删除' }, ALICE)).ok)
    for (const made of mine) assert.equal((await fetch(made.url)).status, 404, 'the file is gone')
    assert.deepEqual(
      records()
        .map((r) => r.fileID)
        .sort(),
      others.map((made) => made.fileID).sort(),
    )
    assert.deepEqual(
      [...mine, ...others].map((made) => stored(made.fileID)),
      [false, false, false, true, true, true],
    )
    for (const made of others) assert.equal((await fetch(made.url)).status, 200)

    // a new roster does not list her; a repeated deletion still removes her calls' rosters, and only those
    assert.doesNotMatch(await sheetText((await roster('trees')).url), new RegExp(ALICE_PHONE))
    assert.equal(records().length, 4)
    assert.ok((await h.api('deleteMyData', { confirm: '删除' }, ALICE)).ok)
    assert.deepEqual(
      records()
        .map((r) => r.fileID)
        .sort(),
      others.map((made) => made.fileID).sort(),
    )
  })
})
