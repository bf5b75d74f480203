// A sign-up as the API shows it, with its waitlist position counted at read time.
import type { SignUpView } from '@core/calls/contract'
import type { SignUp } from '@core/model'
import { toSignUpView } from '@core/calls/views'
import { waitRank } from '@lib/waitlist/waitlist'

export async function signUpView(signUp: SignUp): Promise<SignUpView> {
  return toSignUpView(signUp, await waitRank(signUp))
}
