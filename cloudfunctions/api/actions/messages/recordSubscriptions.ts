// Records what the volunteer accepted in WeChat's subscribe sheet, on their sign-up: one more message per
// accepted template (an atomic increment, so concurrent reports add up), once per tap: the increment and the tap's
// request id are written in one conditional update, so a retried report of the same tap counts nothing more. WeChat keeps the real count and offers
// no way to read it; the `remind` run counts down as it uses them.
import { validateRecordSubscriptions } from '@core/messages/validate'
import { type RecordSubscriptionsResponse } from '@core/messages/contract'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import { signUpIdFor } from '@core/calls/slots'
import { _ } from '@lib/cloud/cloud'
import { collection, findById, updateWhere } from '@lib/cloud/db'
import { templates } from '@lib/messages/templates'
import { defineAction } from '@functions/api/gate'

export const recordSubscriptions = defineAction({
  who: 'signedIn',
  resource: 'none',
  validate: (event) =>
    validateRecordSubscriptions(
      event,
      Object.values(templates()).map((t) => t.id),
    ),
  run: async ({ input, openid, now }): Promise<ApiResult<RecordSubscriptionsResponse>> => {
    const all = templates()
    const id = signUpIdFor(input.callId, openid)
    const { accepted, requestId } = input
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
  },
})
