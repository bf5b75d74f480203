// A call with its NGO, or null when it does not exist for this caller (missing, draft, suspended NGO).
import { isVisibleTo } from '@core/calls/rules'
import type { Call, Ngo } from '@core/model'
import { findById } from '@lib/cloud/db'

export async function findVisibleCall(
  callId: string,
  openid: string | undefined,
): Promise<{ call: Call; ngo: Ngo } | null> {
  const call = await findById('calls', callId)
  if (!call) return null
  const ngo = await findById('ngos', call.ngoId)
  if (!ngo || !isVisibleTo(call, ngo, openid)) return null
  return { call, ngo }
}
