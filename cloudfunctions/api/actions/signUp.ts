// Sign up for a call: validate, take a seat atomically, then record the sign-up under a derived id so a person
// holds at most one seat per call however many times (or however concurrently) they submit.
import type { SignUpResponse } from '../../../src/core/api'
import { fail, ok } from '../../../src/core/errors'
import { isSignupOpen, signUpId } from '../../../src/core/rules'
import { validateCallId, validateSignUpForm, type CleanSignUp } from '../../../src/core/schemas'
import type { SignUp } from '../../../src/core/types'
import { toSignUpView } from '../../../src/core/views'
import { _ } from '../../lib/cloud'
import { collection, findById, insert, updateWhere } from '../../lib/db'
import type { ActionHandler } from '../caller'
import { releaseSeat, takeSeat } from '../seats'
import { findVisibleCall } from '../visibleCall'

export const signUp: ActionHandler<SignUpResponse> = async (event, { openid, now }) => {
  if (!openid) return fail('UNAUTHENTICATED')
  // The answers are checked against the call's own questions, so find the call first.
  const target = validateCallId(event)
  if (!target.ok) return fail('INVALID_INPUT', undefined, target.fields)
  const found = await findVisibleCall(target.value.callId, openid)
  if (!found) return fail('NOT_FOUND')
  const input = validateSignUpForm(event, found.call.questions)
  if (!input.ok) return fail('INVALID_INPUT', undefined, input.fields)
  const { call } = found
  const id = signUpId(call._id, openid)

  const existing = await findById('signups', id)
  if (existing && existing.status !== 'cancelled')
    return ok({ signUp: toSignUpView(existing), created: false })
  if (!isSignupOpen(call, now)) return fail('CLOSED')
  if (!(await takeSeat(call, now))) return fail('FULL')

  const details = signUpDetails(input.value, openid, now)
  const stored = existing
    ? await reactivate(id, details, now) // they had cancelled: the same row takes a seat again
    : await create(
        { _id: id, callId: call._id, openid, status: 'confirmed', createdAt: now, ...details },
        now,
      )
  if (stored.created) return ok({ signUp: toSignUpView(stored.signUp), created: true })
  // Another submission by the same person won the race: theirs holds the seat, give this one back.
  await releaseSeat(call._id, now)
  return ok({ signUp: toSignUpView(stored.signUp), created: false })
}

type Details = Pick<SignUp, 'name' | 'phone' | 'answers' | 'updatedAt'> & { referrer?: string }

function signUpDetails(form: CleanSignUp, openid: string, now: number): Details {
  const details: Details = { name: form.name, phone: form.phone, answers: form.answers, updatedAt: now }
  if (form.referrer && form.referrer !== openid) details.referrer = form.referrer
  return details
}

async function create(signUp: SignUp, now: number): Promise<{ signUp: SignUp; created: boolean }> {
  try {
    await insert('signups', signUp)
    return { signUp, created: true }
  } catch (err) {
    // A duplicate _id means a concurrent submission inserted first; anything else is a real failure.
    const winner = await findById('signups', signUp._id)
    if (winner) return { signUp: winner, created: false }
    await releaseSeat(signUp.callId, now)
    throw err
  }
}

async function reactivate(
  id: string,
  details: Details,
  now: number,
): Promise<{ signUp: SignUp; created: boolean }> {
  // Conditional on the status, so two concurrent re-sign-ups cannot both turn the same row into a seat.
  const updated = await updateWhere(collection('signups').where({ _id: id, status: 'cancelled' }), {
    ...details,
    status: 'confirmed',
    cancelledAt: _.remove(),
    createdAt: now, // signed up (again) now
  })
  const signUp = await findById('signups', id)
  if (!signUp) throw new Error(`sign-up ${id} vanished while being re-activated`)
  return { signUp, created: updated === 1 }
}
