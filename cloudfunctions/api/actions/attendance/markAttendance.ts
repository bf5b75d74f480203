// The organizer checks one person in or out: by scanning their personal code, or by hand from the list. On a
// call of several sessions the screen shows one session: a personal code checks in the person's seat in it, and a
// row of another session is refused with the session the person did sign up for.
import {
  canRecordAttendance,
  checkInClosedMessage,
  ON_THE_DAY,
  toAttendanceView,
} from '@core/attendance/attendance'
import type { MarkAttendanceResponse } from '@core/attendance/contract'
import {
  canRecordSessionAttendance,
  chosenSession,
  findSession,
  sessionClosedMessage,
  sessionIdOf,
  sessionsInWords,
} from '@core/attendance/sessions'
import { validateMarkAttendance } from '@core/attendance/validate'
import { sessionLabel } from '@core/calls/session-text'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import type { SignUp } from '@core/model'
import { checkIn, checkOut, ruleOf, seatInSession } from '@lib/attendance/attendance'
import { readCode } from '@lib/attendance/checkin-codes'
import { readPass } from '@lib/attendance/offline-passes'
import { looksLikePass } from '@core/attendance/offline-pass'
import type { ApiError } from '@core/shared/errors'
import { findById } from '@lib/cloud/db'
import { defineAction } from '@functions/api/gate'

export const markAttendance = defineAction({
  who: 'organizers',
  resource: 'call',
  validate: validateMarkAttendance,
  run: async ({ input, call, ngo, now }): Promise<ApiResult<MarkAttendanceResponse>> => {
    if (!canRecordAttendance(call, now)) return fail('CLOSED', checkInClosedMessage(call, now))
    // the session the screen shows: named (an id the call lacks is INVALID_INPUT), or for a code the current one
    const named = input.sessionId === undefined ? undefined : chosenSession(call, input.sessionId, now)
    if (named && 'ok' in named) return named

    let signUp: SignUp | null | undefined
    if (input.personalCode !== undefined) {
      const session = named ?? chosenSession(call, undefined, now)
      if ('ok' in session) return session
      // the volunteer's offline pass (their phone had no signal when 我的签到码 opened) names its session itself
      const openid = looksLikePass(input.personalCode)
        ? passHolder(input.personalCode, call._id, session.id, now)
        : personHolder(input.personalCode, now)
      if (typeof openid !== 'string') return openid
      const { seat, others } = await seatInSession(call, openid, session.id)
      if (!seat && others.length > 0) {
        return fail(
          'NOT_SIGNED_UP',
          `此人报名的是 ${sessionsInWords(call, others)}，不是本场（${sessionLabel(session)}）`,
        )
      }
      signUp = seat
    } else {
      signUp = await findById('signups', input.signUpId ?? '')
    }
    if (!signUp || signUp.callId !== call._id) return fail('NOT_SIGNED_UP', '此人没有报名这个活动')
    if (!ON_THE_DAY.includes(signUp.status)) {
      return fail('NOT_SIGNED_UP', '此人没有名额（候补或已取消），不能签到')
    }
    const own = findSession(call, sessionIdOf(signUp))
    if (named && own?.id !== named.id) {
      return fail(
        'NOT_SIGNED_UP',
        `此人报名的是 ${sessionsInWords(call, [signUp])}，不是本场（${sessionLabel(named)}）`,
      )
    }
    if (own && !canRecordSessionAttendance(call, own, now)) {
      return fail('CLOSED', sessionClosedMessage(call, own, now))
    }
    const result = input.mode === 'in' ? await checkIn(signUp, now) : await checkOut(signUp, ruleOf(ngo), now)
    if ('ok' in result) return result
    return ok({ attendance: toAttendanceView(result, true, call) })
  },
})

/** The openid a 60-second personal code names. */
function personHolder(code: string, now: number): string | ApiError {
  const subject = readCode(code, now)
  if ('ok' in subject) return subject
  if (subject.kind !== 'person') return fail('CODE_INVALID', '这是活动的签到码，请扫描志愿者的个人签到码')
  return subject.openid
}

/** The openid an offline pass names, if it is genuine, for this session and good now. */
function passHolder(code: string, callId: string, sessionId: string, now: number): string | ApiError {
  const check = readPass(code, { callId, sessionId }, now)
  if (check.ok) return check.pass.openid
  return fail(check.reason === 'expired' ? 'CODE_EXPIRED' : 'CODE_INVALID', check.message)
}
