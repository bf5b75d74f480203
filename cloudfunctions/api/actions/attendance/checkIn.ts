// A volunteer scanned the call's code: their seat is checked in (or out). The call comes from the code alone, so a
// code of another call can only ever check into that call, where this volunteer has no seat.
import {
  checkInClosedMessage,
  isCheckInOpen,
  ON_THE_DAY,
  toAttendanceView,
} from '@core/attendance/attendance'
import type { CheckInResponse } from '@core/attendance/contract'
import { validateCheckIn } from '@core/attendance/validate'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import { signUpIdFor } from '@core/calls/slots'
import { toCallCard } from '@core/calls/views'
import { checkIn as recordCheckIn, checkOut, ruleOf } from '@lib/attendance/attendance'
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
    // The call and the scanner's sign-up, read together; the NGO only for a check-out's hours rule (or for a call
    // stored before it kept its NGO's name). A first check-in is three round trips, a repeated scan two.
    const [call, signUp] = await Promise.all([
      findById('calls', subject.callId),
      findById('signups', signUpIdFor(subject.callId, openid)),
    ])
    if (!call) return fail('NOT_FOUND')
    if (!isCheckInOpen(call, now)) return fail('CLOSED', checkInClosedMessage(call, now))
    if (!signUp || !ON_THE_DAY.includes(signUp.status)) return fail('NOT_SIGNED_UP')
    const ngo = subject.mode === 'out' || !call.ngo ? await findById('ngos', call.ngoId) : null
    if (!call.ngo && !ngo) return fail('NOT_FOUND')
    const result =
      subject.mode === 'in'
        ? await recordCheckIn(signUp, now)
        : await checkOut(signUp, ruleOf(ngo ?? {}), now)
    if ('ok' in result) return result
    return ok({
      attendance: toAttendanceView(result, false),
      call: toCallCard(call, ngo?.name ?? call.ngo?.name),
    })
  },
})
