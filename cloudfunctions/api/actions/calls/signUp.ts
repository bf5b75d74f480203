// Sign up for a slot of a call (a session, and a role where there are roles; a call of one slot has only `s1`):
// validate, then either take a seat atomically or (full, with a waitlist) join the slot's queue, and record the
// sign-up under a derived id so a person holds at most one seat or place per slot however many times (or however
// concurrently) they submit. The order of the steps is explained in lib/waitlist/waitlist.ts.
import type { SignUpResponse } from '@core/calls/contract'
import { type ApiError, type ApiResult, fail, ok } from '@core/shared/errors'
import { isSlotOpen } from '@core/calls/rules'
import { toSignUpView } from '@core/calls/views'
import {
  hasSlots,
  MAX_SLOTS,
  ONLY_SLOT,
  parseSlotKey,
  rolesOf,
  signUpIdFor,
  slotOf,
  slotOfSignUp,
} from '@core/calls/slots'
import { validateCancelSignUp, validateSignUpForm, type CleanSignUp } from '@core/calls/validate'
import { type Attribution, readAttribution } from '@core/sharing/share'
import type { Validation } from '@core/shared/validation'
import type { Call, Question, SignUp } from '@core/model'
import { _, db } from '@lib/cloud/cloud'
import { collection, find, findById, insert, updateWhere } from '@lib/cloud/db'
import { riskyTexts } from '@lib/moderation/content-check'
import { crashPoint } from '@lib/cloud/faults'
import { finishing } from '@lib/cloud/quota-retry'
import { refreshGroupCardsOf } from '@lib/sharing/group-cards'
import { openidOfReferrer } from '@lib/sharing/referrers'
import { countJoiner, countLeaver, releaseSeat, takeNewcomerSeat } from '@lib/waitlist/seats'
import { placeInQueue, promote } from '@lib/waitlist/waitlist'
import { insuranceForSignUp, saveInsurance } from '@lib/privacy/insurance'
import { defineAction } from '@functions/api/gate'
import { signUpView } from '@functions/api/signUpView'

/** The sign-up itself; `signUp` below adds the insurance details around it. */
const takePlace = defineAction({
  who: 'signedIn',
  resource: 'visibleCall',
  validate: validateSignUpRequest,
  run: async ({ input: request, call, openid, now }): Promise<ApiResult<SignUpResponse>> => {
    // The answers are checked against the call's own questions: only now that the gate found the call.
    const input = validateSignUpForm(request.form, call.questions, call.companions)
    if (!input.ok) return fail('INVALID_INPUT', undefined, input.fields)
    const slot = request.slot ?? (hasSlots(call) ? undefined : ONLY_SLOT)
    const counters = slot === undefined ? undefined : slotOf(call, slot)
    if (slot === undefined || !counters)
      return fail('INVALID_INPUT', undefined, {
        slot: slot === undefined ? '请选择场次' : '活动没有这个场次',
      })
    // The volunteer and their companions: every step below takes, queues or gives back this many places at once.
    const party = 1 + input.value.companions.length
    const attribution = request.attribution
    const id = signUpIdFor(call._id, openid, slot)
    // Someone who already holds a seat or a place keeps it whatever the call's state is now. Their row is read only
    // where it changes the answer (a refusal, or a second row refused by the database below), so a sign-up that
    // gets a seat costs three round trips: the call, the seat, the row.
    const unlessSignedUp = async (refusal: ApiError): Promise<ApiResult<SignUpResponse>> => {
      const existing = await findById('signups', id)
      if (existing && existing.status !== 'cancelled')
        return ok({ signUp: await signUpView(call, existing), created: false })
      return refusal
    }

    if (!isSlotOpen(call, counters, now)) return unlessSignedUp(fail('CLOSED'))
    // Full without a waitlist: refused before anything else is read (a burst's many late taps cost two trips).
    if (!call.waitlist && counters.confirmed + party > counters.capacity) return unlessSignedUp(fail('FULL'))
    // A party larger than the slot could never be seated, and would hold up its queue: refused outright.
    if (party > counters.capacity)
      return unlessSignedUp(
        fail('INVALID_INPUT', undefined, {
          companions: `本场次共 ${counters.capacity} 个名额，容纳不下 ${party} 人`,
        }),
      )
    const refused = await slotRefusal(call, slot, openid, id)
    if (refused) return unlessSignedUp(refused)
    // What a volunteer writes reaches the NGO's organizers: it goes through WeChat's content review first.
    const risky = await riskyTexts(openid, writtenTexts(input.value, call.questions), 1)
    if (Object.keys(risky).length > 0) return fail('CONTENT_RISKY', undefined, risky)
    const code = attribution.referrerCode
    const referrer = code ? await openidOfReferrer(code) : null // only a code credits anyone, never a raw openid
    const details = signUpDetails({ ...input.value, referrer: referrer ?? undefined }, openid, now)
    details.source = attribution.source
    const row = { _id: id, callId: call._id, openid, slot, createdAt: now, ...details }

    if (await seatForNewcomer(call, slot, now, party)) {
      crashPoint('seat-taken')
      const stored = await recordOrUndo(row, 'confirmed', async () => {
        await releaseSeat(call, slot, now, party)
        await promote(call._id, slot, now)
      })
      if (stored.created) {
        crashPoint('signed-up') // dying here, the volunteer sees an error though they hold the seat: a retry finds it
        await refreshGroupCardsOf(call, now)
        return ok({ signUp: await signUpView(call, stored.signUp), created: true })
      }
      // They were signed up already (a retry, a double tap): theirs counts, these seats go back (maybe to the queue).
      await releaseSeat(call, slot, now, party)
      await promote(call._id, slot, now)
      return ok({ signUp: await signUpView(call, stored.signUp), created: false })
    }

    if (!call.waitlist) return unlessSignedUp(fail('FULL'))
    if (!(await countJoiner(call, slot, now, party))) return unlessSignedUp(fail('CLOSED')) // closed meanwhile
    crashPoint('joiner-counted')
    const stored = await recordOrUndo(row, 'waitlisted', () => countLeaver(call, slot, now, party))
    if (!stored.created) {
      await countLeaver(call, slot, now, party)
      return ok({ signUp: await signUpView(call, stored.signUp), created: false })
    }
    // A seat may have been freed while this row was being written: the queue moves now, maybe starting with us.
    await promote(call._id, slot, now)
    // Still queued (the usual case): the row is as written, and its place is found in one round trip.
    const place = await placeInQueue(call, slot, id)
    if (place !== null) return ok({ signUp: toSignUpView(stored.signUp, place), created: true })
    const latest = await findById('signups', id)
    return ok({ signUp: await signUpView(call, latest ?? stored.signUp), created: true })
  },
})

/**
 * A call asking for insurance details (core/privacy/insurance.ts) gets them with the form, checked together with
 * it (nothing is stored on a bad input), or finds them from the caller's sign-up for another slot. They are
 * sealed first, so a missing data key fails before a seat is taken, and stored once the place is held.
 */
export const signUp = defineAction({
  ...takePlace,
  run: async (ctx): Promise<ApiResult<SignUpResponse>> => {
    const { input: request, call, openid, now } = ctx
    const insurance = await insuranceForSignUp(call, openid, request.form, now)
    if (!insurance.ok) {
      const form = validateSignUpForm(request.form, call.questions, call.companions)
      return fail('INVALID_INPUT', undefined, { ...(form.ok ? {} : form.fields), ...insurance.fields })
    }
    const result = await takePlace.run(ctx)
    if (result.ok && insurance.value && result.data.signUp.status !== 'cancelled')
      await saveInsurance(insurance.value)
    return result
  },
})

/**
 * On a call with roles, one role per session (nobody plants trees and hands out water at the same time); with a
 * limit, at most `maxSlotsPerPerson` slots. Read from the person's other sign-ups, only on calls that need it.
 * Checked so it is not atomic: two taps on two slots at the same moment can both pass; nothing is oversold, and
 * the organizer's roster shows it.
 */
async function slotRefusal(
  call: Call,
  slot: string,
  openid: string,
  id: string,
): Promise<ApiError | undefined> {
  if (rolesOf(call).length === 0 && call.maxSlotsPerPerson === undefined) return undefined
  const held = await find<SignUp>(
    collection('signups')
      .where({ callId: call._id, openid, status: _.in(['confirmed', 'waitlisted']), _id: _.neq(id) })
      .limit(MAX_SLOTS),
  )
  const { sessionId } = parseSlotKey(slot)
  if (
    rolesOf(call).length > 0 &&
    held.some((other) => parseSlotKey(slotOfSignUp(other)).sessionId === sessionId)
  )
    return fail('INVALID_INPUT', '同一场次只能报名一个岗位', { slot: '同一场次只能报名一个岗位' })
  if (call.maxSlotsPerPerson !== undefined && held.length >= call.maxSlotsPerPerson)
    return fail('SLOT_LIMIT', `每人最多报名 ${call.maxSlotsPerPerson} 个场次`)
  return undefined
}

/**
 * What the gate can check before the call is found: the call's id and where the volunteer came from. The form
 * itself (name, phone, answers to the call's questions) is checked by the action against the call's questions.
 */
function validateSignUpRequest(
  event: unknown,
): Validation<{ callId: string; slot?: string; attribution: Attribution; form: unknown }> {
  const target = validateCancelSignUp(event) // the same: a call and maybe a slot
  const attribution = readAttribution(event)
  if (!target.ok || !attribution.ok)
    return {
      ok: false,
      fields: { ...(target.ok ? {} : target.fields), ...(attribution.ok ? {} : attribution.fields) },
    }
  return { ok: true, value: { ...target.value, attribution: attribution.value, form: event } }
}

/**
 * Tries for a seat in the slot. The update is conditional on the capacity read with the call, so a concurrent
 * capacity edit makes it fail instead of overshooting; then (without a waitlist, whose promotion reads the call
 * afresh anyway) the call is read again and, if the slot's capacity changed, tried once more.
 */
async function seatForNewcomer(call: Call, slot: string, now: number, party: number): Promise<boolean> {
  // The call as the gate read it has no seats for this party: the update would fail, so it is not sent.
  const read = slotOf(call, slot)
  if (!read || read.confirmed + party > read.capacity || (call.waitlist && read.waitlisted > 0)) return false
  let current: Call | null = call
  for (let attempt = 0; attempt < 3 && current; attempt++) {
    if (await takeNewcomerSeat(current, slot, now, party)) return true
    if (call.waitlist) return false
    const fresh: Call | null = await findById('calls', call._id)
    const before = slotOf(current, slot)
    const after = fresh && slotOf(fresh, slot)
    const reshaped = fresh !== null && (fresh.slots !== undefined) !== (current.slots !== undefined)
    if (!after || (!reshaped && after.capacity === before?.capacity)) return false
    current = fresh
  }
  return false
}

type Row = Pick<SignUp, '_id' | 'callId' | 'openid' | 'slot' | 'createdAt'> & Details
type Details = Pick<
  SignUp,
  'name' | 'phone' | 'answers' | 'updatedAt' | 'source' | 'companions' | 'party'
> & {
  referrer?: string
}

function signUpDetails(form: CleanSignUp & { referrer?: string }, openid: string, now: number): Details {
  const details: Details = { name: form.name, phone: form.phone, answers: form.answers, updatedAt: now }
  if (form.referrer && form.referrer !== openid) details.referrer = form.referrer
  if (form.companions.length > 0) {
    details.companions = form.companions
    details.party = 1 + form.companions.length
  }
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
      sessionCancelled: _.remove(),
      promotedAt: _.remove(),
      erasedAt: _.remove(), // they deleted their data, then came back: a new sign-up, theirs again
      // the party is the one counted now, not the one that cancelled
      ...(fields.companions ? {} : { companions: _.remove(), party: _.remove() }),
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
  input.companions.forEach((companion, i) => (texts[`companions.${i}.name`] = companion.name))
  for (const question of questions) {
    const answer = input.answers[question.id]
    if ((question.kind === 'text' || question.kind === 'textarea') && typeof answer === 'string') {
      texts[`answers.${question.id}`] = answer
    }
  }
  return texts
}
