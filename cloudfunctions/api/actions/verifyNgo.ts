// A platform admin verifies a registration: from now on the NGO may publish calls and wears 「已认证」.
import { fail, ok } from '../../../src/core/errors'
import { toNgoReview, validateReviewNgo } from '../../../src/core/ngo'
import type { ReviewNgoResponse } from '../../../src/core/ngo-api'
import { _ } from '../../lib/cloud'
import { collection, findById, updateWhere } from '../../lib/db'
import type { ActionHandler } from '../caller'

export const verifyNgo: ActionHandler<ReviewNgoResponse> = async (event, { now }) => {
  const input = validateReviewNgo(event)
  if (!input.ok) return fail('INVALID_INPUT', undefined, input.fields)
  const { ngoId } = input.value
  // verifying twice answers the same; a suspended NGO is not brought back by this action
  await updateWhere(collection('ngos').where({ _id: ngoId, status: _.in(['pending', 'rejected']) }), {
    status: 'verified',
    rejectReason: _.remove(),
    updatedAt: now,
  })
  const ngo = await findById('ngos', ngoId)
  if (!ngo) return fail('NOT_FOUND', '机构不存在')
  if (ngo.status !== 'verified') return fail('INVALID_INPUT', '该机构已被暂停，不能认证')
  return ok({ ngo: toNgoReview(ngo) })
}
