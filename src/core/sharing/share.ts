// Sharing and attribution: where a sign-up came from, what a share card and a group card say.
import { looksLikeReferrerCode } from './scene'
import { asInput, type Validation } from '@core/shared/validation'
import { SIGN_UP_SOURCES, type SignUpSource } from '@core/model'

export const SOURCE_LABELS: Record<SignUpSource, string> = {
  share: '群聊/好友分享',
  poster: '海报',
  moments: '朋友圈',
  search: '搜索',
  direct: '直接进入',
}

export function isSignUpSource(value: unknown): value is SignUpSource {
  return typeof value === 'string' && (SIGN_UP_SOURCES as readonly string[]).includes(value)
}

/** 「民勤梭梭林植树 · 还剩 12 个名额」: the share card's title says why to tap now. */
export function shareTitle(call: {
  title: string
  spotsLeft: number
  status: string
  waitlist: boolean
}): string {
  if (call.status !== 'open') return call.title
  if (call.spotsLeft > 0) return `${call.title} · 还剩 ${call.spotsLeft} 个名额`
  return call.waitlist ? `${call.title} · 名额已满，可候补` : call.title
}

/** The live group card's line (updatable message): 「成员正在加入，当前 x/y 人」. */
export function groupCardText(confirmed: number, capacity: number): string {
  return `成员正在加入，当前 ${confirmed}/${capacity} 人`
}

/** A recruiter's name as other people see it in stats: the first character, then stars (林**). */
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  if (chars.length === 0) return '志愿者'
  return chars[0] + '*'.repeat(Math.max(1, Math.min(2, chars.length - 1)))
}

/** The query a shared page carries: call id, the sharer's code and which door it came through. */
export function shareQuery(callId: string, referrerCode: string | undefined, source: SignUpSource): string {
  const parts = [`id=${callId}`, `src=${source}`]
  if (referrerCode) parts.push(`ref=${referrerCode}`)
  return parts.join('&')
}

export interface Attribution {
  source: SignUpSource
  /** the sharer's code from the share path or scene (resolved to an openid by the function) */
  referrerCode?: string
}

/**
 * Where a sign-up came from, read from the sign-up request. An unknown `source` is refused (INVALID_INPUT); a
 * malformed referrer code is dropped, never an error: it comes from a link that may have been mangled in transit.
 */
export function readAttribution(input: unknown): Validation<Attribution> {
  const fields = asInput(input) ?? {}
  const source = fields.source ?? 'direct'
  if (!isSignUpSource(source)) return { ok: false, fields: { source: '来源无效' } }
  return looksLikeReferrerCode(fields.referrerCode)
    ? { ok: true, value: { source, referrerCode: fields.referrerCode } }
    : { ok: true, value: { source } }
}

/** The attribution a page passes on from its query (`src`, `ref`): only well-formed values, else nothing. */
export function attributionFromQuery(
  src: unknown,
  ref: unknown,
): { source?: SignUpSource; referrerCode?: string } {
  const found: { source?: SignUpSource; referrerCode?: string } = {}
  if (isSignUpSource(src)) found.source = src
  if (looksLikeReferrerCode(ref)) found.referrerCode = ref
  return found
}
