// The organizer's check-in screen: who is expected, who is here (walk-ins included), their hours and counts. On a
// call of several sessions: the sessions to choose from, the one running now or next, and (when asked) only the
// people of one session.
import { attendanceCounts, ON_THE_DAY, sortAttendance, toAttendanceView } from '@core/attendance/attendance'
import type { AttendanceResponse } from '@core/attendance/contract'
import {
  chosenSession,
  currentSession,
  hasSeveralSessions,
  sessionIdOf,
  toAttendanceSession,
} from '@core/attendance/sessions'
import { validateCallSession } from '@core/attendance/validate'
import { type ApiResult, ok } from '@core/shared/errors'
import { rolesOf, sessionsOf } from '@core/calls/slots'
import { toCallCard } from '@core/calls/views'
import { ruleOf } from '@lib/attendance/attendance'
import { allSignUps } from '@lib/calls/signups'
import { defineAction } from '@functions/api/gate'

export const attendance = defineAction({
  who: 'organizers',
  resource: 'call',
  validate: validateCallSession,
  run: async ({ input, call, ngo, now }): Promise<ApiResult<AttendanceResponse>> => {
    const session = input.sessionId === undefined ? undefined : chosenSession(call, input.sessionId, now)
    if (session && 'ok' in session) return session
    const onTheDay = (await allSignUps(call._id)).filter(
      (s) => ON_THE_DAY.includes(s.status) && (!session || sessionIdOf(s) === session.id),
    )
    const entries = sortAttendance(
      onTheDay.map((s) => toAttendanceView(s, true, call)),
      onTheDay,
    )
    const response: AttendanceResponse = {
      call: toCallCard(call, ngo.name),
      rule: ruleOf(ngo),
      counts: attendanceCounts(entries),
      entries,
    }
    if (hasSeveralSessions(call)) {
      response.sessions = sessionsOf(call).map(toAttendanceSession)
      response.currentSessionId = currentSession(call, now).id
    }
    const roles = rolesOf(call)
    if (roles.length > 0) response.roles = roles.map((role) => ({ id: role.id, name: role.name }))
    return ok(response)
  },
})
