// A platform admin turns a pending registration down, with a reason the NGO sees and can act on.
import { type ApiResult, fail, ok } from '@core/shared/errors'
import { toNgoReview, validateRejectNgo } from '@core/ngos/ngo'
import type { ReviewNgoResponse } from '@core/ngos/contract'
import { collection, findById, updateWhere } from '@lib/cloud/db'
import { syncNgoOnCalls } from '@lib/ngos/ngo-on-calls'
import { defineAction } from '@functions/api/gate'

export const rejectNgo = defineAction({
  who: 'platform',
  resource: 'ngo',
  validate: validateRejectNgo,
  run: async ({ input, ngo, now }): Promise<ApiResult<ReviewNgoResponse>> => {
    const { reason } = input
    const ngoId = ngo._id
    if (ngo.status !== 'pending' && ngo.status !== 'rejected')
      return fail('INVALID_INPUT', '只能驳回待审核的机构')
    await updateWhere(collection('ngos').where({ _id: ngoId, status: ngo.status }), {
      status: 'rejected',
      rejectReason: reason,
      updatedAt: now,
    })
    const latest = (await findById('ngos', ngoId)) ?? ngo
    await syncNgoOnCalls(ngoId)
    return ok({ ngo: toNgoReview(latest) })
  },
})
