// The organizer's check-in screen: the call's current code (in or out), good for its 60-second window. On a call
// of several sessions the code names one session (the one asked for, else the one running now or next), and its
// check-in hours are that session's.
import type { CheckInCodeResponse } from '@core/attendance/contract'
import {
  chosenSession,
  hasSeveralSessions,
  isSessionCheckInOpen,
  sessionClosedMessage,
  toAttendanceSession,
} from '@core/attendance/sessions'
import { validateCheckInCode } from '@core/attendance/validate'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import { issueCode } from '@lib/attendance/checkin-codes'
import { defineAction } from '@functions/api/gate'

export const checkInCode = defineAction({
  who: 'organizers',
  resource: 'call',
  validate: validateCheckInCode,
  run: async ({ input, call, now }): Promise<ApiResult<CheckInCodeResponse>> => {
    const session = chosenSession(call, input.sessionId, now)
    if ('ok' in session) return session
    if (!isSessionCheckInOpen(call, session, now))
      return fail('CLOSED', sessionClosedMessage(call, session, now))
    if (!hasSeveralSessions(call)) {
      return ok({ ...issueCode({ kind: 'call', callId: call._id, mode: input.mode }, now), now })
    }
    const subject = { kind: 'call' as const, callId: call._id, mode: input.mode, sessionId: session.id }
    return ok({ ...issueCode(subject, now), now, session: toAttendanceSession(session) })
  },
})
