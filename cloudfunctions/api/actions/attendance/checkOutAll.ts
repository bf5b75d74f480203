// The end of the day: everyone checked in and not yet out is checked out now, each with their own hours.
import { canRecordAttendance, checkInClosedMessage } from '@core/attendance/attendance'
import type { CheckOutAllResponse } from '@core/attendance/contract'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import { validateCallId } from '@core/calls/validate'
import { checkOut, ruleOf } from '@lib/attendance/attendance'
import { inParallel } from '@lib/cloud/parallel'
import { allSignUps } from '@lib/calls/signups'
import { defineAction } from '@functions/api/gate'

export const checkOutAll = defineAction({
  who: 'organizers',
  resource: 'call',
  validate: validateCallId,
  run: async ({ call, ngo, now }): Promise<ApiResult<CheckOutAllResponse>> => {
    if (!canRecordAttendance(call, now)) return fail('CLOSED', checkInClosedMessage(call, now))
    const here = (await allSignUps(call._id)).filter(
      (s) => s.status === 'attended' && s.checkedOutAt === undefined && s.hoursConfirmedAt === undefined,
    )
    let checkedOut = 0
    await inParallel(here, 5, async (signUp) => {
      const result = await checkOut(signUp, ruleOf(ngo), now)
      if (!('ok' in result) && result.checkedOutAt === now) checkedOut++
    })
    return ok({ checkedOut })
  },
})
