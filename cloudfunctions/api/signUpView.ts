// A sign-up as the API shows it, with its waitlist position counted at read time.
import type { SignUpView } from '../../src/core/api'
import type { SignUp } from '../../src/core/types'
import { toSignUpView } from '../../src/core/views'
import { waitRank } from '../lib/waitlist'

export async function signUpView(signUp: SignUp): Promise<SignUpView> {
  return toSignUpView(signUp, await waitRank(signUp))
}
