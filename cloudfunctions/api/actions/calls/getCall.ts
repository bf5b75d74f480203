// One call as its detail page shows it; works for anonymous visitors (timeline shares open without login).
// What every visitor sees alike (the call) may come from the instance's copy, a few seconds stale, so a call shared
// into big group chats costs the database no read per visitor for it; what is the visitor's own (their sign-ups,
// their place in the queue, their insurance details on file) is read each time: one query when they have none.
// Someone who has a sign-up here (they just signed up, or cancelled) sees the call as stored now.
// When the database refuses the visitor's own part (past the quota) on a public call, the call's page (which asks
// with `mineLater`) gets the call without it, marked `mineUnknown`, and asks again for it, instead of waiting for
// the whole page: the call itself needs no read then.
// A call read afresh (not from the copy) also refreshes the call's public file when its page changed (mostly its
// places left: sign-ups do not write the file), at most every 10 s per instance (public-call-file.ts).
import type { CallDetail } from '@core/calls/contract'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import { validateGetCall } from '@core/calls/validate'
import { toCallDetail } from '@core/calls/views'
import { isFromCopy, isPublicCall } from '@lib/calls/public-call-cache'
import { refreshAfterRead } from '@lib/calls/public-call-file'
import { signUpsOf } from '@lib/calls/signups'
import { findVisibleCall } from '@lib/calls/visible-call'
import { answersBusy } from '@lib/cloud/quota-retry'
import { insuranceOnFile } from '@lib/privacy/insurance'
import { defineAction } from '@functions/api/gate'
import { waitRanks } from '@functions/api/signUpView'

export const getCall = defineAction({
  who: 'everyone',
  resource: 'visibleCall',
  validate: validateGetCall,
  staleCallOk: true,
  run: async ({ call: shared, ngo: sharedNgo, openid, now, input }): Promise<ApiResult<CallDetail>> => {
    // Never rejects. Runs beside the visitor's own part, awaited before answering: once the function has answered,
    // WeChat may freeze the instance mid-upload.
    const refreshing = isFromCopy(shared) ? undefined : refreshAfterRead(shared, sharedNgo, now)
    if (!openid) {
      await refreshing
      return ok(toCallDetail(shared, sharedNgo, [], now))
    }
    try {
      const mine = await signUpsOf(shared, openid)
      const current =
        mine.length > 0 && isFromCopy(shared)
          ? await findVisibleCall(shared._id, openid)
          : { call: shared, ngo: sharedNgo }
      if (!current) return fail('NOT_FOUND')
      const { call, ngo } = current
      const detail = toCallDetail(call, ngo, mine, now, await waitRanks(call, mine))
      // only for someone who signed up: the masked copy of what they gave (the form offers to keep it)
      const onFile = call.insurance && mine.length > 0 ? await insuranceOnFile(call._id, openid) : null
      if (onFile) detail.myInsurance = onFile
      return ok(detail)
    } catch (err) {
      // Only a refusal, and only the call every visitor sees alike (a draft or an unverified NGO's call is its
      // organizers' and is never shown without a fresh read): anything else fails as it would have.
      if (!(input.mineLater && answersBusy(err) && isPublicCall(shared))) throw err
      return ok({ ...toCallDetail(shared, sharedNgo, [], now), mineUnknown: true })
    } finally {
      await refreshing
    }
  },
})
