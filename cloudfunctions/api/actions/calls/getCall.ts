// One call as its detail page shows it; works for anonymous visitors (timeline shares open without login).
import type { CallDetail } from '@core/calls/contract'
import { type ApiResult, ok } from '@core/shared/errors'
import { validateGetCall } from '@core/calls/validate'
import { toCallDetail } from '@core/calls/views'
import { signUpsOf } from '@lib/calls/signups'
import { insuranceOnFile } from '@lib/privacy/insurance'
import { defineAction } from '@functions/api/gate'
import { waitRanks } from '@functions/api/signUpView'

export const getCall = defineAction({
  who: 'everyone',
  resource: 'visibleCall',
  validate: validateGetCall,
  run: async ({ call, ngo, openid, now }): Promise<ApiResult<CallDetail>> => {
    const mine = openid ? await signUpsOf(call, openid) : []
    const detail = toCallDetail(call, ngo, mine, now, await waitRanks(call, mine))
    // only for someone who signed up: the masked copy of what they gave (the form offers to keep it)
    const onFile =
      call.insurance && mine.length > 0 && openid ? await insuranceOnFile(call._id, openid) : null
    if (onFile) detail.myInsurance = onFile
    return ok(detail)
  },
})
