// The organizer's check-in screen: the call's current code (in or out), good for its 60-second window.
import { checkInClosedMessage, isCheckInOpen } from '@core/attendance/attendance'
import type { CheckInCodeResponse } from '@core/attendance/contract'
import { validateCheckInCode } from '@core/attendance/validate'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import { issueCode } from '@lib/attendance/checkin-codes'
import { defineAction } from '@functions/api/gate'

export const checkInCode = defineAction({
  who: 'organizers',
  resource: 'call',
  validate: validateCheckInCode,
  run: async ({ input, call, now }): Promise<ApiResult<CheckInCodeResponse>> => {
    if (!isCheckInOpen(call, now)) return fail('CLOSED', checkInClosedMessage(call, now))
    return ok({ ...issueCode({ kind: 'call', callId: call._id, mode: input.mode }, now), now })
  },
})
