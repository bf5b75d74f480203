// A public call's page as a file in cloud storage, which WeChat Cloud's CDN serves to anyone: a call shared into big
// group chats opens without a function instance or a database read per visitor (the function's 20 instances and the
// database's 30 requests a second are what a viral call runs out of). The functions write it whenever the call
// changes; the page shows it while it asks the function for the visitor's own part, and the function's answer,
// when it comes, is the one that counts.
// It holds what an anonymous visitor's getCall answers, nothing more: no one's sign-up, no phone, no openid.
import type { CallDetail } from './contract'
import { looksLikeId } from '@core/shared/validation'

/** Where a call's public file lives in storage (a folder every user may read). */
export const PUBLIC_CALLS_FOLDER = 'public/calls/'

/** The file's format; a reader that meets another version ignores the file (and the page asks the function). */
export const PUBLIC_CALL_FILE_VERSION = 1

export type PublicCallFile =
  | { v: typeof PUBLIC_CALL_FILE_VERSION; callId: string; writtenAt: number; call: CallDetail }
  /**
   * The call is not public any more (taken down, back to its organizers, its NGO no longer verified). Written over
   * the page rather than deleting it: the same path is overwritten the same way, whatever a CDN still holds.
   */
  | { v: typeof PUBLIC_CALL_FILE_VERSION; callId: string; writtenAt: number; removed: true }

/**
 * A CDN keeps a file it served for a while, though a call's file is written over in place: the address a page reads
 * it at changes every PUBLIC_FILE_FRESH_MS, so the page is at most that much older than the file (the function's
 * answer, which follows, is the one that counts) and each CDN node asks the storage for it at most once in that time.
 */
export const PUBLIC_FILE_FRESH_MS = 10_000

/** The storage path of a call's public file; null for anything that is not a call's id (never a path of its own). */
export function publicCallPath(callId: string): string | null {
  return looksLikeId(callId) ? `${PUBLIC_CALLS_FOLDER}${callId}.json` : null
}

/** Where a page reads a call's public file at `now`, `base` being the storage's public address; null: nowhere. */
export function publicCallUrl(base: string, callId: string, now: number): string | null {
  const path = publicCallPath(callId)
  return base && path ? `${base}/${path}?v=${Math.floor(now / PUBLIC_FILE_FRESH_MS)}` : null
}

/**
 * The call a fetched file shows, or null when it shows none: not a file of this format, of another call, or the call
 * is no longer public. Never throws: the file comes over the network.
 */
export function callFromPublicFile(body: unknown, callId: string): CallDetail | null {
  if (typeof body !== 'object' || body === null) return null
  const file = body as Partial<Record<string, unknown>>
  if (file.v !== PUBLIC_CALL_FILE_VERSION || file.callId !== callId || 'removed' in file) return null
  const call = file.call as Partial<CallDetail> | undefined
  if (typeof call !== 'object' || call === null || call._id !== callId) return null
  if (typeof call.title !== 'string' || !Array.isArray(call.slots) || !Array.isArray(call.sessions))
    return null
  return call as CallDetail
}

/**
 * The call as it stands at `now`: the file was written earlier, and since then time may have closed the sign-up (its
 * deadline passed) or a slot (its session started). Time only closes: opening anything is an edit, which rewrites
 * the file.
 */
export function callAsOf(call: CallDetail, now: number): CallDetail {
  const startOf = new Map(call.sessions.map((session) => [session.id, session.startAt]))
  // as rules.ts counts it: a cancelled session takes no sign-up
  const starts = call.sessions.filter((session) => !session.cancelled).map((session) => session.startAt)
  const lastStart = starts.length ? Math.max(...starts) : call.startAt
  const signupOpen = call.signupOpen && now < call.signupDeadline && now < lastStart
  return {
    ...call,
    signupOpen,
    slots: call.slots.map((slot) => ({
      ...slot,
      open: slot.open && signupOpen && now < (startOf.get(slot.sessionId) ?? call.startAt),
    })),
  }
}
