// Records what the volunteer accepted in WeChat's subscribe sheet, on their sign-up: one more message per
// accepted template (an atomic increment, so concurrent reports add up). WeChat keeps the real count and offers
// no way to read it; the `remind` run counts down as it uses them.
import { validateRecordSubscriptions, type RecordSubscriptionsResponse } from '../../../src/core/reminder-api'
import { fail, ok } from '../../../src/core/errors'
import { signUpId } from '../../../src/core/rules'
import { _ } from '../../lib/cloud'
import { collection, findById, updateWhere } from '../../lib/db'
import { templates } from '../../lib/templates'
import type { ActionHandler } from '../caller'

export const recordSubscriptions: ActionHandler<RecordSubscriptionsResponse> = async (
  event,
  { openid, now },
) => {
  if (!openid) return fail('UNAUTHENTICATED')
  const all = templates()
  const input = validateRecordSubscriptions(
    event,
    Object.values(all).map((t) => t.id),
  )
  if (!input.ok) return fail('INVALID_INPUT', undefined, input.fields)
  const id = signUpId(input.value.callId, openid)
  const active = { _id: id, status: _.in(['confirmed', 'waitlisted']) }
  if (input.value.accepted.length > 0) {
    const data: Record<string, unknown> = { updatedAt: now }
    for (const templateId of input.value.accepted) data[`subscriptions.${templateId}`] = _.inc(1)
    if ((await updateWhere(collection('signups').where(active), data)) === 0) return fail('NOT_SIGNED_UP')
  }
  const signUp = await findById('signups', id)
  if (!signUp || (signUp.status !== 'confirmed' && signUp.status !== 'waitlisted'))
    return fail('NOT_SIGNED_UP')
  const subscriptions = signUp.subscriptions ?? {}
  return ok({ subscriptions, reminder: (subscriptions[all.starting.id] ?? 0) > 0 })
}
