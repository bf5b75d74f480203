// A platform admin verifies a registration: from now on the NGO may publish calls and wears 「已认证」.
import { type ApiResult, fail, ok } from '@core/shared/errors'
import { toNgoReview, validateReviewNgo } from '@core/ngos/ngo'
import type { ReviewNgoResponse } from '@core/ngos/contract'
import { _ } from '@lib/cloud/cloud'
import { collection, findById, updateWhere } from '@lib/cloud/db'
import { syncNgoOnCalls } from '@lib/ngos/ngo-on-calls'
import { defineAction } from '@functions/api/gate'

export const verifyNgo = defineAction({
  who: 'platform',
  resource: 'ngo',
  validate: validateReviewNgo,
  run: async ({ ngo, now }): Promise<ApiResult<ReviewNgoResponse>> => {
    const ngoId = ngo._id
    // verifying twice answers the same; a suspended NGO is not brought back by this action
    await updateWhere(collection('ngos').where({ _id: ngoId, status: _.in(['pending', 'rejected']) }), {
      status: 'verified',
      rejectReason: _.remove(),
      updatedAt: now,
    })
    const latest = (await findById('ngos', ngoId)) ?? ngo
    await syncNgoOnCalls(ngoId) // its calls go public with it
    if (latest.status !== 'verified') return fail('INVALID_INPUT', '该机构已被暂停，不能认证')
    return ok({ ngo: toNgoReview(latest) })
  },
})
