// A call's roster for its own organizers: every sign-up with full phone numbers and answers, in tabs.
import { type ApiResult, ok } from '@core/shared/errors'
import type { RosterResponse } from '@core/calls/contract'
import { rosterCounts, toRoster } from '@core/calls/roster'
import { validateCallId } from '@core/calls/validate'
import { toCallCard } from '@core/calls/views'
import { allSignUps } from '@lib/calls/signups'
import { defineAction } from '@functions/api/gate'

export const roster = defineAction({
  who: 'organizers',
  resource: 'call',
  validate: validateCallId,
  run: async ({ call, ngo }): Promise<ApiResult<RosterResponse>> => {
    const entries = toRoster(await allSignUps(call._id))
    return ok({
      call: { ...toCallCard(call, ngo.name), questions: call.questions },
      counts: rosterCounts(entries),
      entries,
    })
  },
})
