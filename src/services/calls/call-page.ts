// A call's page as the volunteer opens it. When WeChat Cloud's database is past its quota, the cloud may send the
// call without the visitor's own part (`mineUnknown`: a call shared into big group chats, everyone opening it at
// once); a page opened afresh also reads the call's public file from the storage's CDN, which needs no function
// instance, so the call shows even when the function is too busy to start. Either way the page shows the call at
// once. For someone who may have signed up (this phone remembers a sign-up for the call) it then asks again for
// their part in the background, with the calm waits of a busy cloud, until it arrives; no error is shown meanwhile.
// Someone with no sign-up here is shown the call as a newcomer (报名 at once) and asks nothing more: they are
// nearly everyone opening a shared call, their asks would take the database from the sign-ups, and should they
// have signed up on another phone, a sign-up sent again answers with the one they have.
import type { CallDetail } from '@core/calls/contract'
import { type ApiResult, ok } from '@core/shared/errors'
import { getCall, isNetworkFailure, mineLaterWait } from '@services/cloud/api'
import { readPublicCall } from './public-call'
import { rememberSignedUp, signedUpHere } from './sign-up-memory'

/**
 * The call's page: the call, with the visitor's own part when the database gives it now. `onFile` gets the call from
 * its public file when that comes before the function's answer; then a function too busy to answer through its
 * waits leaves the file's call rather than an error.
 */
export async function openCall(
  callId: string,
  onFile?: (call: CallDetail) => void,
): Promise<ApiResult<CallDetail>> {
  let answered = false
  let fromFile: CallDetail | undefined
  if (onFile) {
    readPublicCall(callId).then((call) => {
      if (!call || answered) return
      fromFile = asKnownHere(callId, { ...call, mineUnknown: true })
      onFile(fromFile)
    })
  }
  const result = await getCall({ callId, mineLater: true })
  answered = true
  if (!result.ok) {
    if (fromFile && (result.code === 'BUSY' || isNetworkFailure(result))) return ok(fromFile)
    return result
  }
  if (!result.data.mineUnknown && result.data.mySignUps.length > 0) rememberSignedUp(callId)
  return ok(asKnownHere(callId, result.data))
}

/** A call without the visitor's part, for someone this phone knows no sign-up of: as a newcomer sees it. */
function asKnownHere(callId: string, call: CallDetail): CallDetail {
  if (!call.mineUnknown || signedUpHere(callId)) return call
  const { mineUnknown: _unknown, ...asNewcomer } = call
  return asNewcomer
}

/**
 * Asks again until the visitor's own part arrives: 'arrived' (`onCall` got the whole page), 'gave-up' (still
 * unknown after the waits: the page offers to try again) or 'left' (`wanted` said the page no longer needs it).
 * Each answer in between that has the call (fresher) goes to `onCall` too.
 */
export async function fetchMineLater(
  callId: string,
  wanted: () => boolean,
  onCall: (call: CallDetail) => void,
): Promise<'arrived' | 'gave-up' | 'left'> {
  const startedAt = Date.now()
  for (let attempt = 0; ; attempt++) {
    const wait = mineLaterWait(attempt, Date.now() - startedAt)
    if (wait === null) return 'gave-up'
    await new Promise((done) => setTimeout(done, wait))
    if (!wanted()) return 'left'
    const result = await openCall(callId)
    if (!wanted()) return 'left'
    // still busy past the phone's own waits, or a network blip: keep what is shown and ask again later
    if (!result.ok) continue
    onCall(result.data)
    if (!result.data.mineUnknown) return 'arrived'
  }
}
