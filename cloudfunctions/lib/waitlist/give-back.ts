// Giving a booking back (a seat, or a place on the waitlist): the one code path for a volunteer's cancel and for
// deleting their data. The status change is conditional on the status read, and only the request that made it
// uncounts the seats or places (all of a party's: the volunteer's and their companions'), so a double tap or two
// concurrent cancels free them exactly once. A freed seat goes to the
// head of the waitlist at once.
import { canCancel, isLateDropOut } from '@core/calls/rules'
import { partyOf } from '@core/calls/companions'
import { slotOf, slotOfSignUp } from '@core/calls/slots'
import type { SignUp } from '@core/model'
import { collection, findById, updateWhere } from '@lib/cloud/db'
import { refreshGroupCardsOf } from '@lib/sharing/group-cards'
import { countLeaver, releaseSeat } from './seats'
import { promote } from './waitlist'

/** A waitlisted sign-up can be promoted between our read and our write: then it is a seat to give back. */
const ATTEMPTS = 3

export type GiveBack =
  /** this request cancelled it; `signUp` is the row as it now is */
  | { outcome: 'cancelled'; signUp: SignUp }
  /** it was cancelled already (a retry, a double tap) */
  | { outcome: 'already'; signUp: SignUp }
  | { outcome: 'notFound' }
  /** the call has started (or is gone), or the row is attendance, not a booking */
  | { outcome: 'closed' }

export async function giveBack(id: string, now: number): Promise<GiveBack> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const signUp = await findById('signups', id)
    if (!signUp) return { outcome: 'notFound' }
    if (signUp.status === 'cancelled') return { outcome: 'already', signUp }
    const call = await findById('calls', signUp.callId)
    const slot = slotOfSignUp(signUp)
    // A slot is given back until its own session starts (a call's first session may be long past).
    const session = call && slotOf(call, slot)
    if (!call || !session || !canCancel(session, now) || !isBooking(signUp)) return { outcome: 'closed' }

    const heldSeat = signUp.status === 'confirmed'
    const cancelled: Record<string, unknown> = { status: 'cancelled', cancelledAt: now, updatedAt: now }
    // Leaving the queue late harms nobody; giving a seat back late is what the NGO needs to see.
    if (heldSeat && isLateDropOut(call, session.startAt, now)) cancelled.lateDropOut = true
    const changed = await updateWhere(
      collection('signups').where({ _id: id, status: signUp.status }),
      cancelled,
    )
    if (changed === 0) continue // promoted or cancelled meanwhile: look again
    if (heldSeat) {
      await releaseSeat(call, slot, now, partyOf(signUp))
      await promote(call._id, slot, now)
      await refreshGroupCardsOf(call, now)
    } else {
      await countLeaver(call, slot, now, partyOf(signUp))
      // A party at the head that did not fit held up those behind it: one of them may fit now. (A single at the
      // head never waits beside a free seat once things settle, so only a party's leaving can unblock the queue.)
      if (partyOf(signUp) > 1) await promote(call._id, slot, now)
    }
    return { outcome: 'cancelled', signUp: { ...signUp, ...cancelled } as SignUp }
  }
  throw new Error(`sign-up ${id} kept changing while being cancelled`)
}

/** Attendance is recorded after the fact; only a booking (a seat or a place in the queue) can be given back. */
export function isBooking(signUp: Pick<SignUp, 'status'>): boolean {
  return signUp.status === 'confirmed' || signUp.status === 'waitlisted'
}
