// A call's notices: all of them for its organizers; for a volunteer those addressed to their sign-up as it stands
// (the permission table lets anyone signed in ask: whether they signed up is this action's to check).
import { fail, ok } from '../../../src/core/errors'
import type { CallNoticesResponse } from '../../../src/core/notice-api'
import { readsNotice } from '../../../src/core/notices'
import { signUpId } from '../../../src/core/rules'
import { validateCallId } from '../../../src/core/schemas'
import { findById } from '../../lib/db'
import { noticesOf, remainingToday, toNoticeView } from '../../lib/notices'
import type { ActionHandler } from '../caller'

export const callNotices: ActionHandler<CallNoticesResponse> = async (event, { openid, now }) => {
  if (!openid) return fail('UNAUTHENTICATED')
  const input = validateCallId(event)
  if (!input.ok) return fail('INVALID_INPUT', undefined, input.fields)
  const { callId } = input.value
  const call = await findById('calls', callId)
  const ngo = call && (await findById('ngos', call.ngoId))
  if (!call || !ngo) return fail('NOT_FOUND')

  if (ngo.admins.includes(openid)) {
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
}
