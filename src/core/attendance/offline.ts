// Offline check-in: what the organizer's phone does with no network (check a pass against the roster it keeps,
// queue what it records, show who is in), and how the function merges the records when they arrive. Pure, so the
// phone's queue and the function's rule are tested without either.
import type {
  AttendanceMode,
  OfflineRecord,
  OfflineRosterPerson,
  OfflineRosterResponse,
  OfflineWalkIn,
  SyncConflict,
  SyncRecordResult,
} from './contract'
import { checkPass, holderOf } from './offline-pass'
import { readWalkIn, SYNC_MAX_RECORDS } from './validate'
import { maskPhone } from '@core/privacy/privacy'
import type { SignUp } from '@core/model'
import { chinaClock } from '@core/shared/china-time'

/** 「离线记录 3 条，联网后自动同步」: what the organizer's screen says while records wait. */
export function offlineBanner(pending: number): string {
  return `离线记录 ${pending} 条，联网后自动同步`
}

// ---- the function's rule ----

export type RowState = Pick<SignUp, 'status' | 'checkedInAt' | 'checkedOutAt' | 'hoursConfirmedAt'>

export type Decision =
  /** check in at `at` (from `confirmed` or `no_show`) */
  | { kind: 'check-in'; at: number }
  /** already in, later than `at`: the earliest check-in counts */
  | { kind: 'earlier-check-in'; at: number }
  /** record the check-out at `at` (a conflict when it replaces another phone's different time) */
  | { kind: 'check-out'; at: number; conflict?: string }
  | { kind: 'keep'; outcome: 'unchanged' | 'waiting' | 'refused'; message?: string; conflict?: string }

/** Check-out times within this of each other are the same event (two phones' clocks, one tap each). */
export const SAME_EVENT_MS = 60_000

/**
 * What one offline record does to a row. Order-free: whichever phone syncs first, the row ends with the earliest
 * check-in and the latest check-out, and a differing check-out is reported whichever comes second.
 */
export function decideRecord(
  row: RowState,
  record: Pick<OfflineRecord, 'mode' | 'at'>,
  name: string,
): Decision {
  if (row.status !== 'confirmed' && row.status !== 'attended' && row.status !== 'no_show') {
    return { kind: 'keep', outcome: 'refused', message: '此人没有名额（候补或已取消），不能签到' }
  }
  const checkedIn = row.status === 'attended' ? row.checkedInAt : undefined
  if (record.mode === 'in') {
    if (checkedIn === undefined) return { kind: 'check-in', at: record.at }
    if (checkedIn <= record.at) return { kind: 'keep', outcome: 'unchanged' }
    if (row.hoursConfirmedAt !== undefined) {
      return {
        kind: 'keep',
        outcome: 'unchanged',
        conflict: `${name}：离线记录的签到时间 ${chinaClock(record.at)} 早于已确认时长的签到 ${chinaClock(checkedIn)}，未改动`,
      }
    }
    if (row.checkedOutAt !== undefined && record.at > row.checkedOutAt)
      return { kind: 'keep', outcome: 'unchanged' }
    return { kind: 'earlier-check-in', at: record.at }
  }
  if (checkedIn === undefined) {
    return { kind: 'keep', outcome: 'waiting', message: '此人还没有签到记录，签退暂不计入（签到同步后再试）' }
  }
  if (record.at < checkedIn) {
    return {
      kind: 'keep',
      outcome: 'refused',
      message: '签退时间早于签到时间',
      conflict: `${name}：签退 ${chinaClock(record.at)} 早于签到 ${chinaClock(checkedIn)}，未计入`,
    }
  }
  const out = row.checkedOutAt
  if (out !== undefined && Math.abs(out - record.at) < SAME_EVENT_MS)
    return { kind: 'keep', outcome: 'unchanged' }
  if (row.hoursConfirmedAt !== undefined) {
    return {
      kind: 'keep',
      outcome: 'unchanged',
      conflict: `${name}：时长已确认，签退 ${chinaClock(record.at)} 未计入`,
    }
  }
  if (out === undefined) return { kind: 'check-out', at: record.at }
  const later = Math.max(out, record.at)
  const conflict = `${name}：两次签退时间不同（${chinaClock(Math.min(out, record.at))} 与 ${chinaClock(later)}），已按较晚的 ${chinaClock(later)} 计，请核对时长`
  return record.at > out
    ? { kind: 'check-out', at: record.at, conflict }
    : { kind: 'keep', outcome: 'unchanged', conflict }
}

// ---- the organizer's phone ----

/** The roster as the phone keeps it: what offlineRoster answered, and when (the phone's clock). */
export interface StoredRoster extends OfflineRosterResponse {
  downloadedAt: number
}

/** A record waiting on the phone, with the session it belongs to and the name it was shown with. */
export interface QueuedRecord extends OfflineRecord {
  callId: string
  sessionId: string
  name: string
}

export interface OfflineQueue {
  /** random per phone: record ids are `<deviceId>-<seq>` */
  deviceId: string
  nextSeq: number
  records: QueuedRecord[]
}

export function newQueue(deviceId: string): OfflineQueue {
  return { deviceId, nextSeq: 1, records: [] }
}

/** Someone on the phone's list, and how a tap on them is recorded. */
export interface LocalPerson extends OfflineRosterPerson {
  mark: { signUpId: string } | { pass: string } | { walkIn: OfflineWalkIn }
  /**
   * Not on the kept roster: `late` signed up after it was downloaded (their pass, signed by the function, was
   * scanned: the function finds their sign-up when the records arrive); `walk-in` came without signing up.
   */
  added?: 'late' | 'walk-in'
}

/** How someone whose pass is good but who is not on the kept roster is shown until the records are synced. */
export const LATE_NAME = '名单外志愿者'

export type OfflineMark =
  | { ok: true; queue: OfflineQueue; record: QueuedRecord; person: OfflineRosterPerson }
  | { ok: false; message: string }

/**
 * A volunteer's pass scanned with no network: checked with the roster's public key and window, and queued. A
 * forged pass or one of another session is refused here already. A good pass of someone not on the kept roster
 * (signed up after it was downloaded) is queued too: the pass proves the function gave it to them for this session.
 */
export function scanOffline(
  queue: OfflineQueue,
  roster: StoredRoster,
  scanned: string,
  mode: AttendanceMode,
  at: number,
): OfflineMark {
  const check = checkPass(
    scanned,
    roster.publicKey,
    { callId: roster.callId, sessionId: roster.session.id },
    at,
  )
  if (!check.ok) return { ok: false, message: check.message }
  const holder = holderOf(check.pass.openid)
  const person = roster.people.find((p) => p.holder === holder) ?? latePerson(holder)
  return { ok: true, person, ...enqueue(queue, roster, { mode, at, pass: scanned.trim() }, person.name) }
}

/** The organizer taps 签到 / 签退 on a person of the phone's list (the kept roster and those added since). */
export function markOffline(
  queue: OfflineQueue,
  roster: StoredRoster,
  signUpId: string,
  mode: AttendanceMode,
  at: number,
): OfflineMark {
  const person = localState(roster, queue).find((p) => p.signUpId === signUpId)
  if (!person) return { ok: false, message: '名单里没有此人' }
  const { mark } = person
  if ('pass' in mark) return scanOffline(queue, roster, mark.pass, mode, at)
  return { ok: true, person, ...enqueue(queue, roster, { mode, at, ...mark }, person.name) }
}

/**
 * Someone who came without signing up, added with no network: checked in now, sent as a walk-in (the function
 * records them as addWalkIn does, or checks in the sign-up that has this phone number).
 */
export function addWalkInOffline(
  queue: OfflineQueue,
  roster: StoredRoster,
  input: { name: string; phone: string },
  at: number,
): OfflineMark {
  const walkIn = readWalkIn(input)
  if (typeof walkIn === 'string') return { ok: false, message: walkIn }
  const id = walkInKey(walkIn.phone)
  if (localState(roster, queue).some((p) => p.signUpId === id))
    return { ok: false, message: '这个手机号已登记，请在名单中为其签到或签退' }
  const person = walkInPerson(walkIn)
  return { ok: true, person, ...enqueue(queue, roster, { mode: 'in', at, walkIn }, walkIn.name) }
}

function latePerson(holder: string): LocalPerson {
  return { signUpId: `late-${holder}`, name: LATE_NAME, phone: '', holder, mark: { pass: '' }, added: 'late' }
}

/** The phone's own key for a walk-in it added (never sent: the function keys walk-ins by phone and slot). */
function walkInKey(phone: string): string {
  return `walkin-${phone}`
}

function walkInPerson(walkIn: OfflineWalkIn): LocalPerson {
  return {
    signUpId: walkInKey(walkIn.phone),
    name: walkIn.name,
    phone: maskPhone(walkIn.phone),
    mark: { walkIn },
    added: 'walk-in',
  }
}

function enqueue(
  queue: OfflineQueue,
  roster: StoredRoster,
  record: Omit<OfflineRecord, 'id'>,
  name: string,
): { queue: OfflineQueue; record: QueuedRecord } {
  const queued: QueuedRecord = {
    ...record,
    id: `${queue.deviceId}-${queue.nextSeq}`,
    callId: roster.callId,
    sessionId: roster.session.id,
    name,
  }
  return {
    queue: { ...queue, nextSeq: queue.nextSeq + 1, records: [...queue.records, queued] },
    record: queued,
  }
}

/**
 * Who is in and out as this phone sees it: the roster's state with the phone's own records on top, then the
 * people this phone recorded who are not on the roster (late sign-ups by their pass, walk-ins).
 */
export function localState(roster: StoredRoster, queue: OfflineQueue): LocalPerson[] {
  const mine = queue.records.filter((r) => r.callId === roster.callId && r.sessionId === roster.session.id)
  const people: LocalPerson[] = roster.people.map((p) => ({ ...p, mark: { signUpId: p.signUpId } }))
  const byHolder = new Map(people.filter((p) => p.holder).map((p) => [p.holder, p]))
  const byId = new Map(people.map((p) => [p.signUpId, p]))
  for (const record of mine) {
    let person: LocalPerson | undefined
    if (record.signUpId !== undefined) person = byId.get(record.signUpId)
    else if (record.walkIn !== undefined) {
      person = byId.get(walkInKey(record.walkIn.phone))
      if (!person) {
        person = walkInPerson(record.walkIn)
        people.push(person)
        byId.set(person.signUpId, person)
      }
    } else if (record.pass !== undefined) {
      const holder = passHolder(record.pass)
      person = holder === undefined ? undefined : byHolder.get(holder)
      if (!person && holder !== undefined) {
        person = { ...latePerson(holder), mark: { pass: record.pass } }
        people.push(person)
        byHolder.set(holder, person)
        byId.set(person.signUpId, person)
      }
    }
    if (!person) continue
    if (record.mode === 'in' && (person.checkedInAt === undefined || record.at < person.checkedInAt))
      person.checkedInAt = record.at
    if (record.mode === 'out' && (person.checkedOutAt === undefined || record.at > person.checkedOutAt))
      person.checkedOutAt = record.at
  }
  return people
}

function passHolder(pass: string): string | undefined {
  const openid = pass.split('.')[1]
  return openid ? holderOf(openid) : undefined
}

/** What to send: one request per session, at most SYNC_MAX_RECORDS records each, oldest first. */
export function syncBatches(
  queue: OfflineQueue,
): { callId: string; sessionId: string; records: OfflineRecord[] }[] {
  const batches: { callId: string; sessionId: string; records: OfflineRecord[] }[] = []
  for (const record of queue.records) {
    let batch = batches.find(
      (b) =>
        b.callId === record.callId && b.sessionId === record.sessionId && b.records.length < SYNC_MAX_RECORDS,
    )
    if (!batch) {
      batch = { callId: record.callId, sessionId: record.sessionId, records: [] }
      batches.push(batch)
    }
    const sent: OfflineRecord = { id: record.id, mode: record.mode, at: record.at }
    if (record.signUpId !== undefined) sent.signUpId = record.signUpId
    if (record.pass !== undefined) sent.pass = record.pass
    if (record.walkIn !== undefined) sent.walkIn = record.walkIn
    batch.records.push(sent)
  }
  return batches
}

/** After a sync: every answered record leaves the queue but those `waiting` for a check-in still to come. */
export function afterSync(queue: OfflineQueue, results: readonly SyncRecordResult[]): OfflineQueue {
  const done = new Set(results.filter((r) => r.outcome !== 'waiting').map((r) => r.id))
  return { ...queue, records: queue.records.filter((r) => !done.has(r.id)) }
}

/**
 * The function refused a whole batch for good (the session was cancelled, the call is gone, the organizer left the
 * team): its records can never count. They leave the queue, each told to the organizer by the name it was shown
 * with, rather than being sent again on every sync.
 */
export function afterRefusal(
  queue: OfflineQueue,
  batch: { records: readonly Pick<OfflineRecord, 'id'>[] },
  reason: string,
): { queue: OfflineQueue; conflicts: SyncConflict[] } {
  const refused = new Set(batch.records.map((r) => r.id))
  const conflicts = queue.records
    .filter((r) => refused.has(r.id))
    .map((r) => ({
      recordId: r.id,
      ...(r.signUpId ? { signUpId: r.signUpId } : {}),
      name: r.name,
      message: `${r.name}：${reason}，未计入`,
    }))
  return { queue: { ...queue, records: queue.records.filter((r) => !refused.has(r.id)) }, conflicts }
}

/** The roster to use with no network for a call: the chosen session's, else the one whose window holds now. */
export function rosterForNow(
  rosters: readonly StoredRoster[],
  callId: string,
  sessionId: string,
  now: number,
): StoredRoster | null {
  const mine = rosters.filter((r) => r.callId === callId)
  if (sessionId) return mine.find((r) => r.session.id === sessionId) ?? null
  return mine.find((r) => r.validFrom <= now && now <= r.validUntil) ?? mine[0] ?? null
}
