// A call with its NGO as the call shows it, or null when it does not exist for this caller (missing, a draft,
// an NGO that is not verified), unless they organize it. A public call carries its NGO (Call.ngo), so the usual
// case reads one document; a draft, a call of an unverified NGO or an old call without it reads the NGO too.
import { isVisibleTo } from '@core/calls/rules'
import { toNgoOnCall } from '@core/calls/views'
import type { Call, NgoOnCall } from '@core/model'
import { findById } from '@lib/cloud/db'

export async function findVisibleCall(
  callId: string,
  openid: string | undefined,
): Promise<{ call: Call; ngo: NgoOnCall } | null> {
  const call = await findById('calls', callId)
  if (!call) return null
  if (call.ngo?.verified && call.status !== 'draft') return { call, ngo: call.ngo }
  const ngo = await findById('ngos', call.ngoId)
  if (!ngo || !isVisibleTo(call, ngo, openid)) return null
  return { call, ngo: toNgoOnCall(ngo) }
}
