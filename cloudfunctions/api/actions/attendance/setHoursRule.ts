// The NGO's rounding rule for hours. It applies to check-outs from now on; hours already recorded keep their value
// (the organizer edits them, with a reason, if they should change).
import type { SetHoursRuleResponse } from '@core/attendance/contract'
import { validateSetHoursRule } from '@core/attendance/validate'
import { type ApiResult, ok } from '@core/shared/errors'
import { collection, updateWhere } from '@lib/cloud/db'
import { defineAction } from '@functions/api/gate'

export const setHoursRule = defineAction({
  who: 'organizers',
  resource: 'ngo',
  validate: validateSetHoursRule,
  run: async ({ input, ngo, now }): Promise<ApiResult<SetHoursRuleResponse>> => {
    const { rule } = input
    await updateWhere(collection('ngos').where({ _id: ngo._id }), { hoursRule: rule, updatedAt: now })
    return ok({ rule })
  },
})
