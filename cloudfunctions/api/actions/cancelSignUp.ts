// Give a seat back. The status change is conditional (confirmed → cancelled), and only the request that made
// it frees the seat, so a double tap or two concurrent cancels free exactly one.
import type { CancelSignUpResponse } from '../../../src/core/api'
import { fail, ok } from '../../../src/core/errors'
import { canCancel, signUpId } from '../../../src/core/rules'
import { validateCancelSignUp } from '../../../src/core/schemas'
import type { SignUp } from '../../../src/core/types'
import { toSignUpView } from '../../../src/core/views'
import { collection, findById, updateWhere } from '../../lib/db'
import type { ActionHandler } from '../caller'
import { leaveWaitlist, releaseSeat } from '../seats'

export const cancelSignUp: ActionHandler<CancelSignUpResponse> = async (event, { openid, now }) => {
  if (!openid) return fail('UNAUTHENTICATED')
  const input = validateCancelSignUp(event)
  if (!input.ok) return fail('INVALID_INPUT', undefined, input.fields)
  const id = signUpId(input.value.callId, openid)

  const signUp = await findById('signups', id)
  if (!signUp) return fail('NOT_SIGNED_UP')
  if (signUp.status === 'cancelled') return ok({ signUp: toSignUpView(signUp) }) // already done: same answer
  const call = await findById('calls', signUp.callId)
  if (!call || !canCancel(call, now) || !isCancellable(signUp)) return fail('CLOSED')

  const changed = await updateWhere(collection('signups').where({ _id: id, status: signUp.status }), {
    status: 'cancelled',
    cancelledAt: now,
    updatedAt: now,
  })
  if (changed === 1) {
    if (signUp.status === 'confirmed') await releaseSeat(call._id, now)
    else await leaveWaitlist(call._id, now)
  }
  const latest = await findById('signups', id)
  return ok({ signUp: toSignUpView(latest ?? signUp) })
}

/** Attendance is recorded after the fact; only a booking (a seat or a place in the queue) can be given back. */
function isCancellable(signUp: SignUp): boolean {
  return signUp.status === 'confirmed' || signUp.status === 'waitlisted'
}
