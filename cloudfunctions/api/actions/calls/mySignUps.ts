// The caller's sign-ups with their calls. Cancelled ones are left out (the call's page still shows them as
// cancelled); upcoming = the call has not ended, soonest first; past = most recent first.
import type { MySignUp, MySignUpsResponse } from '@core/calls/contract'
import { type ApiResult, ok } from '@core/shared/errors'
import { isPast } from '@core/calls/rules'
import { validateMySignUps } from '@core/calls/validate'
import type { SignUp } from '@core/model'
import { toCallCard } from '@core/calls/views'
import { _ } from '@lib/cloud/cloud'
import { collection, find, findByIds } from '@lib/cloud/db'
import { defineAction } from '@functions/api/gate'
import { signUpView } from '@functions/api/signUpView'

/** Most recent first; older ones fall off (one query page of the database). */
const MAX_SIGN_UPS = 100

export const mySignUps = defineAction({
  who: 'signedIn',
  resource: 'none',
  validate: validateMySignUps,
  run: async ({ openid, now }): Promise<ApiResult<MySignUpsResponse>> => {
    const signUps = await find<SignUp>(
      collection('signups')
        .where({ openid, status: _.neq('cancelled'), erasedAt: _.exists(false) }) // erased: the NGO's, not theirs
        .orderBy('createdAt', 'desc')
        .limit(MAX_SIGN_UPS),
    )
    const calls = await findByIds(
      'calls',
      signUps.map((signUp) => signUp.callId),
    )
    const ngos = await findByIds(
      'ngos',
      [...calls.values()].map((call) => call.ngoId),
    )
    const items: MySignUp[] = []
    for (const signUp of signUps) {
      const call = calls.get(signUp.callId)
      if (!call) continue
      items.push({
        signUp: await signUpView(call, signUp),
        call: toCallCard(call, ngos.get(call.ngoId)?.name ?? ''),
      })
    }
    return ok({
      upcoming: items
        .filter((item) => !isPast(item.call, now))
        .sort((a, b) => a.call.startAt - b.call.startAt),
      past: items.filter((item) => isPast(item.call, now)).sort((a, b) => b.call.startAt - a.call.startAt),
    })
  },
})
