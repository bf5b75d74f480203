// The two counters on a call: `confirmed` (seats taken) and `waitlisted` (places in the queue). Each change is one
// atomic conditional update, never a read-modify-write. In which order counters and rows change, and why that
// keeps every interleaving safe, is written down in waitlist.ts.
import type { Call } from '@core/model'
import { _ } from '@lib/cloud/cloud'
import { collection, updateWhere } from '@lib/cloud/db'

type SeatCall = Pick<Call, '_id' | 'capacity' | 'waitlist'>

/**
 * A seat for someone signing up now: only on an open call, only below the capacity that was read (a concurrent
 * capacity change makes it fail, never overshoot), and, on a call with a waitlist, only while nobody is queued,
 * so a newcomer never takes a seat ahead of someone waiting.
 */
export async function takeNewcomerSeat(call: SeatCall, now: number): Promise<boolean> {
  const where: Record<string, unknown> = {
    _id: call._id,
    status: 'open',
    capacity: call.capacity,
    confirmed: _.lt(call.capacity),
  }
  if (call.waitlist) where.waitlisted = 0
  return (await updateWhere(collection('calls').where(where), { confirmed: _.inc(1), updatedAt: now })) === 1
}

/** A seat for the head of the waitlist: also on a closed call (closing stops newcomers, not the queue). */
export async function takePromotionSeat(call: Pick<Call, '_id' | 'capacity'>, now: number): Promise<boolean> {
  const where = {
    _id: call._id,
    status: _.in(['open', 'closed']),
    startAt: _.gt(now),
    capacity: call.capacity,
    confirmed: _.lt(call.capacity),
  }
  return (await updateWhere(collection('calls').where(where), { confirmed: _.inc(1), updatedAt: now })) === 1
}

/** Gives a seat back (never below 0). Whoever frees a seat must then run promote(). */
export async function releaseSeat(callId: string, now: number): Promise<void> {
  await updateWhere(collection('calls').where({ _id: callId, confirmed: _.gt(0) }), {
    confirmed: _.inc(-1),
    updatedAt: now,
  })
}

/** Counts one more in the queue, before the sign-up row says so; false if the call is no longer open. */
export async function countJoiner(callId: string, now: number): Promise<boolean> {
  const updated = await updateWhere(collection('calls').where({ _id: callId, status: 'open' }), {
    waitlisted: _.inc(1),
    updatedAt: now,
  })
  return updated === 1
}

/** Counts one fewer in the queue, after the sign-up row left it (never below 0). */
export async function countLeaver(callId: string, now: number): Promise<void> {
  await updateWhere(collection('calls').where({ _id: callId, waitlisted: _.gt(0) }), {
    waitlisted: _.inc(-1),
    updatedAt: now,
  })
}
