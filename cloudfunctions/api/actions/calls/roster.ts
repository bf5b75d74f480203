// A call's roster for its own organizers: every sign-up with full phone numbers and answers, in tabs; on a call of
// several slots, each row with its session and role, and optionally only one session's or one role's rows.
import { type ApiResult, ok } from '@core/shared/errors'
import type { RosterResponse } from '@core/calls/contract'
import { filterRoster, rosterCounts, rosterFilters, toRoster, validateRoster } from '@core/calls/roster'
import { toCallCard } from '@core/calls/views'
import { allSignUps } from '@lib/calls/signups'
import { withMaskedInsurance } from '@lib/privacy/insurance'
import { defineAction } from '@functions/api/gate'

export const roster = defineAction({
  who: 'organizers',
  resource: 'call',
  validate: validateRoster,
  run: async ({ input, call, ngo, roles }): Promise<ApiResult<RosterResponse>> => {
    const signUps = await allSignUps(call._id)
    const filtered = filterRoster(call, toRoster(signUps, call), input)
    if (!Array.isArray(filtered)) return filtered
    const entries = await withMaskedInsurance(call, signUps, filtered)
    return ok({
      call: { ...toCallCard(call, ngo.name), questions: call.questions },
      counts: rosterCounts(entries),
      entries,
      ...rosterFilters(call),
      ...(call.insurance ? { insurance: { ...call.insurance, canExport: roles.has('owner') } } : {}),
    })
  },
})
