// Give a seat back, or leave the waitlist. The status change is conditional on the status read, and only the
// request that made it uncounts the seat or place, so a double tap or two concurrent cancels free exactly one.
// A freed seat goes to the head of the waitlist at once.
import type { CancelSignUpResponse } from '../../../src/core/api'
import { fail, ok } from '../../../src/core/errors'
import { canCancel, isLateDropOut, signUpId } from '../../../src/core/rules'
import { validateCancelSignUp } from '../../../src/core/schemas'
import type { SignUp } from '../../../src/core/types'
import { collection, findById, updateWhere } from '../../lib/db'
import { refreshGroupCardsOf } from '../../lib/group-cards'
import { countLeaver, releaseSeat } from '../../lib/seats'
import { promote } from '../../lib/waitlist'
import type { ActionHandler } from '../caller'
import { signUpView } from '../signUpView'

/** A waitlisted sign-up can be promoted between our read and our write: then it is a seat to give back. */
const ATTEMPTS = 3

export const cancelSignUp: ActionHandler<CancelSignUpResponse> = async (event, { openid, now }) => {
  if (!openid) return fail('UNAUTHENTICATED')
  const input = validateCancelSignUp(event)
  if (!input.ok) return fail('INVALID_INPUT', undefined, input.fields)
  const id = signUpId(input.value.callId, openid)

  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const signUp = await findById('signups', id)
    if (!signUp) return fail('NOT_SIGNED_UP')
    if (signUp.status === 'cancelled') return ok({ signUp: await signUpView(signUp) }) // already done: same answer
    const call = await findById('calls', signUp.callId)
    if (!call || !canCancel(call, now) || !isCancellable(signUp)) return fail('CLOSED')

    const heldSeat = signUp.status === 'confirmed'
    const cancelled: Record<string, unknown> = { status: 'cancelled', cancelledAt: now, updatedAt: now }
    // Leaving the queue late harms nobody; giving a seat back late is what the NGO needs to see.
    if (heldSeat && isLateDropOut(call, now)) cancelled.lateDropOut = true
    const changed = await updateWhere(
      collection('signups').where({ _id: id, status: signUp.status }),
      cancelled,
    )
    if (changed === 0) continue // promoted or cancelled meanwhile: look again
    if (heldSeat) {
      await releaseSeat(call._id, now)
      await promote(call._id, now)
      await refreshGroupCardsOf(call._id, now)
    } else {
      await countLeaver(call._id, now)
    }
    return ok({ signUp: await signUpView({ ...signUp, ...cancelled } as SignUp) })
  }
  throw new Error(`sign-up ${id} kept changing while being cancelled`)
}

/** Attendance is recorded after the fact; only a booking (a seat or a place in the queue) can be given back. */
function isCancellable(signUp: SignUp): boolean {
  return signUp.status === 'confirmed' || signUp.status === 'waitlisted'
}
