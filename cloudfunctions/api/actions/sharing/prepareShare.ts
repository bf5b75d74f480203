// Before a share: the caller's referrer code (for the share path) and a live group card's activity id.
import { type ApiResult, ok } from '@core/shared/errors'
import { validateCallId } from '@core/calls/validate'
import type { PrepareShareResponse } from '@core/sharing/contract'
import { activityFor } from '@lib/sharing/group-cards'
import { referrerCodeFor } from '@lib/sharing/referrers'
import { defineAction } from '@functions/api/gate'

export const prepareShare = defineAction({
  who: 'signedIn',
  resource: 'visibleCall',
  validate: validateCallId,
  run: async ({ call, openid, now }): Promise<ApiResult<PrepareShareResponse>> => {
    const referrerCode = await referrerCodeFor(openid, now)
    const activityId = await activityFor(call._id, openid, now)
    return ok({ referrerCode, activityId })
  },
})
