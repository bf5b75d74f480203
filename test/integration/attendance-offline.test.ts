// An organizer's offline day, through the real function, SDK and local cloud: before the day two organizers' phones
// download the session's roster and the volunteers fetch their offline passes; then the local cloud refuses every
// request (no signal at the site) while the phones check 20 people in and out (40 records, by pass and by hand,
// with the phones' own logic: core/attendance/offline.ts). Back online, both phones sync and replay their records
// twice more: each person is checked in once at the earliest time, hours follow the NGO's rule, the same person
// checked out on both phones and an out before the in are reported, and a forged pass is refused offline and again
// at sync.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import type {
  OfflinePassesResponse,
  OfflineRosterResponse,
  SyncCheckInsResponse,
  SyncRecordResult,
} from '@core/attendance/contract'
import { DEFAULT_HOURS_RULE, minutesBetween, roundHours } from '@core/attendance/hours'
import {
  addWalkInOffline,
  afterSync,
  localState,
  markOffline,
  newQueue,
  offlineBanner,
  type OfflineQueue,
  scanOffline,
  type StoredRoster,
  syncBatches,
} from '@core/attendance/offline'
import { holderOf, toBase64Url } from '@core/attendance/offline-pass'
import { sessionIdOf } from '@core/attendance/sessions'
import { signUpIdFor } from '@core/calls/slots'
import type { Call, SignUp } from '@core/model'
import { call, HOUR, ngo, ORGANIZER, signUp, volunteer } from './docs'
import { startApi, type ApiHarness } from './harness'

const CO_ORGANIZER = 'oTEST_co_organizer_00000001'
const MINUTE = 60_000
const PEOPLE = 20
const people = Array.from({ length: PEOPLE }, (_, i) => volunteer(i + 1))
/** someone of tomorrow's session: their pass is for another session */
const TOMORROW = volunteer(99)

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())

/** Today's session began 5 h ago and ended an hour ago; tomorrow's is another. */
const start = Date.now() - 5 * HOUR
const sessions = [
  { id: 's1', startAt: start, endAt: start + 4 * HOUR },
  { id: 's2', startAt: start + 24 * HOUR, endAt: start + 28 * HOUR },
]

function seed(): void {
  h.reset()
  const trees: Call = call({
    startAt: sessions[0].startAt,
    endAt: sessions[1].endAt,
    signupDeadline: sessions[0].startAt - HOUR,
    sessions,
    capacity: 2 * 30,
    confirmed: PEOPLE + 1,
  })
  const row = (openid: string, slot: string, n: number): SignUp =>
    signUp('trees', openid, {
      _id: signUpIdFor('trees', openid, slot),
      slot,
      name: `志愿者${n}`,
      phone: `1380013${String(8000 + n)}`,
    })
  h.insert({
    ngos: [ngo({ admins: [ORGANIZER, CO_ORGANIZER] })],
    calls: [trees],
    signups: [...people.map((openid, i) => row(openid, 's1', i + 1)), row(TOMORROW, 's2', 99)],
  })
}

async function setOnline(online: boolean): Promise<void> {
  const res = await fetch(`${h.emu.url}/_emulator/network`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ online }),
  })
  assert.equal(res.status, 200)
}

/** What a phone keeps: the roster and when it came (the phone's clock). */
async function downloadRoster(openid: string): Promise<StoredRoster> {
  const roster = await h.apiOk<OfflineRosterResponse>(
    'offlineRoster',
    { callId: 'trees', sessionId: 's1' },
    openid,
  )
  return { ...roster, downloadedAt: Date.now() }
}

/** One phone's sync: each batch sent, the answered records dropped from its queue. */
async function sync(queue: OfflineQueue, openid: string) {
  const results: SyncRecordResult[] = []
  const conflicts: string[] = []
  let left = queue
  for (const batch of syncBatches(queue)) {
    const answer = await h.apiOk<SyncCheckInsResponse>('syncCheckIns', batch, openid)
    results.push(...answer.results)
    conflicts.push(...answer.conflicts.map((c) => c.message))
    left = afterSync(left, answer.results)
  }
  return { results, conflicts, queue: left }
}

const at = (minutes: number) => start + minutes * MINUTE
const outcomes = (results: SyncRecordResult[]) =>
  results.reduce<Record<string, number>>((n, r) => ({ ...n, [r.outcome]: (n[r.outcome] ?? 0) + 1 }), {})

test('an offline day: 40 records on two phones, synced and replayed twice', async () => {
  seed()
  // ---- before the day, online ----
  const rosterA = await downloadRoster(ORGANIZER)
  const rosterB = await downloadRoster(CO_ORGANIZER)
  assert.equal(rosterA.people.length, PEOPLE, 'only the session’s people')
  assert.ok(
    rosterA.people.every((p) => /^1\d{2}\*{4}\d{4}$/.test(p.phone)),
    'masked phones',
  )
  assert.ok(!JSON.stringify(rosterA).includes('answers'), 'no answers')
  assert.equal(rosterA.people[0].holder, holderOf(people[0]))
  const refused = await h.api('offlineRoster', { callId: 'trees', sessionId: 's1' }, people[0])
  assert.equal(!refused.ok && refused.code, 'FORBIDDEN', 'a volunteer gets no roster')

  const passes = new Map<string, string>()
  for (const openid of [...people, TOMORROW]) {
    const { passes: mine } = await h.apiOk<OfflinePassesResponse>('offlinePasses', {}, openid)
    assert.equal(mine.length, 1, `${openid}: one session, one pass`)
    passes.set(openid, mine[0].code)
  }
  assert.equal(
    (await h.apiOk<OfflinePassesResponse>('offlinePasses', {}, volunteer(500))).passes.length,
    0,
    'no seat, no pass',
  )

  // ---- at the site: no signal ----
  await setOnline(false)
  await assert.rejects(
    () => h.api('attendance', { callId: 'trees' }, ORGANIZER),
    'the local cloud refuses requests',
  )
  let phoneA = newQueue('phoneA')
  let phoneB = newQueue('phoneB')
  const scan = (phone: 'A' | 'B', openid: string, mode: 'in' | 'out', minutes: number) => {
    const result =
      phone === 'A'
        ? scanOffline(phoneA, rosterA, passes.get(openid) ?? '', mode, at(minutes))
        : scanOffline(phoneB, rosterB, passes.get(openid) ?? '', mode, at(minutes))
    assert.ok(result.ok, `${phone} scans ${openid}: ${JSON.stringify(result)}`)
    if (phone === 'A') phoneA = result.queue
    else phoneB = result.queue
  }
  const byHand = (phone: 'A' | 'B', n: number, mode: 'in' | 'out', minutes: number) => {
    const roster = phone === 'A' ? rosterA : rosterB
    const signUpId = signUpIdFor('trees', people[n], 's1')
    const result = markOffline(phone === 'A' ? phoneA : phoneB, roster, signUpId, mode, at(minutes))
    assert.ok(result.ok)
    if (phone === 'A') phoneA = result.queue
    else phoneB = result.queue
  }
  // Phone A checks everyone in at the gate (15 by their passes, 5 by hand: their phones are flat) and the first
  // ten out; phone B checks the other ten out at the far end of the site.
  for (let n = 0; n < PEOPLE; n++) {
    if (n < 15) scan('A', people[n], 'in', 10 + n)
    else byHand('A', n, 'in', 10 + n)
  }
  for (let n = 0; n < 10; n++) scan('A', people[n], 'out', 200 + 3 * n)
  for (let n = 10; n < PEOPLE; n++) scan('B', people[n], 'out', 180 + n)
  assert.equal(phoneA.records.length + phoneB.records.length, 40)
  // Copies and mistakes: B also checked in person 1 later (the earliest counts), checked out person 5 at another
  // time than A did (a conflict), person 6 the same minute as A (no conflict), and person 7 before A checked them in.
  scan('B', people[0], 'in', 30)
  scan('B', people[4], 'out', 230)
  scan('B', people[5], 'out', 215)
  scan('B', people[6], 'out', 5)

  // A forged pass and one for tomorrow are refused on the phone already.
  const genuine = passes.get(people[0]) ?? ''
  const forged = genuine.replace(/\.[^.]+$/, '.' + toBase64Url(new Uint8Array(64).fill(7)))
  const forgedScan = scanOffline(phoneA, rosterA, forged, 'in', at(40))
  assert.equal(forgedScan.ok, false)
  assert.match(!forgedScan.ok ? forgedScan.message : '', /签到码无效/)
  const changed = genuine.replace(people[0], people[1])
  assert.equal(scanOffline(phoneA, rosterA, changed, 'in', at(40)).ok, false, 'another person’s openid')
  const tomorrow = scanOffline(phoneA, rosterA, passes.get(TOMORROW) ?? '', 'in', at(40))
  assert.match(!tomorrow.ok ? tomorrow.message : '', /其他活动或其他场次/)
  assert.equal(offlineBanner(phoneA.records.length), '离线记录 30 条，联网后自动同步')
  assert.equal(phoneB.records.length, 14)
  const originalA = phoneA.records
  const originalB = phoneB.records

  // ---- back online ----
  await setOnline(true)
  // B syncs first: its check-outs of people A checked in wait for A's records
  const b1 = await sync(phoneB, CO_ORGANIZER)
  assert.deepEqual(outcomes(b1.results), { applied: 1, waiting: 13 }, JSON.stringify(b1.results))
  assert.equal(b1.queue.records.length, 13, 'B keeps what waits')
  // a tampered phone sends the forged pass anyway: refused at sync too
  const a1 = await sync(
    { ...phoneA, records: [...phoneA.records, { ...phoneA.records[0], id: 'phoneA-999', pass: forged }] },
    ORGANIZER,
  )
  assert.deepEqual(outcomes(a1.results), { applied: 30, refused: 1 }, JSON.stringify(a1.results))
  assert.ok(
    a1.conflicts.some((c) => /签到码无效/.test(c)),
    a1.conflicts.join('\n'),
  )
  phoneA = a1.queue
  assert.equal(phoneA.records.length, 0, 'A is done')

  const b2 = await sync(b1.queue, CO_ORGANIZER)
  assert.deepEqual(
    outcomes(b2.results),
    { applied: 11, unchanged: 1, refused: 1 },
    JSON.stringify(b2.results),
  )
  assert.ok(
    b2.conflicts.some((c) => c.startsWith('志愿者5：两次签退时间不同')),
    b2.conflicts.join('\n'),
  )
  assert.ok(
    b2.conflicts.some((c) => c.startsWith('志愿者7：签退') && c.includes('早于签到')),
    b2.conflicts.join('\n'),
  )
  assert.equal(b2.conflicts.length, 2, b2.conflicts.join('\n'))
  assert.equal(b2.queue.records.length, 0)

  // ---- the state: each person checked in once, hours by the rule ----
  const expected = (n: number) => {
    const inAt = at(10 + n)
    const outs = [n < 10 ? at(200 + 3 * n) : at(180 + n)]
    if (n === 4) outs.push(at(230))
    const outAt = Math.max(...outs)
    return { inAt, outAt, hours: roundHours(minutesBetween(inAt, outAt), DEFAULT_HOURS_RULE) }
  }
  const check = () => {
    const rows = h.signUpsOf('trees').filter((s) => s.slot === 's1')
    assert.equal(rows.length, PEOPLE)
    for (let n = 0; n < PEOPLE; n++) {
      const row = rows.find((s) => s.openid === people[n])
      const want = expected(n)
      assert.equal(row?.status, 'attended', `person ${n + 1}`)
      assert.equal(row?.checkedInAt, want.inAt, `person ${n + 1} in at the earliest`)
      assert.equal(row?.checkedOutAt, want.outAt, `person ${n + 1} out`)
      assert.equal(row?.hours, want.hours, `person ${n + 1} hours`)
    }
    assert.equal(h.signUp(signUpIdFor('trees', TOMORROW, 's2'))?.status, 'confirmed', 'tomorrow untouched')
  }
  check()
  assert.deepEqual([expected(0).hours, expected(4).hours], [3, 3.5])
  const signups = JSON.stringify(h.signUpsOf('trees'))

  // ---- both phones replay everything twice (their answers were lost): nothing changes ----
  for (let round = 0; round < 2; round++) {
    for (const [queue, openid] of [
      [{ ...newQueue('phoneB'), records: originalB }, CO_ORGANIZER],
      [{ ...newQueue('phoneA'), records: originalA }, ORGANIZER],
    ] as const) {
      const replay = await sync(queue, openid)
      const counts = outcomes(replay.results)
      assert.equal(counts.applied ?? 0, 0, JSON.stringify(replay.results))
      assert.equal(counts.waiting ?? 0, 0)
      assert.deepEqual(replay.conflicts, [], 'a replay reports nothing again')
    }
    assert.equal(JSON.stringify(h.signUpsOf('trees')), signups, 'the sign-ups are as after the first sync')
  }
  check()

  // the organizer's screen agrees
  const list = await h.apiOk<{ counts: { checkedIn: number; checkedOut: number } }>(
    'attendance',
    { callId: 'trees', sessionId: 's1' },
    ORGANIZER,
  )
  assert.deepEqual({ in: list.counts.checkedIn, out: list.counts.checkedOut }, { in: PEOPLE, out: PEOPLE })
})

test("an offline pass scanned while the organizer is online checks its holder in; a forged or another session's is refused", async () => {
  seed()
  const pass = async (openid: string) =>
    (await h.apiOk<OfflinePassesResponse>('offlinePasses', {}, openid)).passes[0].code
  const mine = await pass(people[2])
  const before = h.snapshot()
  const forged = mine.replace(/\.[^.]+$/, '.' + toBase64Url(new Uint8Array(64).fill(9)))
  const bad = await h.api(
    'markAttendance',
    { callId: 'trees', sessionId: 's1', mode: 'in', personalCode: forged },
    ORGANIZER,
  )
  assert.equal(!bad.ok && bad.code, 'CODE_INVALID')
  const other = await h.api(
    'markAttendance',
    { callId: 'trees', sessionId: 's1', mode: 'in', personalCode: await pass(TOMORROW) },
    ORGANIZER,
  )
  assert.equal(!other.ok && other.code, 'CODE_INVALID')
  assert.equal(h.snapshot(), before, 'nothing changed')
  await h.apiOk(
    'markAttendance',
    { callId: 'trees', sessionId: 's1', mode: 'in', personalCode: mine },
    ORGANIZER,
  )
  assert.equal(h.signUp(signUpIdFor('trees', people[2], 's1'))?.status, 'attended')
})

test('a sync refuses, reports and changes nothing for someone without a seat, an unknown row, a time in the future or outside the session, and a batch too big', async () => {
  seed()
  const waitlisted = signUp('trees', volunteer(60), {
    _id: signUpIdFor('trees', volunteer(60), 's1'),
    slot: 's1',
    name: '候补的人',
    status: 'waitlisted',
  })
  h.insert({ signups: [waitlisted] })
  const before = h.snapshot()
  const mine = signUpIdFor('trees', people[0], 's1')
  const records = [
    { id: 'phoneC-1', mode: 'in', at: at(10), signUpId: waitlisted._id },
    { id: 'phoneC-2', mode: 'in', at: at(10), signUpId: signUpIdFor('trees', volunteer(77), 's1') },
    { id: 'phoneC-3', mode: 'in', at: Date.now() + 60 * MINUTE, signUpId: mine },
    { id: 'phoneC-4', mode: 'in', at: start - 3 * HOUR, signUpId: mine },
    { id: 'phoneC-5', mode: 'in', at: at(10), signUpId: signUpIdFor('trees', TOMORROW, 's2') },
  ]
  const answer = await h.apiOk<SyncCheckInsResponse>(
    'syncCheckIns',
    { callId: 'trees', sessionId: 's1', records },
    ORGANIZER,
  )
  assert.deepEqual(
    answer.results.map((r) => r.outcome),
    ['refused', 'refused', 'refused', 'refused', 'refused'],
  )
  assert.equal(answer.conflicts.length, 5, JSON.stringify(answer.conflicts))
  assert.match(
    answer.conflicts.find((c) => c.recordId === 'phoneC-1')?.message ?? '',
    /^候补的人：.*没有名额/,
  )
  const tooMany = Array.from({ length: 101 }, (_, i) => ({ ...records[0], id: `phoneC-x${i}` }))
  const refused = await h.api(
    'syncCheckIns',
    { callId: 'trees', sessionId: 's1', records: tooMany },
    ORGANIZER,
  )
  assert.equal(!refused.ok && refused.code, 'INVALID_INPUT')
  assert.equal(h.snapshot(), before, 'nothing changed, not even a kept record id')
})

test('with no network: a pass of someone who signed up after the download, and walk-ins, sync once from two phones', async () => {
  seed()
  const rosterA = await downloadRoster(ORGANIZER)
  const rosterB = await downloadRoster(CO_ORGANIZER)
  // a seat taken after both phones downloaded the roster: its pass is good, its holder not on the phones
  const late = volunteer(50)
  h.insert({
    signups: [
      signUp('trees', late, {
        _id: signUpIdFor('trees', late, 's1'),
        slot: 's1',
        name: '晚报名',
        phone: '13800139050',
      }),
    ],
  })
  const { passes } = await h.apiOk<OfflinePassesResponse>('offlinePasses', {}, late)
  await setOnline(false)

  let phoneA = newQueue('phoneA')
  let phoneB = newQueue('phoneB')
  const step = (mark: ReturnType<typeof scanOffline>): OfflineQueue => {
    assert.ok(mark.ok, mark.ok ? '' : mark.message)
    return mark.queue
  }
  phoneA = step(scanOffline(phoneA, rosterA, passes[0].code, 'in', at(10)))
  phoneA = step(addWalkInOffline(phoneA, rosterA, { name: '王芳', phone: '13700137000' }, at(12)))
  // the second phone met the same walk-in a minute later, and someone with a seat it took for a walk-in
  phoneB = step(addWalkInOffline(phoneB, rosterB, { name: '王芳', phone: '13700137000' }, at(13)))
  phoneB = step(addWalkInOffline(phoneB, rosterB, { name: '志愿者3', phone: '13800138003' }, at(14)))
  phoneB = step(addWalkInOffline(phoneB, rosterB, { name: '代开发票', phone: '13700137009' }, at(15)))
  const walkIn = localState(rosterA, phoneA).find((p) => p.added === 'walk-in')
  const latePerson = localState(rosterA, phoneA).find((p) => p.added === 'late')
  assert.ok(walkIn && latePerson)
  phoneA = step(markOffline(phoneA, rosterA, walkIn.signUpId, 'out', at(12 + 180)))
  phoneA = step(markOffline(phoneA, rosterA, latePerson.signUpId, 'out', at(10 + 120)))

  await setOnline(true)
  const first = await sync(phoneA, ORGANIZER)
  assert.deepEqual(outcomes(first.results), { applied: 4 })
  assert.equal(first.queue.records.length, 0)
  const second = await sync(phoneB, CO_ORGANIZER)
  assert.deepEqual(outcomes(second.results), { unchanged: 1, applied: 1, refused: 1 })
  assert.deepEqual(second.conflicts, ['代开发票（现场报名）：姓名未通过内容安全检查，未计入'])
  // both phones' records again: nothing changes
  assert.deepEqual(outcomes((await sync(phoneA, ORGANIZER)).results), { duplicate: 4 })
  assert.deepEqual(outcomes((await sync(phoneB, CO_ORGANIZER)).results), { duplicate: 2, refused: 1 })

  const rows = h.signUpsOf('trees')
  const lateRow = rows.find((r) => r.openid === late)
  assert.equal(lateRow?.status, 'attended')
  assert.equal(lateRow?.checkedInAt, at(10))
  assert.equal(lateRow?.hours, roundHours(120, DEFAULT_HOURS_RULE))
  const walkIns = rows.filter((r) => r.walkIn === true)
  assert.equal(walkIns.length, 1, 'one walk-in for one phone number, from two phones')
  assert.equal(walkIns[0].name, '王芳')
  assert.equal(sessionIdOf(walkIns[0]), 's1')
  assert.equal(walkIns[0].checkedInAt, at(12), 'the earliest check-in')
  assert.equal(walkIns[0].hours, roundHours(180, DEFAULT_HOURS_RULE))
  const third = rows.find((r) => r.phone === '13800138003')
  assert.equal(
    third?.status,
    'attended',
    'a seat holder taken for a walk-in: their own sign-up is checked in',
  )
  assert.equal(third?.checkedInAt, at(14))
  assert.ok(!rows.some((r) => r.name === '代开发票'))
})
