// Sign up for a call: validate, then either take a seat atomically or (full, with a waitlist) join the queue, and
// record the sign-up under a derived id so a person holds at most one seat or place per call however many times
// (or however concurrently) they submit. The order of the steps is explained in lib/waitlist/waitlist.ts.
import type { SignUpResponse } from '@core/calls/contract'
import { type ApiError, type ApiResult, fail, ok } from '@core/shared/errors'
import { isSignupOpen, signUpId } from '@core/calls/rules'
import { validateCallId, validateSignUpForm, type CleanSignUp } from '@core/calls/validate'
import { type Attribution, readAttribution } from '@core/sharing/share'
import type { Validation } from '@core/shared/validation'
import type { Call, Question, SignUp } from '@core/model'
import { _, db } from '@lib/cloud/cloud'
import { collection, findById, insert, updateWhere } from '@lib/cloud/db'
import { riskyTexts } from '@lib/moderation/content-check'
import { crashPoint } from '@lib/cloud/faults'
import { finishing } from '@lib/cloud/quota-retry'
import { refreshGroupCardsOf } from '@lib/sharing/group-cards'
import { openidOfReferrer } from '@lib/sharing/referrers'
import { countJoiner, countLeaver, releaseSeat, takeNewcomerSeat } from '@lib/waitlist/seats'
import { promote } from '@lib/waitlist/waitlist'
import { defineAction } from '@functions/api/gate'
import { signUpView } from '@functions/api/signUpView'

export const signUp = defineAction({
  who: 'signedIn',
  resource: 'visibleCall',
  validate: validateSignUpRequest,
  run: async ({ input: request, call, openid, now }): Promise<ApiResult<SignUpResponse>> => {
    // The answers are checked against the call's own questions: only now that the gate found the call.
    const input = validateSignUpForm(request.form, call.questions)
    if (!input.ok) return fail('INVALID_INPUT', undefined, input.fields)
    const attribution = request.attribution
    const id = signUpId(call._id, openid)
    // Someone who already holds a seat or a place keeps it whatever the call's state is now. Their row is read only
    // where it changes the answer (a refusal, or a second row refused by the database below), so a sign-up that
    // gets a seat costs three round trips: the call, the seat, the row.
    const unlessSignedUp = async (refusal: ApiError): Promise<ApiResult<SignUpResponse>> => {
      const existing = await findById('signups', id)
      if (existing && existing.status !== 'cancelled')
        return ok({ signUp: await signUpView(existing), created: false })
      return refusal
    }

    if (!isSignupOpen(call, now)) return unlessSignedUp(fail('CLOSED'))
    // What a volunteer writes reaches the NGO's organizers: it goes through WeChat's content review first.
    const risky = await riskyTexts(openid, writtenTexts(input.value, call.questions), 1)
    if (Object.keys(risky).length > 0) return fail('CONTENT_RISKY', undefined, risky)
    const code = attribution.referrerCode
    const referrer = code ? await openidOfReferrer(code) : null // only a code credits anyone, never a raw openid
    const details = signUpDetails({ ...input.value, referrer: referrer ?? undefined }, openid, now)
    details.source = attribution.source
    const row = { _id: id, callId: call._id, openid, createdAt: now, ...details }

    if (await seatForNewcomer(call, now)) {
      crashPoint('seat-taken')
      const stored = await recordOrUndo(row, 'confirmed', async () => {
        await releaseSeat(call._id, now)
        await promote(call._id, now)
      })
      if (stored.created) {
        crashPoint('signed-up') // dying here, the volunteer sees an error though they hold the seat: a retry finds it
        await refreshGroupCardsOf(call, now)
        return ok({ signUp: await signUpView(stored.signUp), created: true })
      }
      // They were signed up already (a retry, a double tap): theirs counts, this seat goes back (maybe to the queue).
      await releaseSeat(call._id, now)
      await promote(call._id, now)
      return ok({ signUp: await signUpView(stored.signUp), created: false })
    }

    if (!call.waitlist) return unlessSignedUp(fail('FULL'))
    if (!(await countJoiner(call._id, now))) return unlessSignedUp(fail('CLOSED')) // closed or cancelled meanwhile
    crashPoint('joiner-counted')
    const stored = await recordOrUndo(row, 'waitlisted', () => countLeaver(call._id, now))
    if (!stored.created) {
      await countLeaver(call._id, now)
      return ok({ signUp: await signUpView(stored.signUp), created: false })
    }
    // A seat may have been freed while this row was being written: the queue moves now, maybe starting with us.
    await promote(call._id, now)
    const latest = await findById('signups', id)
    return ok({ signUp: await signUpView(latest ?? stored.signUp), created: true })
  },
})

/**
 * What the gate can check before the call is found: the call's id and where the volunteer came from. The form
 * itself (name, phone, answers to the call's questions) is checked by the action against the call's questions.
 */
function validateSignUpRequest(
  event: unknown,
): Validation<{ callId: string; attribution: Attribution; form: unknown }> {
  const target = validateCallId(event)
  const attribution = readAttribution(event)
  if (!target.ok || !attribution.ok)
    return {
      ok: false,
      fields: { ...(target.ok ? {} : target.fields), ...(attribution.ok ? {} : attribution.fields) },
    }
  return { ok: true, value: { callId: target.value.callId, attribution: attribution.value, form: event } }
}

/**
 * Tries for a seat. The update is conditional on the capacity read with the call, so a concurrent capacity edit
 * makes it fail instead of overshooting; then (without a waitlist, whose promotion reads the call afresh anyway)
 * the call is read again and, if its capacity changed, tried once more.
 */
async function seatForNewcomer(call: Call, now: number): Promise<boolean> {
  // The call as the gate read it has no seat for a newcomer: the update would fail, so it is not sent.
  if (call.confirmed >= call.capacity || (call.waitlist && call.waitlisted > 0)) return false
  let current: Call | null = call
  for (let attempt = 0; attempt < 3 && current; attempt++) {
    if (await takeNewcomerSeat(current, now)) return true
    if (call.waitlist) return false
    const fresh: Call | null = await findById('calls', call._id)
    if (!fresh || fresh.capacity === current.capacity) return false
    current = fresh
  }
  return false
}

type Row = Pick<SignUp, '_id' | 'callId' | 'openid' | 'createdAt'> & Details
type Details = Pick<SignUp, 'name' | 'phone' | 'answers' | 'updatedAt' | 'source'> & { referrer?: string }

function signUpDetails(form: CleanSignUp & { referrer?: string }, openid: string, now: number): Details {
  const details: Details = { name: form.name, phone: form.phone, answers: form.answers, updatedAt: now }
  if (form.referrer && form.referrer !== openid) details.referrer = form.referrer
  return details
}

/**
 * Writes the sign-up row for a seat or queue place already counted: a new row, or (they had cancelled) the same
 * row made active again. `created: false` = they hold a seat or place already (a retry, or a concurrent submission
 * got there first). A queue place takes the database's own time, so the queue is in the order the joins were
 * written, whichever instance wrote.
 */
async function record(
  row: Row,
  status: 'confirmed' | 'waitlisted',
): Promise<{ signUp: SignUp; created: boolean }> {
  try {
    if (status === 'confirmed') {
      const signUp: SignUp = { ...row, status }
      await insert('signups', signUp)
      return { signUp, created: true }
    }
    await insert('signups', { ...row, status, waitlistedAt: db.serverDate() } as unknown as SignUp)
    return { signUp: { ...row, status }, created: true } // its waitlistedAt is the database's: read it back
  } catch (err) {
    // A duplicate _id: the row exists. Anything else is a real failure.
    const winner = await findById('signups', row._id)
    if (!winner) throw err
    if (winner.status !== 'cancelled') return { signUp: winner, created: false }
    // Conditional on the status, so two concurrent re-sign-ups cannot both turn the same row into a seat.
    const { _id, ...fields } = row
    const queued = status === 'waitlisted' ? { waitlistedAt: db.serverDate() } : { waitlistedAt: _.remove() }
    const updated = await updateWhere(collection('signups').where({ _id, status: 'cancelled' }), {
      ...fields,
      ...queued,
      status,
      cancelledAt: _.remove(),
      lateDropOut: _.remove(),
      promotedAt: _.remove(),
      erasedAt: _.remove(), // they deleted their data, then came back: a new sign-up, theirs again
    })
    return { signUp: await mustFind(_id), created: updated === 1 }
  }
}

/** `record`, giving back the counted seat or queue place if writing the row fails outright. */
async function recordOrUndo(
  row: Row,
  status: 'confirmed' | 'waitlisted',
  undo: () => Promise<void>,
): Promise<{ signUp: SignUp; created: boolean }> {
  try {
    return await record(row, status)
  } catch (err) {
    await finishing(undo)
    throw err
  }
}

async function mustFind(id: string): Promise<SignUp> {
  const signUp = await findById('signups', id)
  if (!signUp) throw new Error(`sign-up ${id} vanished while being written`)
  return signUp
}

/** The free texts of a sign-up, keyed as the form names its fields (choices are the NGO's own words). */
function writtenTexts(input: CleanSignUp, questions: readonly Question[]): Record<string, string> {
  const texts: Record<string, string> = { name: input.name }
  for (const question of questions) {
    const answer = input.answers[question.id]
    if ((question.kind === 'text' || question.kind === 'textarea') && typeof answer === 'string') {
      texts[`answers.${question.id}`] = answer
    }
  }
  return texts
}
