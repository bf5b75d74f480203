// A draft goes live: only for a verified NGO, and only while its sign-up period is still ahead.
import { checkPublishable } from '@core/calls/call-form'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import type { PublishCallResponse } from '@core/calls/contract'
import { emptySlots, totalCapacity } from '@core/calls/slots'
import { validateCallId } from '@core/calls/validate'
import { toCallDetail, toNgoOnCall } from '@core/calls/views'
import { collection, findById, updateWhere } from '@lib/cloud/db'
import { defineAction } from '@functions/api/gate'

export const publishCall = defineAction({
  who: 'organizers',
  resource: 'call',
  changesPublicCall: true,
  validate: validateCallId,
  run: async ({ call, ngo, now }): Promise<ApiResult<PublishCallResponse>> => {
    if (ngo.status !== 'verified') return fail('NGO_NOT_VERIFIED')
    if (call.status === 'draft') {
      const errors = checkPublishable(call, now)
      if (Object.keys(errors).length > 0) return fail('INVALID_INPUT', undefined, errors)
      // A call of several sessions or roles goes live with its slots, all empty, and its places summed.
      const slots = emptySlots(call)
      const layout = slots ? { slots, capacity: totalCapacity(slots) } : {}
      await updateWhere(collection('calls').where({ _id: call._id, status: 'draft' }), {
        status: 'open',
        ...layout,
        updatedAt: now,
      })
    } else if (call.status === 'cancelled') return fail('CALL_CANCELLED')
    // publishing again answers the same
    const latest = (await findById('calls', call._id)) ?? call
    return ok({ call: toCallDetail(latest, toNgoOnCall(ngo), [], now) })
  },
})
