// A call's roster for its own organizers: every sign-up with full phone numbers and answers, in tabs.
import { fail, ok } from '../../../src/core/errors'
import type { RosterResponse } from '../../../src/core/ngo-api'
import { rosterCounts, toRoster } from '../../../src/core/roster'
import { validateCallId } from '../../../src/core/schemas'
import { toCallCard } from '../../../src/core/views'
import { allSignUps } from '../../lib/signups'
import type { ActionHandler } from '../caller'
import { findManagedCall } from '../managedCall'

export const roster: ActionHandler<RosterResponse> = async (event, { openid }) => {
  if (!openid) return fail('UNAUTHENTICATED')
  const input = validateCallId(event)
  if (!input.ok) return fail('INVALID_INPUT', undefined, input.fields)
  const managed = await findManagedCall(input.value.callId, openid)
  if ('code' in managed) return managed
  const { call, ngo } = managed
  const entries = toRoster(await allSignUps(call._id))
  return ok({
    call: { ...toCallCard(call, ngo.name), questions: call.questions },
    counts: rosterCounts(entries),
    entries,
  })
}
