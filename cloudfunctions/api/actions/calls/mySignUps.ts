// The caller's sign-ups with their calls. Cancelled ones are left out (the call's page still shows them as
// cancelled); upcoming = the call (or the slot's session) has not ended, soonest first; past = most recent first.
import type { MySignUp, MySignUpsResponse } from '@core/calls/contract'
import { type ApiResult, ok } from '@core/shared/errors'
import { isPast } from '@core/calls/rules'
import { validateMySignUps } from '@core/calls/validate'
import type { SignUp } from '@core/model'
import { toCallCard } from '@core/calls/views'
import { hasSlots, sessionOfSlot, slotOfSignUp } from '@core/calls/slots'
import { slotLabel } from '@core/calls/session-text'
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
      const item: MySignUp = {
        signUp: await signUpView(call, signUp),
        call: toCallCard(call, ngos.get(call.ngoId)?.name ?? ''),
      }
      if (hasSlots(call)) {
        // which of the call's slots this row is: the page lists one row per slot held
        const slot = slotOfSignUp(signUp)
        item.slotLabel = slotLabel(call, slot)
        const session = sessionOfSlot(call, slot)
        if (session) item.session = { startAt: session.startAt, endAt: session.endAt }
      }
      items.push(item)
    }
    // a slot's row goes by its own session: a batch that is over is past while the call's next one is ahead
    const when = (item: MySignUp) => item.session ?? item.call
    return ok({
      upcoming: items
        .filter((item) => !isPast(when(item), now))
        .sort((a, b) => when(a).startAt - when(b).startAt),
      past: items.filter((item) => isPast(when(item), now)).sort((a, b) => when(b).startAt - when(a).startAt),
    })
  },
})
