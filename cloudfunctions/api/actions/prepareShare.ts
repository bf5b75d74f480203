// Before a share: the caller's referrer code (for the share path) and a live group card's activity id.
import { fail, ok } from '../../../src/core/errors'
import { validateCallId } from '../../../src/core/schemas'
import type { PrepareShareResponse } from '../../../src/core/share-api'
import { activityFor } from '../../lib/group-cards'
import { referrerCodeFor } from '../../lib/referrers'
import type { ActionHandler } from '../caller'
import { findVisibleCall } from '../visibleCall'

export const prepareShare: ActionHandler<PrepareShareResponse> = async (event, { openid, now }) => {
  if (!openid) return fail('UNAUTHENTICATED')
  const input = validateCallId(event)
  if (!input.ok) return fail('INVALID_INPUT', undefined, input.fields)
  const found = await findVisibleCall(input.value.callId, openid)
  if (!found) return fail('NOT_FOUND')
  const referrerCode = await referrerCodeFor(openid, now)
  const activityId = await activityFor(found.call._id, openid, now)
  return ok({ referrerCode, activityId })
}
