// A volunteer scanned the call's code: their seat is checked in (or out). The call comes from the code alone, so a
// code of another call can only ever check into that call, where this volunteer has no seat. On a call of several
// sessions the code names its session too: it checks in the scanner's seat in that session, whichever role.
import { ON_THE_DAY, toAttendanceView } from '@core/attendance/attendance'
import type { CheckInResponse } from '@core/attendance/contract'
import {
  findSession,
  hasSeveralSessions,
  isSessionCheckInOpen,
  sessionClosedMessage,
  sessionsInWords,
} from '@core/attendance/sessions'
import { validateCheckIn } from '@core/attendance/validate'
import { sessionLabel } from '@core/calls/session-text'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import { sessionsOf } from '@core/calls/slots'
import { toCallCard } from '@core/calls/views'
import { checkIn as recordCheckIn, checkOut, ruleOf, seatInSession } from '@lib/attendance/attendance'
import { readCode } from '@lib/attendance/checkin-codes'
import { findById } from '@lib/cloud/db'
import { defineAction } from '@functions/api/gate'

export const checkIn = defineAction({
  who: 'signedIn',
  resource: 'none',
  validate: validateCheckIn,
  run: async ({ input, openid, now }): Promise<ApiResult<CheckInResponse>> => {
    const subject = readCode(input.code, now)
    if ('ok' in subject) return subject
    if (subject.kind !== 'call') return fail('CODE_INVALID', '这是志愿者的个人签到码，请扫描活动现场的二维码')
    const call = await findById('calls', subject.callId)
    if (!call) return fail('NOT_FOUND')
    // A code names a session exactly when its call has several: one without a session on such a call (or one
    // naming a session the call lacks) was made for another shape of the call and checks nobody in.
    const session =
      subject.sessionId === undefined
        ? hasSeveralSessions(call)
          ? undefined
          : sessionsOf(call)[0]
        : hasSeveralSessions(call)
          ? findSession(call, subject.sessionId)
          : undefined
    if (!session) return fail('CODE_INVALID', '这个签到码与活动的场次不符，请扫描组织者屏幕上当前的二维码')
    if (!isSessionCheckInOpen(call, session, now))
      return fail('CLOSED', sessionClosedMessage(call, session, now))
    const { seat, others } = await seatInSession(call, openid, session.id)
    if (!seat || !ON_THE_DAY.includes(seat.status)) {
      if (others.length === 0) return fail('NOT_SIGNED_UP')
      return fail(
        'NOT_SIGNED_UP',
        `这是「${sessionLabel(session)}」的签到码，你报名的是 ${sessionsInWords(call, others)}`,
      )
    }
    // The NGO only for a check-out's hours rule (or for a call stored before it kept its NGO's name).
    const ngo = subject.mode === 'out' || !call.ngo ? await findById('ngos', call.ngoId) : null
    if (!call.ngo && !ngo) return fail('NOT_FOUND')
    const result =
      subject.mode === 'in' ? await recordCheckIn(seat, now) : await checkOut(seat, ruleOf(ngo ?? {}), now)
    if ('ok' in result) return result
    return ok({
      attendance: toAttendanceView(result, false, call),
      call: toCallCard(call, ngo?.name ?? call.ngo?.name),
    })
  },
})
