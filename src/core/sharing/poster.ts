// The `poster` cloud function's contract, and what a poster shows, derived from a call (pure, so the cache key
// and the picture come from the same facts).
import { chinaMonthDay, chinaYear, formatChinaTime } from '@core/shared/china-time'
import { spotsLeft } from '@core/calls/rules'
import { placesSummary } from '@core/calls/session-text'
import type { Call, NgoOnCall } from '@core/model'

/** Bump when the layout changes: it is part of every poster's cache key, so old pictures are not reused. */
export const POSTER_TEMPLATE_VERSION = 1

/** The page a poster's mini-program code opens; the call and referrer travel in its `scene`. */
export const POSTER_PAGE = 'pages/call-detail/index'

export interface PosterRequest {
  callId: string
}

export interface PosterResponse {
  fileID: string
  /** a temporary https URL of the PNG, for previewing and saving */
  url: string
  /** the scene in its code: `<callId>~<the caller's referrer code>` */
  scene: string
  /** true when an identical poster was already stored and nothing was rendered */
  cached: boolean
}

export interface PosterFacts {
  title: string
  ngoName: string
  ngoVerified: boolean
  time: string
  place: string
  /** 「还剩 12 个名额」, 「名额已满，可候补」 …; several sessions: 「3 个批次 · 还剩 42 个名额」 */
  spots: string
  /** the first line of the description */
  excerpt: string
  /** picks the generated cover's colours */
  tags: string[]
}

const EXCERPT_MAX = 60

export function posterFacts(call: Call, ngo: Pick<NgoOnCall, 'name' | 'verified'>): PosterFacts {
  const left = spotsLeft(call)
  const several = placesSummary(call)
  let spots = several ?? `还剩 ${left} 个名额`
  if (call.status !== 'open') spots = '报名已结束'
  else if (!several && left <= 0) spots = call.waitlist ? '名额已满，可候补' : '名额已满'
  const firstLine = call.description.split('\n').find((line) => line.trim() !== '') ?? ''
  const chars = Array.from(firstLine.trim())
  return {
    title: call.title,
    ngoName: ngo.name,
    ngoVerified: ngo.verified,
    // several sessions span days or weeks: their first and last days (placesSummary says how many)
    time: several
      ? `${chinaYear(call.startAt)}年${chinaMonthDay(call.startAt)} – ${chinaMonthDay(call.endAt)}`
      : `${formatChinaTime(call.startAt)} – ${formatChinaTime(call.endAt).slice(-5)}`,
    place: `${call.city} · ${call.address}`,
    spots,
    excerpt: chars.length > EXCERPT_MAX ? chars.slice(0, EXCERPT_MAX - 1).join('') + '…' : chars.join(''),
    tags: call.tags,
  }
}

/** Every character a poster draws, for choosing fonts and checking coverage. */
export function posterText(facts: PosterFacts): string {
  return [
    facts.title,
    facts.ngoName,
    facts.time,
    facts.place,
    facts.spots,
    facts.excerpt,
    POSTER_FIXED_TEXT,
  ].join('')
}

/** The poster's own words (labels, the call to action). */
export const POSTER_FIXED_TEXT = '已认证时间地点名额长按识别小程序码，立即报名举手 · 志愿者招募'
