// The call detail's side of sharing: how the visitor arrived (share card, poster code, Moments) and the share
// card they send on (title with the places left, the path with their referrer code, a live group card on WeChat:
// live-card.ts).
import { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import type { CallDetail } from '@core/calls/contract'
import { decodeScene } from '@core/sharing/scene'
import { attributionFromQuery, shareQuery, shareTitle } from '@core/sharing/share'
import { type SignUpSource } from '@core/model'
import { useLiveCard } from './live-card'

export interface Arrival {
  callId: string
  source?: SignUpSource
  referrerCode?: string
}

/** The call and attribution of this visit: `?id=…&src=…&ref=…` from a share, or `?scene=…` from a poster's code. */
export function useArrival(): Arrival {
  const params = useRouter().params
  const scene = decodeScene(params.scene)
  if (scene) return { callId: scene.callId, source: 'poster', referrerCode: scene.referrerCode }
  return { callId: params.id ?? '', ...attributionFromQuery(params.src, params.ref) }
}

/** The query the sign-up page gets, so the sign-up remembers how this visitor arrived. */
export function signUpQuery({ source, referrerCode }: Arrival): string {
  return (source ? `&src=${source}` : '') + (referrerCode ? `&ref=${referrerCode}` : '')
}

const FALLBACK_TITLE = '举手 · 志愿活动'

export function useShareCard(callId: string, call: CallDetail | null): void {
  const referrerCode = useLiveCard(callId, call)

  useShareAppMessage(() => ({
    title: call ? shareTitle(call) : FALLBACK_TITLE,
    path: `/pages/call-detail/index?${shareQuery(callId, referrerCode, 'share')}`,
    imageUrl: call?.cover || undefined,
  }))
  useShareTimeline(() => ({
    title: call ? shareTitle(call) : FALLBACK_TITLE,
    query: shareQuery(callId, referrerCode, 'moments'),
    imageUrl: call?.cover || undefined,
  }))
}
