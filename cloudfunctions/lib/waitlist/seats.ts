// A slot's two counters: `confirmed` (seats taken) and `waitlisted` (places in the queue). Each change is one
// atomic conditional update of the call document, never a read-modify-write. On a call of several slots the
// slot's counters and the call's sums move in the same update. In which order counters and rows change, and why
// that keeps every interleaving safe, is written down in waitlist.ts. Counters count people: a sign-up with
// companions is a party of k (core/calls/companions.ts) and moves a counter by k in one update, never one by one.
//
// Every update names the shape of the call it was read as (one slot, or `slots`): a call can be given a second
// session meanwhile, and an update meant for the old shape must then fail, not miss the slot's counters. The
// updates that must not be lost (giving a seat or a place back) read the call again and follow its new shape.
import { counterFields } from '@core/calls/slots'
import type { Call } from '@core/model'
import { _ } from '@lib/cloud/cloud'
import { collection, findById, updateWhere } from '@lib/cloud/db'

export type SeatCall = Pick<Call, '_id' | 'capacity'> & Partial<Pick<Call, 'waitlist' | 'slots'>>

/** The counters' paths in the call, and the condition that the call still has that shape. */
function fieldsOf(call: SeatCall, slot: string) {
  const fields = counterFields(call, slot)
  const shape = fields.totals ? { [fields.capacity]: _.exists(true) } : { slots: _.exists(false) }
  const cap = fields.totals ? call.slots?.[slot]?.capacity : call.capacity
  return { fields, shape, capacity: cap ?? 0 }
}

/** `+k` or `-k` on a slot's counter (and on the call's sum, for a call of several slots). */
function move(
  fields: ReturnType<typeof counterFields>,
  counter: 'confirmed' | 'waitlisted',
  by: number,
  now: number,
) {
  const data: Record<string, unknown> = { [fields[counter]]: _.inc(by), updatedAt: now }
  if (fields.totals) data[counter] = _.inc(by)
  return data
}

/**
 * Seats for a party of `party` signing up now: only on an open call, in a slot not cancelled, only while all of
 * them fit under the capacity that was read (a concurrent capacity change makes it fail, never overshoot), and, on
 * a call with a waitlist, only while nobody is queued for the slot, so a newcomer never takes a seat ahead of
 * someone waiting.
 */
export async function takeNewcomerSeat(
  call: SeatCall,
  slot: string,
  now: number,
  party = 1,
): Promise<boolean> {
  const { fields, shape, capacity } = fieldsOf(call, slot)
  const where: Record<string, unknown> = {
    _id: call._id,
    status: 'open',
    ...shape,
    [fields.capacity]: capacity,
    [fields.confirmed]: _.lte(capacity - party),
  }
  if (fields.cancelled) where[fields.cancelled] = _.neq(true)
  if (call.waitlist) where[fields.waitlisted] = 0
  return (await updateWhere(collection('calls').where(where), move(fields, 'confirmed', party, now))) === 1
}

/**
 * Seats for the head party of a slot's queue, all of them or none: also on a closed call (closing stops
 * newcomers, not the queue).
 */
export async function takePromotionSeat(
  call: SeatCall,
  slot: string,
  now: number,
  party = 1,
): Promise<boolean> {
  const { fields, shape, capacity } = fieldsOf(call, slot)
  const where: Record<string, unknown> = {
    _id: call._id,
    status: _.in(['open', 'closed']),
    ...shape,
    [fields.startAt]: _.gt(now),
    [fields.capacity]: capacity,
    [fields.confirmed]: _.lte(capacity - party),
  }
  if (fields.cancelled) where[fields.cancelled] = _.neq(true)
  return (await updateWhere(collection('calls').where(where), move(fields, 'confirmed', party, now))) === 1
}

/** Counts a party in a slot's queue, before the sign-up row says so; false if the call is no longer open. */
export async function countJoiner(call: SeatCall, slot: string, now: number, party = 1): Promise<boolean> {
  const { fields, shape } = fieldsOf(call, slot)
  const where: Record<string, unknown> = { _id: call._id, status: 'open', ...shape }
  if (fields.cancelled) where[fields.cancelled] = _.neq(true)
  return (await updateWhere(collection('calls').where(where), move(fields, 'waitlisted', party, now))) === 1
}

/** Gives a party's seats back (never below 0). Whoever frees seats must then run promote(). */
export async function releaseSeat(call: SeatCall, slot: string, now: number, party = 1): Promise<void> {
  await uncount(call, slot, 'confirmed', now, party)
}

/** Uncounts a party from a slot's queue, after the sign-up row left it (never below 0). */
export async function countLeaver(call: SeatCall, slot: string, now: number, party = 1): Promise<void> {
  await uncount(call, slot, 'waitlisted', now, party)
}

/**
 * A decrement that follows the call if its shape changed since it was read (at most once: shapes only grow).
 * Counters are never below their rows (waitlist.ts: Drift), so a party's row leaving finds at least its `party`.
 */
async function uncount(
  call: SeatCall,
  slot: string,
  counter: 'confirmed' | 'waitlisted',
  now: number,
  party: number,
) {
  let current: SeatCall | null = call
  for (let attempt = 0; attempt < 2 && current; attempt++) {
    const { fields, shape } = fieldsOf(current, slot)
    const where = { _id: call._id, ...shape, [fields[counter]]: _.gte(party) }
    if ((await updateWhere(collection('calls').where(where), move(fields, counter, -party, now))) === 1)
      return
    const fresh: Call | null = await findById('calls', call._id)
    if (!fresh || (fresh.slots !== undefined) === (current.slots !== undefined)) return // at 0 already
    current = fresh
  }
}
