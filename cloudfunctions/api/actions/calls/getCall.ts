// One call as its detail page shows it; works for anonymous visitors (timeline shares open without login).
import type { CallDetail } from '@core/calls/contract'
import { type ApiResult, ok } from '@core/shared/errors'
import { validateGetCall } from '@core/calls/validate'
import { toCallDetail } from '@core/calls/views'
import { signUpsOf } from '@lib/calls/signups'
import { defineAction } from '@functions/api/gate'
import { waitRanks } from '@functions/api/signUpView'

export const getCall = defineAction({
  who: 'everyone',
  resource: 'visibleCall',
  validate: validateGetCall,
  run: async ({ call, ngo, openid, now }): Promise<ApiResult<CallDetail>> => {
    const mine = openid ? await signUpsOf(call, openid) : []
    return ok(toCallDetail(call, ngo, mine, now, await waitRanks(call, mine)))
  },
})
