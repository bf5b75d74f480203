// The seat counter on a call. Taking a seat is one atomic conditional update (no read-modify-write), so
// concurrent sign-ups can never push `confirmed` past `capacity`; giving one back can never go below 0.
import type { Call } from '../../src/core/types'
import { _ } from '../lib/cloud'
import { collection, updateWhere } from '../lib/db'

/** true if a seat was taken; false if the call is full or no longer open. */
export async function takeSeat(call: Pick<Call, '_id' | 'capacity'>, now: number): Promise<boolean> {
  const updated = await updateWhere(
    collection('calls').where({ _id: call._id, status: 'open', confirmed: _.lt(call.capacity) }),
    { confirmed: _.inc(1), updatedAt: now },
  )
  return updated === 1
}

export async function releaseSeat(callId: string, now: number): Promise<void> {
  await updateWhere(collection('calls').where({ _id: callId, confirmed: _.gt(0) }), {
    confirmed: _.inc(-1),
    updatedAt: now,
  })
}

export async function leaveWaitlist(callId: string, now: number): Promise<void> {
  await updateWhere(collection('calls').where({ _id: callId, waitlisted: _.gt(0) }), {
    waitlisted: _.inc(-1),
    updatedAt: now,
  })
}
