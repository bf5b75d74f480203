// The activity will not take place. Sign-ups keep their status (the call's status tells the story, and the
// volunteers' lists still show what they had); each confirmed or waitlisted volunteer gets one `cancelled`
// message. A retry, e.g. after a timeout halfway through the messages, queues the missing ones and no others.
import type { CancelCallResponse } from '@core/calls/contract'
import { type ApiResult, ok } from '@core/shared/errors'
import { cancelledMessage } from '@core/messages/messages'
import { validateCancelCall } from '@core/calls/validate'
import { toCallDetail, toNgoOnCall } from '@core/calls/views'
import { _ } from '@lib/cloud/cloud'
import { collection, findById, updateWhere } from '@lib/cloud/db'
import { refreshGroupCards } from '@lib/sharing/group-cards'
import { queueForVolunteers } from '@lib/messages/outbox'
import { defineAction } from '@functions/api/gate'

export const cancelCall = defineAction({
  who: 'organizers',
  resource: 'call',
  changesPublicCall: true,
  validate: validateCancelCall,
  run: async ({ input, call, ngo, now }): Promise<ApiResult<CancelCallResponse>> => {
    // From here on no seat or queue place can be taken (both need the call open, or open/closed for promotions).
    // The first cancel's time and reason are kept: a late-written sign-up is told the same (cancel-repair.ts).
    await updateWhere(collection('calls').where({ _id: call._id, status: _.neq('cancelled') }), {
      status: 'cancelled',
      cancelledAt: now,
      ...(input.reason ? { cancelReason: input.reason } : {}),
      updatedAt: now,
    })
    const latest = (await findById('calls', call._id)) ?? call
    await refreshGroupCards(latest, now)
    const notified = await queueForVolunteers(call._id, (signUp) =>
      cancelledMessage(latest, signUp, now, latest.cancelReason ?? input.reason),
    )
    return ok({ call: toCallDetail(latest, toNgoOnCall(ngo), [], now), notified })
  },
})
