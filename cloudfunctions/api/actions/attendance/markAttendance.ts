// The organizer checks one person in or out: by scanning their personal code, or by hand from the list.
import {
  canRecordAttendance,
  checkInClosedMessage,
  ON_THE_DAY,
  toAttendanceView,
} from '@core/attendance/attendance'
import type { MarkAttendanceResponse } from '@core/attendance/contract'
import { validateMarkAttendance } from '@core/attendance/validate'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import { signUpIdFor } from '@core/calls/slots'
import { checkIn, checkOut, ruleOf } from '@lib/attendance/attendance'
import { readCode } from '@lib/attendance/checkin-codes'
import { findById } from '@lib/cloud/db'
import { defineAction } from '@functions/api/gate'

export const markAttendance = defineAction({
  who: 'organizers',
  resource: 'call',
  validate: validateMarkAttendance,
  run: async ({ input, call, ngo, now }): Promise<ApiResult<MarkAttendanceResponse>> => {
    if (!canRecordAttendance(call, now)) return fail('CLOSED', checkInClosedMessage(call, now))

    let id = input.signUpId ?? ''
    if (input.personalCode !== undefined) {
      const subject = readCode(input.personalCode, now)
      if ('ok' in subject) return subject
      if (subject.kind !== 'person') return fail('CODE_INVALID', '这是活动的签到码，请扫描志愿者的个人签到码')
      id = signUpIdFor(call._id, subject.openid)
    }
    const signUp = await findById('signups', id)
    if (!signUp || signUp.callId !== call._id) return fail('NOT_SIGNED_UP', '此人没有报名这个活动')
    if (!ON_THE_DAY.includes(signUp.status)) {
      return fail('NOT_SIGNED_UP', '此人没有名额（候补或已取消），不能签到')
    }
    const result = input.mode === 'in' ? await checkIn(signUp, now) : await checkOut(signUp, ruleOf(ngo), now)
    if ('ok' in result) return result
    return ok({ attendance: toAttendanceView(result, true) })
  },
})
