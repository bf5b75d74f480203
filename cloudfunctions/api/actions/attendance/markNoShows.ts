// After the call's end: every seat holder who never checked in is a no-show. The seat stays counted (it was
// taken), so no counter changes; a no-show who did come can still be checked in by hand.
import type { MarkNoShowsResponse } from '@core/attendance/contract'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import { isPast } from '@core/calls/rules'
import { validateCallId } from '@core/calls/validate'
import { collection, updateWhere } from '@lib/cloud/db'
import { defineAction } from '@functions/api/gate'

export const markNoShows = defineAction({
  who: 'organizers',
  resource: 'call',
  validate: validateCallId,
  run: async ({ call, now }): Promise<ApiResult<MarkNoShowsResponse>> => {
    if (call.status === 'cancelled') return fail('CALL_CANCELLED')
    if (!isPast(call, now)) return fail('NOT_ENDED')
    const noShows = await updateWhere(
      collection('signups').where({ callId: call._id, status: 'confirmed' }),
      {
        status: 'no_show',
        updatedAt: now,
      },
    )
    return ok({ noShows })
  },
})
