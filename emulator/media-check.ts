// security.mediaCheckAsync (v2): WeChat answers with a trace_id at once and reviews the image later, pushing the
// verdict as a `wxa_media_check` event to the mini program's message-push receiver. Locally the verdict comes a
// short moment later, pushed to the function that asked; an image whose URL contains `risky` fails, any other
// passes, so both paths are testable.
import { randomBytes } from 'node:crypto'

/** How long the local review takes before its verdict is pushed. */
export const MEDIA_CHECK_DELAY_MS = 300

/** Put this in an image's path to make the local review fail it. */
export const RISKY_MEDIA_MARKER = 'risky'

export type MediaCheckRequest =
  | { error: [errcode: number, errmsg: string] }
  | { traceId: string; push: (appid: string) => Record<string, unknown> }

export function mediaCheckAsync(p: Record<string, unknown>): MediaCheckRequest {
  const url = p.media_url
  if (typeof url !== 'string' || !/^https?:\/\//.test(url))
    return { error: [40097, 'invalid args: media_url'] }
  if (p.media_type !== 1 && p.media_type !== 2)
    return { error: [40097, 'invalid args: media_type must be 1 or 2'] }
  if (Number(p.version) !== 2) return { error: [40097, 'invalid args: only version 2 is available locally'] }
  if (typeof p.openid !== 'string' || !p.openid) return { error: [40003, 'invalid openid'] }
  if (![1, 2, 3, 4].includes(Number(p.scene))) return { error: [40097, 'invalid args: scene must be 1-4'] }
  const traceId = randomBytes(12).toString('hex')
  const risky = url.includes(RISKY_MEDIA_MARKER)
  const suggest = risky ? 'risky' : 'pass'
  const label = risky ? 20002 : 100
  return {
    traceId,
    // the event WeChat's message push delivers (JSON form)
    push: (appid) => ({
      ToUserName: 'gh_jushou_local',
      FromUserName: p.openid,
      CreateTime: Math.floor(Date.now() / 1000),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid,
      trace_id: traceId,
      version: 2,
      detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: risky ? 90 : 0 }],
      errcode: 0,
      errmsg: 'ok',
      result: { suggest, label },
    }),
  }
}
