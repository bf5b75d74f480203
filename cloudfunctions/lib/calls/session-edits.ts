// How the organizer's session edits are written: each is one update of the call document, conditional on the
// edit version read (the sessions array is rewritten whole, so two concurrent edits must not both apply) and on
// the call not being cancelled. Sign-ups and counters do not move the version, so a busy call is not in the way.
import type { Call } from '@core/model'
import { _ } from '@lib/cloud/cloud'
import { collection, findById, updateWhere } from '@lib/cloud/db'

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
