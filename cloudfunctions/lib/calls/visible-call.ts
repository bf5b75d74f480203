// A call with its NGO as the call shows it, or null when it does not exist for this caller (missing, a draft,
// an NGO that is not verified), unless they organize it. A public call carries its NGO (Call.ngo), so the usual
// case reads one document; a draft, a call of an unverified NGO or an old call without it reads the NGO too.
// A page that only shows the call may take it from the instance's short-lived copy (public-call-cache.ts).
import { isVisibleTo } from '@core/calls/rules'
import { toNgoOnCall } from '@core/calls/views'
import type { Call, NgoOnCall } from '@core/model'
import { findById } from '@lib/cloud/db'
import { readCallForPage } from './public-call-cache'

export async function findVisibleCall(
  callId: string,
  openid: string | undefined,
  /** the time now, for a page that may show the call a few seconds stale; absent: the call as stored now */
  pageAt?: number,
): Promise<{ call: Call; ngo: NgoOnCall } | null> {
  const call = pageAt === undefined ? await findById('calls', callId) : await readCallForPage(callId, pageAt)
  return call ? asSeenBy(call, openid) : null
}

/** A call already read, with its NGO as `openid` (undefined: an anonymous visitor) sees it; null when they do not. */
export async function asSeenBy(
  call: Call,
  openid: string | undefined,
): Promise<{ call: Call; ngo: NgoOnCall } | null> {
  if (call.ngo?.verified && call.status !== 'draft') return { call, ngo: call.ngo }
  const ngo = await findById('ngos', call.ngoId)
  if (!ngo || !isVisibleTo(call, ngo, openid)) return null
  return { call, ngo: toNgoOnCall(ngo) }
}
