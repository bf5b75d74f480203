// How the organizer's session edits are written: each is one update of the call document, conditional on the
// edit version read (the sessions array is rewritten whole, so two concurrent edits must not both apply) and on
// the call not being cancelled. Sign-ups and counters do not move the version, so a busy call is not in the way.
import { parseSlotKey, slotKeysOf, slotOfSignUp } from '@core/calls/slots'
import type { Call } from '@core/model'
import { _ } from '@lib/cloud/cloud'
import { collection, findById, updateWhere } from '@lib/cloud/db'
import { countLeaver, releaseSeat } from '@lib/waitlist/seats'
import { allSignUps } from './signups'

/** Concurrent edits moving the version: read again and retry this often. */
export const EDIT_ATTEMPTS = 5

/** One conditional write; false = the call changed meanwhile (read it again). */
export async function writeSessionEdit(
  call: Call,
  data: Record<string, unknown>,
  where: Record<string, unknown>,
  now: number,
): Promise<boolean> {
  const condition = {
    _id: call._id,
    status: _.in(['open', 'closed']),
    editVersion: call.editVersion ?? _.exists(false),
    ...where,
  }
  const update = { ...data, editVersion: (call.editVersion ?? 0) + 1, updatedAt: now }
  return (await updateWhere(collection('calls').where(condition), update)) === 1
}

/**
 * Before a call of one slot gets a second session, its sign-ups stored before slots existed are given the slot
 * `s1` (those written since carry it already), so the queue of `s1` finds them once the call has slots.
 */
export async function nameTheOnlySlot(callId: string): Promise<void> {
  await updateWhere(collection('signups').where({ callId, slot: _.exists(false) }), { slot: 's1' })
}

export async function reread(call: Call): Promise<Call | null> {
  return findById('calls', call._id)
}

/**
 * After a session is cancelled (its slots take no one any more), its bookings are given back: each row flipped to
 * cancelled (conditional on the status read, so a volunteer's own cancel at the same moment frees one place, not
 * two), then uncounted. Returns how many this run gave back; a retry finishes what a first run left.
 */
export async function giveBackSession(call: Call, sessionId: string, now: number): Promise<number> {
  const keys = slotKeysOf(call).filter((key) => parseSlotKey(key).sessionId === sessionId)
  let given = 0
  for (const signUp of await allSignUps(call._id)) {
    const slot = slotOfSignUp(signUp)
    if (!keys.includes(slot) || (signUp.status !== 'confirmed' && signUp.status !== 'waitlisted')) continue
    const flipped = await updateWhere(
      collection('signups').where({ _id: signUp._id, status: signUp.status }),
      {
        status: 'cancelled',
        cancelledAt: now,
        sessionCancelled: true,
        updatedAt: now,
      },
    )
    if (flipped === 0) continue // the volunteer cancelled meanwhile: theirs uncounted it
    if (signUp.status === 'confirmed') await releaseSeat(call, slot, now)
    else await countLeaver(call, slot, now)
    given++
  }
  return given
}
