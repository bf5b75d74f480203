// A public call as its shared page shows it, kept for a few seconds inside one warm instance of the function (module
// scope lives as long as the instance on WeChat Cloud, and each instance has its own), so a call shared into big
// group chats is not read from the environment's database once for every person who opens it.
// Only what every visitor sees alike is kept: the document of a published call of a verified NGO, which holds
// nothing about any one visitor. Drafts and calls of unverified NGOs (seen by their organizers only) are always
// read afresh, and what depends on the visitor (their own sign-up) is read by the action each time.
// Its counters (the places left) may be up to TTL_MS old; a sign-up reads the call itself and stays authoritative.
// When the database refuses the read (past the quota), an older copy still serves the page (REFUSED_COPY_MS).
import type { Call } from '@core/model'
import { answersBusy } from '@lib/cloud/quota-retry'
import { findById } from '@lib/cloud/db'

/** How stale a shared page may be: an edit, a close or the places left show on every instance within this. */
export const PUBLIC_CALL_TTL_MS = 3_000
/**
 * How old a copy may still serve the page when the database refuses to read the call afresh (the environment is
 * past its requests a second, as when a call is shared into big group chats): a call a minute old (its places left
 * a minute behind, a close seen a minute late) is better than no page, and signing up reads the call itself. Past
 * this the refusal stands (BUSY: the phone waits and asks again).
 */
export const REFUSED_COPY_MS = 60_000
/** Calls kept at most per instance (the oldest kept goes first). */
const MAX_KEPT = 200

const kept = new Map<string, { call: Call; readAt: number }>()
/** the calls handed out from the copy rather than read now */
const handedFromCopy = new WeakSet<Call>()

/** Whether every visitor sees the same call: published (not a draft) by a verified NGO. */
export function isPublicCall(call: Call): boolean {
  return call.ngo?.verified === true && call.status !== 'draft'
}

/**
 * The call, from this instance's copy while it is younger than the TTL, else from the database; when the database
 * refuses (past the quota), from a copy younger than REFUSED_COPY_MS.
 */
export async function readCallForPage(callId: string, now: number): Promise<Call | null> {
  const copy = kept.get(callId)
  // A clock moved back (the local cloud's tests) makes a copy's age unknowable: read again, and never fall back.
  const age = copy && now >= copy.readAt ? now - copy.readAt : Infinity
  if (copy && age < PUBLIC_CALL_TTL_MS) {
    handedFromCopy.add(copy.call)
    return copy.call
  }
  let call: Call | null
  try {
    call = await findById('calls', callId)
  } catch (err) {
    if (copy && age < REFUSED_COPY_MS && answersBusy(err)) {
      handedFromCopy.add(copy.call)
      return copy.call
    }
    throw err
  }
  kept.delete(callId)
  if (call && isPublicCall(call)) {
    if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value as string)
    kept.set(callId, { call, readAt: now })
  }
  return call
}

/** Whether `call` came from the instance's copy (maybe TTL_MS old) rather than from the database just now. */
export function isFromCopy(call: Call): boolean {
  return handedFromCopy.has(call)
}
