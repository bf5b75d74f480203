// Records what the volunteer accepted in WeChat's subscribe sheet, on their sign-up: one more message per
// accepted template (an atomic increment, so concurrent reports add up), once per tap: the increment and the tap's
// request id are written in one conditional update, so a retried report of the same tap counts nothing more. WeChat keeps the real count and offers
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
  const { accepted, requestId } = input.value
  if (accepted.length > 0) {
    const data: Record<string, unknown> = { updatedAt: now, subscriptionRequests: _.push([requestId]) }
    for (const templateId of accepted) data[`subscriptions.${templateId}`] = _.inc(1)
    // 0 updated: not signed up (answered below), or this tap was already counted (then the counts stand).
    await updateWhere(
      collection('signups').where({
        _id: id,
        status: _.in(['confirmed', 'waitlisted']),
        subscriptionRequests: _.nin([requestId]),
      }),
      data,
    )
  }
  const signUp = await findById('signups', id)
  if (!signUp || (signUp.status !== 'confirmed' && signUp.status !== 'waitlisted'))
    return fail('NOT_SIGNED_UP')
  const subscriptions = signUp.subscriptions ?? {}
  return ok({ subscriptions, reminder: (subscriptions[all.starting.id] ?? 0) > 0 })
}
