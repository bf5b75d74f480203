// A sign-up as the API shows it, with its waitlist position counted at read time.
import type { SignUpView } from '@core/api'
import type { SignUp } from '@core/types'
import { toSignUpView } from '@core/views'
import { waitRank } from '@lib/waitlist'

export async function signUpView(signUp: SignUp): Promise<SignUpView> {
  return toSignUpView(signUp, await waitRank(signUp))
}
