// Checking one person in or out. Each step is one conditional update on the sign-up, so two scans at the same
// moment (or a scan and the organizer's tap) record one check-in: the second finds the condition gone and reads
// back what the first wrote.
import { fail, type ApiError } from '@core/shared/errors'
import { DEFAULT_HOURS_RULE, minutesBetween, roundHours } from '@core/attendance/hours'
import { type HoursRule } from '@core/model'
import type { Call, Ngo, SignUp } from '@core/model'
import { ON_THE_DAY } from '@core/attendance/attendance'
import { sessionIdOf } from '@core/attendance/sessions'
import { signUpsOf } from '@lib/calls/signups'
import { _ } from '@lib/cloud/cloud'
import { collection, findById, updateWhere } from '@lib/cloud/db'

/** The first check-in counts: checking in again changes nothing. A no-show who turns up after all is here. */
export async function checkIn(signUp: SignUp, now: number): Promise<SignUp | ApiError> {
  if (signUp.status === 'attended') return signUp
  if (signUp.status !== 'confirmed' && signUp.status !== 'no_show') return fail('NOT_SIGNED_UP')
  const data = { status: 'attended' as const, checkedInAt: now, updatedAt: now }
  const updated = await updateWhere(
    collection('signups').where({ _id: signUp._id, status: _.in(['confirmed', 'no_show']) }),
    data,
  )
  // Our update is what the row now says; only a lost race needs to read what the other scan wrote.
  if (updated === 1) return { ...signUp, ...data }
  return readBack(signUp._id, (s) => s.status === 'attended', 'NOT_SIGNED_UP')
}

/**
 * Check-out records the time and the hours by the NGO's rule. A later check-out replaces an earlier one until the
 * hours are confirmed; after that the record stands and checking out changes nothing. Hours the organizer set by
 * hand are kept (only the time is recorded).
 */
export async function checkOut(signUp: SignUp, rule: HoursRule, now: number): Promise<SignUp | ApiError> {
  if (signUp.status !== 'attended' || signUp.checkedInAt === undefined) return fail('NOT_CHECKED_IN')
  if (signUp.hoursConfirmedAt !== undefined) return signUp
  const edited = (signUp.hoursEdits?.length ?? 0) > 0
  const data: Record<string, unknown> = { checkedOutAt: now, updatedAt: now }
  if (!edited) data.hours = roundHours(minutesBetween(signUp.checkedInAt, now), rule)
  const updated = await updateWhere(
    collection('signups').where({
      _id: signUp._id,
      status: 'attended',
      hoursConfirmedAt: _.exists(false),
      ...(edited ? {} : { hoursEdits: _.exists(false) }),
    }),
    data,
  )
  if (updated === 1) return { ...signUp, ...data } as SignUp
  return readBack(signUp._id, (s) => s.checkedInAt !== undefined, 'NOT_CHECKED_IN')
}

export function ruleOf(ngo: Pick<Ngo, 'hoursRule'>): HoursRule {
  return ngo.hoursRule ?? DEFAULT_HOURS_RULE
}

async function readBack(
  id: string,
  holds: (s: SignUp) => boolean,
  otherwise: 'NOT_SIGNED_UP' | 'NOT_CHECKED_IN',
): Promise<SignUp | ApiError> {
  const latest = await findById('signups', id)
  if (!latest) return fail('NOT_FOUND')
  return holds(latest) ? latest : fail(otherwise)
}

/**
 * The person's row in one session, to check in or out: the one already checked in, else the first (in the call's
 * role order) holding a seat, else whatever row they have there (waitlisted or cancelled: the caller refuses it
 * with its reason). `others`: their seats in other sessions, for a message saying which session they signed up for.
 */
export async function seatInSession(
  call: Call,
  openid: string,
  sessionId: string,
): Promise<{ seat: SignUp | undefined; others: SignUp[] }> {
  const rows = await signUpsOf(call, openid)
  const here = rows.filter((s) => sessionIdOf(s) === sessionId)
  return {
    seat:
      here.find((s) => s.status === 'attended') ?? here.find((s) => ON_THE_DAY.includes(s.status)) ?? here[0],
    others: rows.filter((s) => sessionIdOf(s) !== sessionId && ON_THE_DAY.includes(s.status)),
  }
}
