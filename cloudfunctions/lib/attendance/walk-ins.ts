// Someone who came without signing up, recorded in a slot: online as the organizer adds them (addWalkIn), or later
// from a record the organizer's phone kept with no network (syncCheckIns). A walk-in takes no seat and moves no
// counter; its id is the phone number's in that slot, so adding the same person twice, or a second phone's copy
// of the same record, finds the row already there.
import { ON_THE_DAY, walkInId } from '@core/attendance/attendance'
import { sessionIdOf } from '@core/attendance/sessions'
import { MAX_SLOTS, ONLY_SLOT } from '@core/calls/slots'
import type { Call, SignUp } from '@core/model'
import type { FieldErrors } from '@core/shared/validation'
import { _ } from '@lib/cloud/cloud'
import { collection, find, findById, insertOnce } from '@lib/cloud/db'
import { riskyTexts } from '@lib/moderation/content-check'

export type WalkInResult =
  | { ok: true; row: SignUp; created: boolean }
  | { ok: false; code: 'ALREADY_SIGNED_UP'; message: string; row: SignUp }
  | { ok: false; code: 'CONTENT_RISKY'; fields: FieldErrors }

/**
 * The walk-in `person` in `slot` of `sessionId`, checked in at `at`: the row already there (unchanged), or a new
 * one. Refused when someone holding a seat in that session has the phone (they are checked in from the list), or
 * when the name fails content review (`by`: the organizer who typed it).
 */
export async function recordWalkIn(
  call: Pick<Call, '_id'>,
  where: { slot: string; sessionId: string },
  person: { name: string; phone: string },
  at: number,
  by: string,
  now: number,
): Promise<WalkInResult> {
  const { name, phone } = person
  const id = walkInId(call._id, phone, where.slot)
  const known = await findById('signups', id)
  if (known) return { ok: true, row: known, created: false }
  const [signedUp] = (
    await find<SignUp>(
      collection('signups')
        .where({ callId: call._id, phone, status: _.in(ON_THE_DAY), walkIn: _.neq(true) })
        .limit(MAX_SLOTS),
    )
  ).filter((s) => sessionIdOf(s) === where.sessionId)
  if (signedUp)
    return {
      ok: false,
      code: 'ALREADY_SIGNED_UP',
      message: `${signedUp.name} 已用这个手机号报名，请在名单中为其签到`,
      row: signedUp,
    }
  const risky = await riskyTexts(by, { name }, 1)
  if (Object.keys(risky).length > 0) return { ok: false, code: 'CONTENT_RISKY', fields: risky }

  const walkIn: SignUp = {
    _id: id,
    callId: call._id,
    openid: '',
    name,
    phone,
    answers: {},
    status: 'attended',
    ...(where.slot === ONLY_SLOT ? {} : { slot: where.slot }),
    walkIn: true,
    checkedInAt: at,
    createdAt: now,
    updatedAt: now,
  }
  const created = await insertOnce('signups', walkIn)
  const stored = (await findById('signups', id)) ?? walkIn
  return { ok: true, row: stored, created }
}
