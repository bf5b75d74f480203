// One call as its detail page shows it; works for anonymous visitors (timeline shares open without login).
import type { CallDetail } from '../../../src/core/api'
import { type ApiResult, ok } from '../../../src/core/errors'
import { signUpId } from '../../../src/core/rules'
import { validateGetCall } from '../../../src/core/schemas'
import { toCallDetail } from '../../../src/core/views'
import { findById } from '../../lib/db'
import { waitRank } from '../../lib/waitlist'
import { defineAction } from '../gate'

export const getCall = defineAction({
  who: 'everyone',
  resource: 'visibleCall',
  validate: validateGetCall,
  run: async ({ call, ngo, openid, now }): Promise<ApiResult<CallDetail>> => {
    const mine = openid ? await findById('signups', signUpId(call._id, openid)) : null
    return ok(toCallDetail(call, ngo, mine, now, mine ? await waitRank(mine) : undefined))
  },
})
