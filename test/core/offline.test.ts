// The offline merge rule (what one record does to a row, whichever phone syncs first) and the organizer's phone
// queue: ids per phone, the local view, batches, and what stays after a sync.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import type { OfflineRecord } from '@core/attendance/contract'
import {
  addWalkInOffline,
  afterRefusal,
  afterSync,
  decideRecord,
  LATE_NAME,
  localState,
  markOffline,
  newQueue,
  offlineBanner,
  type RowState,
  scanOffline,
  type StoredRoster,
  syncBatches,
} from '@core/attendance/offline'
import { formatPass, holderOf, passMessage } from '@core/attendance/offline-pass'
import { passesForNow } from '@core/attendance/pass-choice'
import { SYNC_MAX_RECORDS, validateSyncCheckIns } from '@core/attendance/validate'
import { passPublicKey, signPass } from '@lib/cloud/pass-key'

process.env.JUSHOU_PASS_KEY = randomBytes(32).toString('base64url')
const MINUTE = 60_000
const T = 1_800_000_000_000
const OPENID = 'oTEST_volunteer_000000000001'

const confirmed: RowState = { status: 'confirmed' }
const inAt = (minutes: number): RowState => ({ status: 'attended', checkedInAt: T + minutes * MINUTE })
const rec = (mode: 'in' | 'out', minutes: number) => ({ mode, at: T + minutes * MINUTE })

test('a check-in: the first counts, an earlier one replaces a later one, a later one changes nothing', () => {
  assert.deepEqual(decideRecord(confirmed, rec('in', 5), '小林'), { kind: 'check-in', at: T + 5 * MINUTE })
  assert.deepEqual(decideRecord({ status: 'no_show' }, rec('in', 5), '小林').kind, 'check-in')
  assert.deepEqual(decideRecord(inAt(10), rec('in', 5), '小林'), {
    kind: 'earlier-check-in',
    at: T + 5 * MINUTE,
  })
  assert.deepEqual(decideRecord(inAt(10), rec('in', 20), '小林'), { kind: 'keep', outcome: 'unchanged' })
  const confirmedHours = { ...inAt(10), checkedOutAt: T + 100 * MINUTE, hoursConfirmedAt: T }
  const kept = decideRecord(confirmedHours, rec('in', 5), '小林')
  assert.equal(kept.kind === 'keep' && kept.outcome, 'unchanged')
  assert.match(kept.kind === 'keep' ? (kept.conflict ?? '') : '', /^小林：.*已确认/)
  for (const status of ['waitlisted', 'cancelled'] as const) {
    assert.equal(decideRecord({ status }, rec('in', 5), '小林').kind === 'keep', true)
  }
})

test('a check-out: waits for a check-in, is refused before it, and two different times are a conflict', () => {
  const waiting = decideRecord(confirmed, rec('out', 100), '小林')
  assert.equal(waiting.kind === 'keep' && waiting.outcome, 'waiting')
  const early = decideRecord(inAt(10), rec('out', 5), '小林')
  assert.equal(early.kind === 'keep' && early.outcome, 'refused')
  assert.match(early.kind === 'keep' ? (early.conflict ?? '') : '', /签退 .* 早于签到/)
  assert.deepEqual(decideRecord(inAt(10), rec('out', 100), '小林'), {
    kind: 'check-out',
    at: T + 100 * MINUTE,
  })
  const out = { ...inAt(10), checkedOutAt: T + 100 * MINUTE }
  assert.deepEqual(decideRecord(out, { mode: 'out', at: T + 100 * MINUTE + 30_000 }, '小林'), {
    kind: 'keep',
    outcome: 'unchanged',
  })
  const later = decideRecord(out, rec('out', 130), '小林')
  assert.equal(later.kind, 'check-out', 'the later check-out counts')
  assert.match(later.kind === 'check-out' ? (later.conflict ?? '') : '', /两次签退时间不同/)
  const earlier = decideRecord({ ...out, checkedOutAt: T + 130 * MINUTE }, rec('out', 100), '小林')
  assert.equal(earlier.kind === 'keep' && earlier.outcome, 'unchanged')
  assert.equal(
    earlier.kind === 'keep' && earlier.conflict,
    later.kind === 'check-out' && later.conflict,
    'either order',
  )
})

function roster(): StoredRoster {
  return {
    callId: 'trees',
    callTitle: '植树',
    session: { id: 's1', label: '', startAt: T, endAt: T + 240 * MINUTE, cancelled: false },
    publicKey: passPublicKey(),
    validFrom: T - 120 * MINUTE,
    validUntil: T + 600 * MINUTE,
    people: [
      { signUpId: `trees_${OPENID}`, name: '小林', phone: '138****0001', holder: holderOf(OPENID) },
      { signUpId: 'trees_walkin_13900139000', name: '路人', phone: '139****9000' },
    ],
    now: T - 86_400_000,
    downloadedAt: T - 86_400_000,
  }
}

function pass(sessionId = 's1', openid = OPENID): string {
  const subject = {
    openid,
    callId: 'trees',
    sessionId,
    validFrom: T - 120 * MINUTE,
    validUntil: T + 600 * MINUTE,
  }
  return formatPass({ ...subject, signature: signPass(passMessage(subject)) })
}

test('the phone queues a scanned pass and a tap with ids of its own, and shows who is in', () => {
  let queue = newQueue('dev1')
  const scanned = scanOffline(queue, roster(), pass(), 'in', T + 5 * MINUTE)
  assert.ok(scanned.ok)
  queue = scanned.queue
  assert.equal(scanned.record.id, 'dev1-1')
  assert.equal(scanned.person.name, '小林')
  const tapped = markOffline(queue, roster(), 'trees_walkin_13900139000', 'in', T + 6 * MINUTE)
  assert.ok(tapped.ok)
  queue = tapped.queue
  assert.equal(tapped.record.id, 'dev1-2')
  const out = scanOffline(queue, roster(), pass(), 'out', T + 200 * MINUTE)
  assert.ok(out.ok)
  queue = out.queue
  assert.equal(offlineBanner(queue.records.length), '离线记录 3 条，联网后自动同步')
  const view = localState(roster(), queue)
  assert.deepEqual(
    view.map((p) => [p.checkedInAt, p.checkedOutAt]),
    [
      [T + 5 * MINUTE, T + 200 * MINUTE],
      [T + 6 * MINUTE, undefined],
    ],
  )
  assert.equal(scanOffline(queue, roster(), pass('s2'), 'in', T).ok, false, "another session's pass")
  assert.equal(markOffline(queue, roster(), 'trees_nobody', 'in', T).ok, false)
})

test('a good pass of someone who signed up after the download is queued and listed; a forged one is not', () => {
  const LATE = 'oTEST_volunteer_000000000077'
  let queue = newQueue('dev1')
  const scanned = scanOffline(queue, roster(), pass('s1', LATE), 'in', T + 5 * MINUTE)
  assert.ok(scanned.ok)
  queue = scanned.queue
  assert.equal(scanned.person.name, LATE_NAME)
  const late = localState(roster(), queue).find((p) => p.added === 'late')
  assert.ok(late, 'listed after the roster')
  assert.equal(late.checkedInAt, T + 5 * MINUTE)
  // checked out by a tap on the list: sent with their pass again, so the function can find them
  const out = markOffline(queue, roster(), late.signUpId, 'out', T + 200 * MINUTE)
  assert.ok(out.ok)
  assert.equal(out.record.pass, pass('s1', LATE))
  assert.equal(
    localState(roster(), out.queue).find((p) => p.added === 'late')?.checkedOutAt,
    T + 200 * MINUTE,
  )
  assert.equal(localState(roster(), out.queue).length, 3, 'one late person, listed once')
  // one character of the signature changed (not the last: its low bits are padding)
  const good = pass('s1', LATE)
  const at = good.length - 10
  const forged = good.slice(0, at) + (good[at] === 'A' ? 'B' : 'A') + good.slice(at + 1)
  assert.equal(scanOffline(queue, roster(), forged, 'in', T).ok, false)
})

test('a walk-in added with no network: checked in, listed with a masked phone, sent as a walk-in', () => {
  let queue = newQueue('dev1')
  const added = addWalkInOffline(queue, roster(), { name: ' 王芳 ', phone: '137 0013 7000' }, T + 7 * MINUTE)
  assert.ok(added.ok)
  queue = added.queue
  assert.deepEqual(added.record.walkIn, { name: '王芳', phone: '13700137000' })
  assert.equal(added.record.mode, 'in')
  const listed = localState(roster(), queue).find((p) => p.added === 'walk-in')
  assert.equal(listed?.phone, '137****7000')
  assert.equal(listed?.checkedInAt, T + 7 * MINUTE)
  const out = markOffline(queue, roster(), listed?.signUpId ?? '', 'out', T + 100 * MINUTE)
  assert.ok(out.ok)
  assert.deepEqual(out.record.walkIn, { name: '王芳', phone: '13700137000' })
  assert.deepEqual(
    syncBatches(out.queue)[0].records.map((r) => [r.mode, r.walkIn?.phone]),
    [
      ['in', '13700137000'],
      ['out', '13700137000'],
    ],
  )
  // the same phone again, and bad input: refused, nothing queued
  for (const bad of [
    { name: '王芳', phone: '13700137000' },
    { name: '', phone: '13700137001' },
    { name: '123', phone: '13700137001' },
    { name: '李雷', phone: '1370013' },
  ]) {
    const refused = addWalkInOffline(out.queue, roster(), bad, T + 8 * MINUTE)
    assert.equal(refused.ok, false, JSON.stringify(bad))
    assert.ok(!refused.ok && refused.message.length > 0)
  }
  // the function takes the same record, and refuses one that is two things at once
  const sent = syncBatches(out.queue)[0]
  assert.equal(validateSyncCheckIns(sent).ok, true)
  const both = { ...sent, records: [{ ...sent.records[0], signUpId: `trees_${OPENID}` }] }
  assert.equal(validateSyncCheckIns(both).ok, false)
  const badPhone = { ...sent, records: [{ ...sent.records[0], walkIn: { name: '王芳', phone: '12' } }] }
  assert.equal(validateSyncCheckIns(badPhone).ok, false)
})

test('batches are per session and bounded, carry no names, and a sync keeps only what waits', () => {
  let queue = newQueue('dev1')
  for (let i = 0; i < SYNC_MAX_RECORDS + 5; i++) {
    const mark = markOffline(queue, roster(), `trees_${OPENID}`, i % 2 ? 'out' : 'in', T + i * MINUTE)
    assert.ok(mark.ok)
    queue = mark.queue
  }
  const batches = syncBatches(queue)
  assert.deepEqual(
    batches.map((b) => b.records.length),
    [SYNC_MAX_RECORDS, 5],
  )
  for (const batch of batches) assert.ok(validateSyncCheckIns(batch).ok, 'what the phone sends is valid')
  assert.ok(!('name' in batches[0].records[0]))
  const left = afterSync(queue, [
    { id: 'dev1-1', outcome: 'applied' },
    { id: 'dev1-2', outcome: 'waiting' },
    { id: 'dev1-3', outcome: 'refused' },
  ])
  assert.deepEqual(
    left.records.slice(0, 2).map((r) => r.id),
    ['dev1-2', 'dev1-4'],
  )
})

test('a batch refused for good leaves the queue, each record told to the organizer by name', () => {
  let queue = newQueue('dev1')
  for (const [i, mode] of (['in', 'out'] as const).entries()) {
    const mark = markOffline(queue, roster(), `trees_${OPENID}`, mode, T + i * MINUTE)
    assert.ok(mark.ok)
    queue = mark.queue
  }
  const [batch] = syncBatches(queue)
  const { queue: left, conflicts } = afterRefusal(
    queue,
    { records: batch.records.slice(0, 1) },
    '这一场已取消',
  )
  assert.deepEqual(
    left.records.map((r) => r.id),
    ['dev1-2'],
  )
  assert.equal(conflicts.length, 1)
  assert.equal(conflicts[0].recordId, 'dev1-1')
  assert.match(conflicts[0].message, /：这一场已取消，未计入$/)
  assert.ok(conflicts[0].name)
})

test('a sync request is validated: size, ids, times, one of signUpId or pass', () => {
  const good: OfflineRecord = { id: 'dev1-1', mode: 'in', at: T, signUpId: `trees_${OPENID}` }
  const body = (records: unknown) => ({ callId: 'trees', sessionId: 's1', records })
  assert.ok(validateSyncCheckIns(body([good])).ok)
  const bad = [
    [],
    Array.from({ length: SYNC_MAX_RECORDS + 1 }, (_, i) => ({ ...good, id: `dev1-${i}` })),
    [good, good],
    [{ ...good, id: 'a b' }],
    [{ ...good, at: -1 }],
    [{ ...good, mode: 'sideways' }],
    [{ ...good, pass: 'q.x' }],
    [{ id: 'dev1-1', mode: 'in', at: T }],
    [{ ...good, signUpId: undefined, pass: 'x'.repeat(400) }],
    'records',
  ]
  for (const records of bad)
    assert.equal(validateSyncCheckIns(body(records)).ok, false, JSON.stringify(records).slice(0, 80))
  assert.equal(
    validateSyncCheckIns({ callId: 'trees', records: [good] }).ok,
    false,
    'the session is required',
  )
})

test('我的签到码 offers the passes good now first, then the coming ones, and drops those that are over', () => {
  const pass = (id: string, startHours: number) => ({
    id,
    startAt: T + startHours * 60 * MINUTE,
    validFrom: T + (startHours - 2) * 60 * MINUTE,
    validUntil: T + (startHours + 10) * 60 * MINUTE,
  })
  const passes = [pass('tomorrow', 24), pass('over', -20), pass('later today', 1), pass('now', 0)]
  assert.deepEqual(
    passesForNow(passes, T).map((p) => p.id),
    ['now', 'later today', 'tomorrow'],
  )
  assert.deepEqual(passesForNow([], T), [])
})
