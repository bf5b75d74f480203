// Give a seat back, or leave a slot's waitlist (give-back.ts does it; a retry answers the same).
import type { CancelSignUpResponse } from '@core/calls/contract'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import { signUpIdFor } from '@core/calls/slots'
import { validateCancelSignUp } from '@core/calls/validate'
import { toSignUpView } from '@core/calls/views'
import { giveBack } from '@lib/waitlist/give-back'
import { forgetInsuranceUnlessBooked } from '@lib/privacy/insurance'
import { defineAction } from '@functions/api/gate'

export const cancelSignUp = defineAction({
  who: 'signedIn',
  resource: 'none',
  validate: validateCancelSignUp,
  run: async ({ input, openid, now }): Promise<ApiResult<CancelSignUpResponse>> => {
    const result = await giveBack(signUpIdFor(input.callId, openid, input.slot), now)
    if (result.outcome === 'notFound') return fail('NOT_SIGNED_UP')
    if (result.outcome === 'closed') return fail('CLOSED')
    await forgetInsuranceUnlessBooked(input.callId, openid) // a retry does it again, harmlessly
    return ok({ signUp: toSignUpView(result.signUp) }) // cancelled: no place in a queue to count
  },
})
