// Give a seat back, or leave the waitlist (give-back.ts does it; a retry answers the same).
import type { CancelSignUpResponse } from '../../../src/core/api'
import { fail, ok } from '../../../src/core/errors'
import { signUpId } from '../../../src/core/rules'
import { validateCancelSignUp } from '../../../src/core/schemas'
import { giveBack } from '../../lib/give-back'
import type { ActionHandler } from '../caller'
import { signUpView } from '../signUpView'

export const cancelSignUp: ActionHandler<CancelSignUpResponse> = async (event, { openid, now }) => {
  if (!openid) return fail('UNAUTHENTICATED')
  const input = validateCancelSignUp(event)
  if (!input.ok) return fail('INVALID_INPUT', undefined, input.fields)
  const result = await giveBack(signUpId(input.value.callId, openid), now)
  if (result.outcome === 'notFound') return fail('NOT_SIGNED_UP')
  if (result.outcome === 'closed') return fail('CLOSED')
  return ok({ signUp: await signUpView(result.signUp) })
}
