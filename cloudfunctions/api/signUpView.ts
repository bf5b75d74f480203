// Sign-ups as the API shows them, with their waitlist positions counted at read time.
import type { SignUpView } from '@core/calls/contract'
import type { Call, SignUp } from '@core/model'
import { toSignUpView } from '@core/calls/views'
import { waitRank } from '@lib/waitlist/waitlist'

type ShapeOfCall = Pick<Call, '_id'> & Partial<Pick<Call, 'slots'>>

export async function signUpView(call: ShapeOfCall, signUp: SignUp): Promise<SignUpView> {
  return toSignUpView(signUp, await waitRank(call, signUp))
}

/** The waitlist positions of those of `signUps` that wait, by sign-up id. */
export async function waitRanks(call: ShapeOfCall, signUps: readonly SignUp[]): Promise<Map<string, number>> {
  const ranks = new Map<string, number>()
  for (const signUp of signUps) {
    const rank = await waitRank(call, signUp)
    if (rank !== undefined) ranks.set(signUp._id, rank)
  }
  return ranks
}
