// The organizer changes a slot's places (on a call of one slot: the call's). More give seats to the slot's
// waitlist at once; fewer than the seats taken are refused. One update, conditional on the places read and on the
// seats taken fitting, so a sign-up landing meanwhile cannot be squeezed out.
import { capacityTooSmall } from '@core/calls/call-edit'
import type { SessionEditResponse } from '@core/calls/contract'
import { validateSetSlotCapacity } from '@core/calls/session-edit'
import { counterFields, slotOf } from '@core/calls/slots'
import { toCallDetail, toNgoOnCall } from '@core/calls/views'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import type { Call } from '@core/model'
import { _ } from '@lib/cloud/cloud'
import { collection, updateWhere } from '@lib/cloud/db'
import { EDIT_ATTEMPTS, reread } from '@lib/calls/session-edits'
import { refreshGroupCards } from '@lib/sharing/group-cards'
import { promote } from '@lib/waitlist/waitlist'
import { defineAction } from '@functions/api/gate'

export const setSlotCapacity = defineAction({
  who: 'organizers',
  resource: 'call',
  changesPublicCall: true,
  validate: validateSetSlotCapacity,
  run: async ({ input, call: loaded, ngo, now }): Promise<ApiResult<SessionEditResponse>> => {
    const { slot, capacity } = input
    let call: Call | null = loaded
    let settled = false
    for (let attempt = 0; attempt < EDIT_ATTEMPTS && call && !settled; attempt++) {
      if (call.status === 'cancelled') return fail('CALL_CANCELLED')
      const counters = slotOf(call, slot)
      if (!counters) return fail('INVALID_INPUT', undefined, { slot: '活动没有这个场次' })
      if (counters.cancelled) return fail('INVALID_INPUT', undefined, { slot: '这个场次已取消' })
      if (capacity < counters.confirmed)
        return fail('INVALID_INPUT', undefined, { capacity: capacityTooSmall(counters.confirmed) })
      settled = capacity === counters.capacity // nothing to change (or a retry of a change already made)
      if (settled) break
      const fields = counterFields(call, slot)
      const where: Record<string, unknown> = {
        _id: call._id,
        status: _.neq('cancelled'),
        [fields.capacity]: counters.capacity,
        [fields.confirmed]: _.lte(capacity),
      }
      if (!fields.totals) where.slots = _.exists(false)
      const data: Record<string, unknown> = { [fields.capacity]: capacity, updatedAt: now }
      if (fields.totals) data.capacity = _.inc(capacity - counters.capacity)
      settled = (await updateWhere(collection('calls').where(where), data)) === 1
      if (!settled) call = await reread(call)
    }
    if (!call) return fail('NOT_FOUND')
    if (!settled) throw new Error(`call ${call._id} kept changing while its places were set`)
    const promoted = await promote(call._id, slot, now)
    const latest = (await reread(call)) ?? call
    if (latest.capacity !== loaded.capacity || promoted > 0) await refreshGroupCards(latest, now)
    return ok({ call: toCallDetail(latest, toNgoOnCall(ngo), [], now), notified: 0, promoted })
  },
})
