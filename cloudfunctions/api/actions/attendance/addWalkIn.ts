// Someone came without signing up: the organizer records them (name + phone), checked in now. A walk-in takes no
// seat and no counter changes; the same phone on the same call is the same walk-in. On a call of several slots a
// walk-in is recorded in a slot: the session the screen shows (else the one running now or next) and the role the
// organizer picked (else the first), and the same phone in another session is another walk-in.
import {
  canRecordAttendance,
  checkInClosedMessage,
  ON_THE_DAY,
  toAttendanceView,
  walkInId,
} from '@core/attendance/attendance'
import type { MarkAttendanceResponse } from '@core/attendance/contract'
import { validateAddWalkIn } from '@core/attendance/validate'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import {
  canRecordSessionAttendance,
  chosenRole,
  chosenSession,
  sessionClosedMessage,
  sessionIdOf,
} from '@core/attendance/sessions'
import { hasSlots, MAX_SLOTS, ONLY_SLOT, slotKey, slotOf } from '@core/calls/slots'
import type { SignUp } from '@core/model'
import { _ } from '@lib/cloud/cloud'
import { riskyTexts } from '@lib/moderation/content-check'
import { collection, find, findById, insertOnce } from '@lib/cloud/db'
import { defineAction } from '@functions/api/gate'

export const addWalkIn = defineAction({
  who: 'organizers',
  resource: 'call',
  validate: validateAddWalkIn,
  run: async ({ input, call, openid, now }): Promise<ApiResult<MarkAttendanceResponse>> => {
    if (!canRecordAttendance(call, now)) return fail('CLOSED', checkInClosedMessage(call, now))
    const { name, phone } = input
    const session = chosenSession(call, input.sessionId, now)
    if ('ok' in session) return session
    const role = chosenRole(call, input.roleId)
    if (role && 'ok' in role) return role
    const slot = hasSlots(call) ? slotKey(session.id, role?.id) : ONLY_SLOT
    if (!slotOf(call, slot))
      return fail('INVALID_INPUT', '活动没有这个场次', { sessionId: '活动没有这个场次' })
    if (!canRecordSessionAttendance(call, session, now))
      return fail('CLOSED', sessionClosedMessage(call, session, now))

    const id = walkInId(call._id, phone, slot)
    const known = await findById('signups', id)
    if (known) return ok({ attendance: toAttendanceView(known, true, call) })
    // Someone with a seat (in this session) is checked in from the list, not added a second time.
    const [signedUp] = (
      await find<SignUp>(
        collection('signups')
          .where({ callId: call._id, phone, status: _.in(ON_THE_DAY), walkIn: _.neq(true) })
          .limit(MAX_SLOTS),
      )
    ).filter((s) => sessionIdOf(s) === session.id)
    if (signedUp) return fail('ALREADY_SIGNED_UP', `${signedUp.name} 已用这个手机号报名，请在名单中为其签到`)
    const risky = await riskyTexts(openid, { name }, 1)
    if (Object.keys(risky).length > 0) return fail('CONTENT_RISKY', undefined, risky)

    const walkIn: SignUp = {
      _id: id,
      callId: call._id,
      openid: '',
      name,
      phone,
      answers: {},
      status: 'attended',
      ...(slot === ONLY_SLOT ? {} : { slot }),
      walkIn: true,
      checkedInAt: now,
      createdAt: now,
      updatedAt: now,
    }
    await insertOnce('signups', walkIn)
    const stored = (await findById('signups', id)) ?? walkIn
    return ok({ attendance: toAttendanceView(stored, true, call) })
  },
})
