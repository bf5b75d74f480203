// Someone came without signing up: the organizer records them (name + phone), checked in now. A walk-in takes no
// seat and no counter changes; the same phone on the same call is the same walk-in. On a call of several slots a
// walk-in is recorded in a slot: the session the screen shows (else the one running now or next) and the role the
// organizer picked (else the first), and the same phone in another session is another walk-in.
import { canRecordAttendance, checkInClosedMessage, toAttendanceView } from '@core/attendance/attendance'
import type { MarkAttendanceResponse } from '@core/attendance/contract'
import { validateAddWalkIn } from '@core/attendance/validate'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import {
  canRecordSessionAttendance,
  chosenRole,
  chosenSession,
  sessionClosedMessage,
} from '@core/attendance/sessions'
import { hasSlots, ONLY_SLOT, slotKey, slotOf } from '@core/calls/slots'
import { recordWalkIn } from '@lib/attendance/walk-ins'
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

    const walkIn = await recordWalkIn(
      call,
      { slot, sessionId: session.id },
      { name, phone },
      now,
      openid,
      now,
    )
    if (!walkIn.ok)
      return walkIn.code === 'CONTENT_RISKY'
        ? fail('CONTENT_RISKY', undefined, walkIn.fields)
        : fail(walkIn.code, walkIn.message)
    return ok({ attendance: toAttendanceView(walkIn.row, true, call) })
  },
})
