// Offline check-in on the organizer's phone, kept in Taro storage (WeChat's per-user storage on the phone,
// localStorage in the browser): the downloaded rosters and the queue of what was recorded with no network, sent
// when requests succeed again. The rules are core/attendance/offline.ts; the volunteer's passes: offline-passes.ts.
import Taro from '@tarojs/taro'
import type { AttendanceMode, SyncConflict } from '@core/attendance/contract'
import {
  addWalkInOffline,
  afterRefusal,
  afterSync,
  markOffline,
  newQueue,
  type OfflineMark,
  type OfflineQueue,
  rosterForNow,
  scanOffline,
  type StoredRoster,
  syncBatches,
} from '@core/attendance/offline'
import { callApi, isNetworkFailure } from '@services/cloud/api'
import { forgetPasses } from './offline-passes'

const ROSTERS_KEY = 'jushou.offline-rosters'
const QUEUE_KEY = 'jushou.offline-queue'
/** a roster is kept this long after its session's check-in closes, then dropped */
const ROSTER_KEPT_MS = 2 * 86_400_000

function read<T>(key: string): T | null {
  try {
    return (Taro.getStorageSync(key) as T) || null
  } catch {
    return null
  }
}

function write(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(key, value)
  } catch {
    // storage full or unavailable: the online screens still work
  }
}

// ---- the organizer ----

function storedRosters(): StoredRoster[] {
  const rosters = read<StoredRoster[]>(ROSTERS_KEY)
  return Array.isArray(rosters) ? rosters : []
}

/** Downloads one session's roster and keeps it (replacing that session's older copy). */
export async function downloadRoster(
  callId: string,
  sessionId: string,
): Promise<{ ok: true; roster: StoredRoster } | { ok: false; message: string }> {
  const result = await callApi('offlineRoster', sessionId ? { callId, sessionId } : { callId })
  if (!result.ok) return { ok: false, message: result.message }
  const roster: StoredRoster = { ...result.data, downloadedAt: Date.now() }
  const now = Date.now()
  const kept = storedRosters().filter(
    (r) =>
      !(r.callId === roster.callId && r.session.id === roster.session.id) &&
      r.validUntil + ROSTER_KEPT_MS > now,
  )
  write(ROSTERS_KEY, [...kept, roster])
  return { ok: true, roster }
}

export function rosterFor(callId: string, sessionId: string): StoredRoster | null {
  return rosterForNow(storedRosters(), callId, sessionId, Date.now())
}

export function loadQueue(): OfflineQueue {
  const queue = read<OfflineQueue>(QUEUE_KEY)
  if (queue && typeof queue.deviceId === 'string' && Array.isArray(queue.records)) return queue
  const fresh = newQueue(deviceId())
  write(QUEUE_KEY, fresh)
  return fresh
}

/** Records waiting to be sent (for one call, or all). */
export function pendingCount(callId?: string): number {
  return loadQueue().records.filter((r) => !callId || r.callId === callId).length
}

/** A pass scanned (or pasted) with no network, or a tap on the kept roster: queued on this phone. */
export function recordOffline(
  roster: StoredRoster,
  how: { pass: string } | { signUpId: string },
  mode: AttendanceMode,
): OfflineMark {
  const queue = loadQueue()
  const now = Date.now()
  const mark =
    'pass' in how
      ? scanOffline(queue, roster, how.pass, mode, now)
      : markOffline(queue, roster, how.signUpId, mode, now)
  if (mark.ok) write(QUEUE_KEY, mark.queue)
  return mark
}

/** Someone who came without signing up, added with no network and checked in now: queued on this phone. */
export function recordWalkInOffline(
  roster: StoredRoster,
  person: { name: string; phone: string },
): OfflineMark {
  const mark = addWalkInOffline(loadQueue(), roster, person, Date.now())
  if (mark.ok) write(QUEUE_KEY, mark.queue)
  return mark
}

export interface SyncReport {
  /** records the function answered (they leave the queue, but those waiting for a check-in) */
  sent: number
  conflicts: SyncConflict[]
  /** still no network: nothing more was tried */
  offline: boolean
  /** the function could not take a batch now (busy, an error of its own): its records stay for the next sync */
  error?: string
}

/** Refusals no later sync can change: the batch's records leave the queue, reported as conflicts. */
const FINAL_REFUSALS: ReadonlySet<string> = new Set([
  'CLOSED',
  'CALL_CANCELLED',
  'NOT_FOUND',
  'FORBIDDEN',
  'INVALID_INPUT',
])

/** Sends what waits, a session at a time; stops at the first network failure. */
export async function syncQueue(): Promise<SyncReport> {
  const report: SyncReport = { sent: 0, conflicts: [], offline: false }
  for (const batch of syncBatches(loadQueue())) {
    const result = await callApi('syncCheckIns', batch)
    if (!result.ok) {
      if (isNetworkFailure(result)) return { ...report, offline: true }
      if (FINAL_REFUSALS.has(result.code)) {
        const { queue, conflicts } = afterRefusal(loadQueue(), batch, result.message)
        write(QUEUE_KEY, queue)
        report.conflicts.push(...conflicts)
      } else report.error = result.message
      continue
    }
    // read again: a scan may have been queued while the request was out
    write(QUEUE_KEY, afterSync(loadQueue(), result.data.results))
    report.sent += result.data.results.length
    report.conflicts.push(...result.data.conflicts)
  }
  return report
}

/** 删除我的数据 / 隐私与数据: nothing of check-in stays on the phone but records not yet sent. */
export function forgetOfflineData(): void {
  forgetPasses()
  try {
    Taro.removeStorageSync(ROSTERS_KEY)
  } catch {
    // unavailable storage holds nothing to forget
  }
}

function deviceId(): string {
  let id = ''
  for (let i = 0; i < 10; i++) id += Math.floor(Math.random() * 36).toString(36)
  return id
}
