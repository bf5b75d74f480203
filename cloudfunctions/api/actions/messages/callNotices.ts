// A call's notices: all of them for its organizers; for a volunteer those addressed to their sign-up as it stands
// (anyone signed in may ask: whether they signed up is this action's to check).
import { type ApiResult, fail, ok } from '@core/shared/errors'
import type { CallNoticesResponse } from '@core/messages/contract'
import { isOrganizer } from '@core/ngos/authorization'
import { readsNotice } from '@core/messages/notices'
import { signUpIdFor } from '@core/calls/slots'
import { validateCallId } from '@core/calls/validate'
import { findById } from '@lib/cloud/db'
import { noticesOf, remainingToday, toNoticeView } from '@lib/messages/organizer-notices'
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
    const signUp = await findById('signups', signUpIdFor(callId, openid))
    if (!signUp || signUp.status === 'cancelled') return fail('NOT_SIGNED_UP')
    const notices = await noticesOf(callId)
    return ok({
      notices: notices.filter((n) => readsNotice(signUp.status, n.audience)).map((n) => toNoticeView(n, ngo)),
    })
  },
})
