// The waitlist: when a call is full, sign-ups queue in the order the database wrote their joins, and each freed
// seat goes to the head of the queue. The database offers atomic conditional updates of one document and no
// multi-document transactions, so correctness rests on the order of the steps below.
//
// Notation: C = call.confirmed, W = call.waitlisted; rowsC = the people of its sign-ups that hold a seat
// (confirmed, attended, no_show), rowsW = the people of its waitlisted sign-ups. A sign-up is a party of k people
// (the volunteer and their companions, core/calls/companions.ts): it takes, queues for and gives back k seats at
// once, each in one conditional update, and the counters and row sums below count people.
//
// I1  No overselling: rowsC ≤ C ≤ capacity at every moment. C rises by k only by a conditional update with
//     C ≤ capacity − k (seats.ts), and always before a row becomes confirmed (newcomer: seat, then insert; promotion:
//     seat, then flip); a row stops holding a seat before its seat is released (cancel: flip, then release).
//     Capacity falls only with the condition C ≤ new capacity.
// I2  The queue counter: rowsW ≤ W. A joiner is counted before its row becomes waitlisted; a row leaves the queue
//     (cancel or promotion) before it is uncounted, so the guarded decrement never misses.
// I3  A seat is given once: a promotion flips the row only if it is still waitlisted with the very waitlistedAt it
//     was read with, so of two promoters (or a promoter and a leaver) exactly one wins the row; a promoter that
//     loses gives its seat back and looks again.
// I4  No queue jumping: a newcomer takes a seat only while W = 0 (nobody queued or joining); a promotion takes the
//     earliest row by (waitlistedAt, _id); a row that left and joined again has a new waitlistedAt (the end of the
//     queue), and a stale read of it cannot promote it (the flip's waitlistedAt condition fails). Strictly first
//     come, first served by party: when the head party does not fit the free seats, promotion stops there; a
//     smaller party behind it never goes first (it would let singles overtake a family for ever). A newcomer party
//     that does not fit joins the queue even when seats are free.
// I5  No seat left empty while the head party fits, once things settle: every step after which free seats can sit
//     beside a waitlisted row runs promote() afterwards: freeing seats (cancel, a lost duplicate, a lost flip), a
//     row becoming waitlisted (join), a row leaving the queue (the head party that did not fit may be the one
//     leaving), a capacity increase, repair. promote() stops only when it has read the head party not fitting (then
//     whoever frees the next seats, or that party leaving, promotes), found nobody waiting (then whoever joins next
//     promotes) or the call can no longer give seats. A party larger than the slot's places (the organizer lowered
//     them after it joined) waits at the head until places grow or it leaves: the roster shows it.
// Drift: an instance dying between its two steps leaves C > rowsC or W > rowsW, never less (a seat held empty, not
// one given twice). The `remind` timer recounts (repair.ts).
import { canPromoteSlot } from '@core/calls/rules'
import { partyOf } from '@core/calls/companions'
import { hasSlots, slotKeysOf, slotOf, slotOfSignUp } from '@core/calls/slots'
import { promotedMessage } from '@core/messages/messages'
import type { Call, SignUp } from '@core/model'
import { _, db } from '@lib/cloud/cloud'
import { collection, count, find, findById, updateWhere } from '@lib/cloud/db'
import { withQuotaRetry } from '@lib/cloud/quota-retry'
import { crashPoint } from '@lib/cloud/faults'
import { queueMessage } from '@lib/messages/outbox'
import { countLeaver, releaseSeat, takePromotionSeat } from './seats'

/** Enough for any capacity increase; a lost race costs a round. */
const MAX_ROUNDS = 2000

/**
 * Gives a slot's free seats to its waitlist in order; returns how many were promoted by this run. Every rule above
 * holds per slot: a slot's counters, its rows, its queue.
 */
export async function promote(callId: string, slot: string, now: number): Promise<number> {
  let promoted = 0
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const call = await findById('calls', callId)
    const counters = call && slotOf(call, slot)
    if (!call || !counters || !canPromoteSlot(call, counters, now)) break
    if (counters.confirmed >= counters.capacity) break
    const next = await headOfQueue(call, slot)
    if (!next) break
    const party = partyOf(next)
    if (counters.confirmed + party > counters.capacity) break // the whole party or nobody; nobody goes ahead of it
    if (!(await takePromotionSeat(call, slot, now, party))) continue // the counters moved meanwhile: read again
    const flipped = await updateWhere(
      collection('signups').where({
        _id: next._id,
        status: 'waitlisted',
        waitlistedAt: next.waitlistedAt ?? _.exists(false),
      }),
      { status: 'confirmed', promotedAt: now, updatedAt: now },
    )
    if (flipped === 0) {
      // Someone else promoted this row, or it left the queue: the seat is not ours to give.
      await releaseSeat(call, slot, now, party)
      continue
    }
    await countLeaver(call, slot, now, party)
    crashPoint('promoted') // dying here loses the message: the next remind run queues it (promotion-repair.ts)
    await queueMessage(promotedMessage(call, next, now))
    promoted++
  }
  return promoted
}

/** `promote` for every slot of a call that has someone waiting (a capacity change, repair). */
export async function promoteEverySlot(call: Call, now: number): Promise<number> {
  let promoted = 0
  for (const slot of slotKeysOf(call)) {
    if ((slotOf(call, slot)?.waitlisted ?? 0) > 0) promoted += await promote(call._id, slot, now)
  }
  return promoted
}

/** The rows of one slot's queue (on a call of one slot, every waitlisted row: older rows name no slot). */
function queueOf(call: Pick<Call, '_id'> & Partial<Pick<Call, 'slots'>>, slot: string) {
  return hasSlots(call)
    ? { callId: call._id, status: 'waitlisted', slot }
    : { callId: call._id, status: 'waitlisted' }
}

/** The 1-based position of a waitlisted sign-up in its slot's queue, counted now: those before it, plus one. */
export async function waitRank(
  call: Pick<Call, '_id'> & Partial<Pick<Call, 'slots'>>,
  signUp: SignUp,
): Promise<number | undefined> {
  if (signUp.status !== 'waitlisted' || !signUp.waitlistedAt) return undefined
  const at = signUp.waitlistedAt
  const ahead = await count(
    collection('signups').where(
      _.and([
        queueOf(call, slotOfSignUp(signUp)),
        _.or([{ waitlistedAt: _.lt(at) }, { waitlistedAt: at, _id: _.lt(signUp._id) }]),
      ]),
    ),
  )
  return ahead + 1
}

/**
 * A sign-up's 1-based place in its slot's queue, or null when it is not queued (promoted or left meanwhile), in one
 * round trip: the database orders the queue as promote() takes it, by (waitlistedAt, _id), and finds the id in it.
 * For a joiner, instead of reading its row back and counting those ahead (two round trips).
 */
export async function placeInQueue(
  call: Pick<Call, '_id'> & Partial<Pick<Call, 'slots'>>,
  slot: string,
  signUpId: string,
): Promise<number | null> {
  const $ = db.command.aggregate
  const reply = (await withQuotaRetry(
    () =>
      collection('signups')
        .aggregate()
        .match({ ...queueOf(call, slot), waitlistedAt: _.exists(true) })
        .sort({ waitlistedAt: 1, _id: 1 })
        .group({ _id: null, queue: $.push('$_id') })
        .project({ _id: 0, index: $.indexOfArray(['$queue', signUpId]) })
        .end(),
    'read',
  )) as { list: { index?: number }[] }
  const index = reply.list[0]?.index
  return typeof index === 'number' && index >= 0 ? index + 1 : null
}

async function headOfQueue(call: Call, slot: string): Promise<SignUp | undefined> {
  const [head] = await find<SignUp>(
    collection('signups')
      .where(queueOf(call, slot))
      .orderBy('waitlistedAt', 'asc')
      .orderBy('_id', 'asc')
      .limit(1),
  )
  return head
}
