// The sign-up the form has just sent, handed to 报名成功 in the app's memory: that page shows it at once, from the
// cloud's own answer to the sign-up, even while a busy cloud cannot read it back yet (a call shared into big group
// chats). When the page's read does come back whole, what it says counts.
import type { SignUpView } from '@core/calls/contract'

/** A handed sign-up older than this is not shown: the page reads it instead. */
const FRESH_MS = 60_000

let handed: { callId: string; signUp: SignUpView; at: number } | undefined

export function handOverSignUp(callId: string, signUp: SignUpView): void {
  handed = { callId, signUp, at: Date.now() }
}

/** The sign-up just sent for the call, once, if it is fresh. */
export function takeHandedSignUp(callId: string): SignUpView | undefined {
  const taken = handed
  handed = undefined
  return taken && taken.callId === callId && Date.now() - taken.at < FRESH_MS ? taken.signUp : undefined
}
