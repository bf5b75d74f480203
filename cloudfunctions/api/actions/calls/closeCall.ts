// Stop taking sign-ups. Existing sign-ups stay, and so does the waitlist: a seat freed later still goes to it.
import type { CloseCallResponse } from '@core/calls/contract'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import { validateCloseCall } from '@core/calls/validate'
import { toCallDetail, toNgoOnCall } from '@core/calls/views'
import { collection, findById, updateWhere } from '@lib/cloud/db'
import { refreshGroupCards } from '@lib/sharing/group-cards'
import { defineAction } from '@functions/api/gate'

export const closeCall = defineAction({
  who: 'organizers',
  resource: 'call',
  changesPublicCall: true,
  validate: validateCloseCall,
  run: async ({ call, ngo, now }): Promise<ApiResult<CloseCallResponse>> => {
    if (call.status === 'cancelled') return fail('CALL_CANCELLED')
    // Only an open call closes (a draft takes no sign-ups anyway); closing again changes nothing.
    await updateWhere(collection('calls').where({ _id: call._id, status: 'open' }), {
      status: 'closed',
      updatedAt: now,
    })
    const latest = (await findById('calls', call._id)) ?? call
    if (latest.status === 'cancelled') return fail('CALL_CANCELLED')
    await refreshGroupCards(latest, now)
    return ok({ call: toCallDetail(latest, toNgoOnCall(ngo), [], now) })
  },
})
