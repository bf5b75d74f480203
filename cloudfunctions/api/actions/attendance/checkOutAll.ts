// The end of the day: everyone checked in and not yet out is checked out now, each with their own hours. People
// whose hours come out the same are checked out together, in one conditional update of many rows (at most 100
// ids each), so 300 people cost a few round trips, not two each. The conditions are checkOut's: hours confirmed
// or set by hand are kept, and someone checked out meanwhile keeps their own time. On a call of several sessions
// it is the end of one session's day: the request names the session, and only its people are checked out.
import { canRecordAttendance, checkInClosedMessage } from '@core/attendance/attendance'
import type { CheckOutAllResponse } from '@core/attendance/contract'
import { minutesBetween, roundHours } from '@core/attendance/hours'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import { validateCallSession } from '@core/attendance/validate'
import {
  canRecordSessionAttendance,
  chosenSession,
  hasSeveralSessions,
  sessionClosedMessage,
  sessionIdOf,
} from '@core/attendance/sessions'
import type { SignUp } from '@core/model'
import { ruleOf } from '@lib/attendance/attendance'
import { _ } from '@lib/cloud/cloud'
import { collection, updateWhere } from '@lib/cloud/db'
import { allSignUps } from '@lib/calls/signups'
import { defineAction } from '@functions/api/gate'

/** ids per update: one query's `in` list stays small */
const IDS_PER_UPDATE = 100

export const checkOutAll = defineAction({
  who: 'organizers',
  resource: 'call',
  validate: validateCallSession,
  run: async ({ input, call, ngo, now }): Promise<ApiResult<CheckOutAllResponse>> => {
    if (!canRecordAttendance(call, now)) return fail('CLOSED', checkInClosedMessage(call, now))
    if (input.sessionId === undefined && hasSeveralSessions(call))
      return fail('INVALID_INPUT', '请选择场次', { sessionId: '请选择场次' })
    const session = chosenSession(call, input.sessionId, now)
    if ('ok' in session) return session
    if (!canRecordSessionAttendance(call, session, now))
      return fail('CLOSED', sessionClosedMessage(call, session, now))
    const rule = ruleOf(ngo)
    const several = hasSeveralSessions(call)
    const here = (await allSignUps(call._id)).filter(
      (s) =>
        (!several || sessionIdOf(s) === session.id) &&
        s.status === 'attended' &&
        s.checkedInAt !== undefined &&
        s.checkedOutAt === undefined &&
        s.hoursConfirmedAt === undefined,
    )
    // hours by the rule → who gets them; `null` = hours set by hand, kept (only the time is recorded)
    const groups = new Map<number | null, SignUp[]>()
    for (const signUp of here) {
      const edited = (signUp.hoursEdits?.length ?? 0) > 0
      const hours = edited ? null : roundHours(minutesBetween(signUp.checkedInAt ?? now, now), rule)
      groups.set(hours, [...(groups.get(hours) ?? []), signUp])
    }
    let checkedOut = 0
    for (const [hours, people] of groups) {
      for (let i = 0; i < people.length; i += IDS_PER_UPDATE) {
        const ids = people.slice(i, i + IDS_PER_UPDATE).map((s) => s._id)
        const data: Record<string, unknown> = { checkedOutAt: now, updatedAt: now }
        if (hours !== null) data.hours = hours
        checkedOut += await updateWhere(
          collection('signups').where({
            _id: _.in(ids),
            status: 'attended',
            checkedOutAt: _.exists(false),
            hoursConfirmedAt: _.exists(false),
            ...(hours === null ? {} : { hoursEdits: _.exists(false) }),
          }),
          data,
        )
      }
    }
    return ok({ checkedOut })
  },
})
