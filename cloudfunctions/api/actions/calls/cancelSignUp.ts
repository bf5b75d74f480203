// Give a seat back, or leave the waitlist (give-back.ts does it; a retry answers the same).
import type { CancelSignUpResponse } from '@core/calls/contract'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import { signUpId } from '@core/calls/rules'
import { validateCancelSignUp } from '@core/calls/validate'
import { giveBack } from '@lib/waitlist/give-back'
import { defineAction } from '@functions/api/gate'
import { signUpView } from '@functions/api/signUpView'

export const cancelSignUp = defineAction({
  who: 'signedIn',
  resource: 'none',
  validate: validateCancelSignUp,
  run: async ({ input, openid, now }): Promise<ApiResult<CancelSignUpResponse>> => {
    const result = await giveBack(signUpId(input.callId, openid), now)
    if (result.outcome === 'notFound') return fail('NOT_SIGNED_UP')
    if (result.outcome === 'closed') return fail('CLOSED')
    return ok({ signUp: await signUpView(result.signUp) })
  },
})
