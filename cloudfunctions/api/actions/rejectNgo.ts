// A platform admin turns a pending registration down, with a reason the NGO sees and can act on.
import { fail, ok } from '../../../src/core/errors'
import { toNgoReview, validateRejectNgo } from '../../../src/core/ngo'
import type { ReviewNgoResponse } from '../../../src/core/ngo-api'
import { collection, findById, updateWhere } from '../../lib/db'
import type { ActionHandler } from '../caller'

export const rejectNgo: ActionHandler<ReviewNgoResponse> = async (event, { now }) => {
  const input = validateRejectNgo(event)
  if (!input.ok) return fail('INVALID_INPUT', undefined, input.fields)
  const { ngoId, reason } = input.value
  const ngo = await findById('ngos', ngoId)
  if (!ngo) return fail('NOT_FOUND', '机构不存在')
  if (ngo.status !== 'pending' && ngo.status !== 'rejected')
    return fail('INVALID_INPUT', '只能驳回待审核的机构')
  await updateWhere(collection('ngos').where({ _id: ngoId, status: ngo.status }), {
    status: 'rejected',
    rejectReason: reason,
    updatedAt: now,
  })
  const latest = (await findById('ngos', ngoId)) ?? ngo
  return ok({ ngo: toNgoReview(latest) })
}
