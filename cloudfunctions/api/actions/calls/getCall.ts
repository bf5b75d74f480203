// One call as its detail page shows it; works for anonymous visitors (timeline shares open without login).
import type { CallDetail } from '@core/calls/contract'
import { type ApiResult, ok } from '@core/shared/errors'
import { signUpId } from '@core/calls/rules'
import { validateGetCall } from '@core/calls/validate'
import { toCallDetail } from '@core/calls/views'
import { findById } from '@lib/cloud/db'
import { waitRank } from '@lib/waitlist/waitlist'
import { defineAction } from '@functions/api/gate'

export const getCall = defineAction({
  who: 'everyone',
  resource: 'visibleCall',
  validate: validateGetCall,
  run: async ({ call, ngo, openid, now }): Promise<ApiResult<CallDetail>> => {
    const mine = openid ? await findById('signups', signUpId(call._id, openid)) : null
    return ok(toCallDetail(call, ngo, mine, now, mine ? await waitRank(mine) : undefined))
  },
})
