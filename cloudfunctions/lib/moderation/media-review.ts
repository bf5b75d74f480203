// Images go through WeChat's asynchronous review (security.mediaCheckAsync v2) and stay hidden until it passes:
// the document keeps the trace of its pending image, and the verdict WeChat pushes later (a `wxa_media_check`
// event) puts the image in place only if that trace is still the one waiting. The trace_id never leaves the
// server, so a client cannot forge a verdict.
import type { MediaReview } from '@core/model'
import { _, openapi, tempFileUrl } from '@lib/cloud/cloud'
import { collection, findById, insert, updateWhere } from '@lib/cloud/db'
import { syncNgoOnCalls } from '@lib/ngos/ngo-on-calls'
import { syncPublicCallFileQuietly } from '@lib/calls/public-call-file'
import { now } from '@lib/cloud/clock'

type Target = Pick<MediaReview, 'collection' | 'docId' | 'field' | 'fileID'>

/** Sends the image for review and returns its trace (to be stored as the document's `<field>Review`). */
export async function requestReview(openid: string, target: Target, now: number): Promise<string> {
  const url = target.fileID.startsWith('cloud://') ? await tempFileUrl(target.fileID) : target.fileID
  const result = (await openapi.security.mediaCheckAsync({
    media_url: url,
    media_type: 2,
    version: 2,
    scene: 3,
    openid,
  })) as { traceId?: string; trace_id?: string }
  const traceId = result.traceId ?? result.trace_id
  if (!traceId) throw new Error('mediaCheckAsync returned no trace_id')
  await insert('mediaReviews', { _id: traceId, ...target, status: 'pending', createdAt: now })
  return traceId
}

export interface MediaCheckPush {
  MsgType: 'event'
  Event: 'wxa_media_check'
  trace_id: string
  result?: { suggest?: string }
}

export function isMediaCheckPush(event: unknown): event is MediaCheckPush {
  const e = event as Partial<MediaCheckPush> | null
  return e?.MsgType === 'event' && e.Event === 'wxa_media_check' && typeof e.trace_id === 'string'
}

/** Applies WeChat's verdict; an unknown trace (forged, or from elsewhere) changes nothing. */
export async function applyVerdict(push: MediaCheckPush): Promise<{ applied: boolean }> {
  const review = await findById('mediaReviews', push.trace_id)
  if (!review || review.status !== 'pending') return { applied: false }
  const passed = push.result?.suggest === 'pass'
  // The document first, the review's own status last: a push retried after a crash between the two finds the
  // review still pending and completes it, and whoever sees the review decided sees the document decided too.
  const pendingKey = `${review.field}Review`
  const data: Record<string, unknown> = { [pendingKey]: _.remove() }
  if (passed) data[review.field] = review.fileID
  const updated = await updateWhere(
    collection(review.collection).where({ _id: review.docId, [pendingKey]: review._id }),
    data,
  )
  // an NGO's logo shows on its calls too (before the review's own status, for the same reason)
  if (review.collection === 'ngos') await syncNgoOnCalls(review.docId)
  // a call's cover shows on its public page (a draft's is skipped: it has no file)
  if (review.collection === 'calls') await syncPublicCallFileQuietly(review.docId, now())
  await updateWhere(collection('mediaReviews').where({ _id: review._id, status: 'pending' }), {
    status: passed ? 'pass' : 'risky',
  })
  return { applied: updated > 0 }
}
