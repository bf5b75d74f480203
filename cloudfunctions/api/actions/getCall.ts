// One call as its detail page shows it; works for anonymous visitors (timeline shares open without login).
import type { CallDetail } from '../../../src/core/api'
import { fail, ok } from '../../../src/core/errors'
import { signUpId } from '../../../src/core/rules'
import { validateGetCall } from '../../../src/core/schemas'
import { toCallDetail } from '../../../src/core/views'
import { findById } from '../../lib/db'
import { waitRank } from '../../lib/waitlist'
import type { ActionHandler } from '../caller'
import { findVisibleCall } from '../visibleCall'

export const getCall: ActionHandler<CallDetail> = async (event, { openid, now }) => {
  const input = validateGetCall(event)
  if (!input.ok) return fail('INVALID_INPUT', undefined, input.fields)
  const found = await findVisibleCall(input.value.callId, openid)
  if (!found) return fail('NOT_FOUND')
  const mine = openid ? await findById('signups', signUpId(found.call._id, openid)) : null
  return ok(toCallDetail(found.call, found.ngo, mine, now, mine ? await waitRank(mine) : undefined))
}
