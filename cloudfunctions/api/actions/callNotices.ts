// A call's notices: all of them for its organizers; for a volunteer those addressed to their sign-up as it stands
// (anyone signed in may ask: whether they signed up is this action's to check).
import { type ApiResult, fail, ok } from '@core/errors'
import type { CallNoticesResponse } from '@core/notice-api'
import { isOrganizer } from '@core/authorization'
import { readsNotice } from '@core/notices'
import { signUpId } from '@core/rules'
import { validateCallId } from '@core/schemas'
import { findById } from '@lib/db'
import { noticesOf, remainingToday, toNoticeView } from '@lib/notices'
import { defineAction } from '@functions/api/gate'

export const callNotices = defineAction({
  who: 'signedIn',
  resource: 'call',
  validate: validateCallId,
  run: async ({ call, ngo, openid, now, roles }): Promise<ApiResult<CallNoticesResponse>> => {
    const callId = call._id

    if (isOrganizer(roles)) {
      const notices = await noticesOf(callId)
      return ok({
        notices: notices.map((n) => toNoticeView(n, ngo)),
        remainingToday: await remainingToday(callId, now),
      })
    }
    const signUp = await findById('signups', signUpId(callId, openid))
    if (!signUp || signUp.status === 'cancelled') return fail('NOT_SIGNED_UP')
    const notices = await noticesOf(callId)
    return ok({
      notices: notices.filter((n) => readsNotice(signUp.status, n.audience)).map((n) => toNoticeView(n, ngo)),
    })
  },
})
