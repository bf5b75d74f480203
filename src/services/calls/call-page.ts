// A call's page as the volunteer opens it. When WeChat Cloud's database is past its quota, the cloud may send the
// call without the visitor's own part (`mineUnknown`: a call shared into big group chats, everyone opening it at
// once): the page shows the call at once, and this asks again for that part in the background, with the calm waits
// of a busy cloud, until it arrives. No error is shown meanwhile: the page already shows what it can.
import type { CallDetail } from '@core/calls/contract'
import type { ApiResult } from '@core/shared/errors'
import { getCall, mineLaterWait } from '@services/cloud/api'

/** The call's page: the call, with the visitor's own part when the database gives it now. */
export function openCall(callId: string): Promise<ApiResult<CallDetail>> {
  return getCall({ callId, mineLater: true })
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
