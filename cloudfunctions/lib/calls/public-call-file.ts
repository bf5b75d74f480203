// A public call's page as a file in cloud storage (src/core/calls/public-file.ts): exactly what an anonymous
// visitor's getCall answers, or the tombstone when that answer is NOT_FOUND (a draft, a call of an NGO that is not
// verified, a call that is gone). Written after every change of what the page shows (the gate, after an organizer's
// action that declares `changesPublicCall`; an NGO's review, ngo-on-calls.ts; an image verdict; the remind run moving
// a call on to its next session), and kept fresh for the places left by getCall's own reads (refreshAfterRead).
// Nothing here ever fails the change that caused it: a file not written is logged, and the next sync fixes it.
import type { CallDetail } from '@core/calls/contract'
import { PUBLIC_CALL_FILE_VERSION, type PublicCallFile, publicCallPath } from '@core/calls/public-file'
import { toCallDetail } from '@core/calls/views'
import type { Call, NgoOnCall } from '@core/model'
import { storeFile } from '@lib/cloud/cloud-files'
import { answersBusy } from '@lib/cloud/quota-retry'
import { findById } from '@lib/cloud/db'
import { asSeenBy } from './visible-call'

/** Writes (each followed by a read of the call) before a sync gives up on a call that keeps changing. */
const ROUNDS = 3
/** getCall rewrites a call's file at most this often per instance (each write costs a read to verify it). */
export const REFRESH_EVERY_MS = 10_000
/** Calls remembered per instance (the oldest goes first), as public-call-cache.ts keeps its copies. */
const MAX_REMEMBERED = 200

/** What this instance last wrote for a call: the file without writtenAt, and when. */
const written = new Map<string, { body: string; at: number }>()

/** The file's content without writtenAt, as one string: two renderings compare equal iff the page is the same. */
type Body = string

/** What the file should say, for the call as an anonymous visitor sees it (null: they see nothing). */
function bodyOf(callId: string, visible: { call: Call; ngo: NgoOnCall } | null, now: number): Body {
  if (!visible) return JSON.stringify({ v: PUBLIC_CALL_FILE_VERSION, callId, removed: true })
  const call: CallDetail = toCallDetail(visible.call, visible.ngo, [], now)
  return JSON.stringify({ v: PUBLIC_CALL_FILE_VERSION, callId, call })
}

/**
 * What the file should say for the call as stored now, read as an anonymous getCall reads it (asSeenBy, the rule
 * findVisibleCall decides with); null for a draft, which never had a file (a call never goes back to draft).
 */
async function currentBody(callId: string, now: number): Promise<Body | null> {
  const call = await findById('calls', callId)
  if (call?.status === 'draft') return null
  return bodyOf(callId, call && (await asSeenBy(call, undefined)), now)
}

async function write(path: string, callId: string, body: Body, now: number): Promise<void> {
  const file = {
    ...(JSON.parse(body) as Omit<PublicCallFile, 'writtenAt'>),
    writtenAt: now,
  } as PublicCallFile
  // the same cloudPath each time: the upload replaces the file (storage keeps no versions)
  await storeFile(path, Buffer.from(JSON.stringify(file)))
  written.delete(callId)
  if (written.size >= MAX_REMEMBERED) written.delete(written.keys().next().value as string)
  written.set(callId, { body, at: now })
}

/**
 * Writes the call's file from the call as stored now, then reads the call again and writes again while what the
 * file should say changed meanwhile (at most ROUNDS writes). Why the second read: two writers race (an organizer's
 * close and a getCall's refresh, an admin's rejection and an edit), and the upload that lands last wins whatever it
 * read. Each writer reads after its own write, so the one that lands last sees the state that any change before it
 * left and writes that: a taken-down call is not left public by a writer that read it before the takedown.
 * `seen`: what the caller has just read itself (getCall), to spare the first read. Throws what storage or the
 * database throws; the callers decide what a failure means (syncPublicCallFileQuietly: nothing).
 */
export async function syncPublicCallFile(callId: string, now: number, seen?: Body): Promise<void> {
  const path = publicCallPath(callId)
  if (!path) return // not a call's id: never a path of its own
  let body = seen ?? (await currentBody(callId, now))
  if (body === null) return // a draft: nothing public to write over, and no file to make for it
  for (let round = 1; ; round++) {
    await write(path, callId, body, now)
    const again = (await currentBody(callId, now)) ?? bodyOf(callId, null, now)
    if (again === body) return
    if (round === ROUNDS) {
      // Rare: the call changed three times during this sync. Each change's own sync writes and verifies too, and
      // getCall's next refresh rewrites whatever is still behind; stopping keeps the invocation's time bounded.
      console.warn(`public file of call ${callId}: still changing after ${ROUNDS} writes`)
      return
    }
    body = again
  }
}

/**
 * The same, for a change already made: a file not written must not fail the organizer's action (the change is
 * stored; the next sync of the call, by an action or by getCall's refresh, writes the file), so it is logged only.
 */
export async function syncPublicCallFileQuietly(callId: string, now: number): Promise<void> {
  try {
    await syncPublicCallFile(callId, now)
  } catch (err) {
    console.warn(`public file of call ${callId} not written:`, err)
  }
}

/**
 * getCall read a visible call afresh from the database (not from the instance's copy): if what the file should say
 * (its places left, mostly: sign-ups do not sync the file) differs from what this instance last wrote, and this
 * instance has not written it in the last REFRESH_EVERY_MS, sync it. No read when nothing changed; one read (the
 * verify) and one upload when it did. Never fails getCall: under the quota (the database refusing) it is skipped
 * silently, anything else is logged.
 */
export async function refreshAfterRead(call: Call, ngo: NgoOnCall, now: number): Promise<void> {
  // only what an anonymous visitor sees; a call they do not see is tombstoned by the change that hid it
  if (call.status === 'draft' || ngo.verified !== true) return
  const body = bodyOf(call._id, { call, ngo }, now)
  const last = written.get(call._id)
  if (last && last.body === body) return
  // a clock moved back (the local cloud's tests) makes the age unknowable: write
  if (last && now >= last.at && now - last.at < REFRESH_EVERY_MS) return
  try {
    await syncPublicCallFile(call._id, now, body)
  } catch (err) {
    if (!answersBusy(err)) console.warn(`public file of call ${call._id} not refreshed:`, err)
  }
}
