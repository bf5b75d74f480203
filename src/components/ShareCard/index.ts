// The call detail's side of sharing: how the visitor arrived (share card, poster code, Moments) and the share
// card they send on (title with the places left, the path with their referrer code, a live group card on WeChat).
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { CallDetail } from '@core/calls/contract'
import { decodeScene } from '@core/sharing/scene'
import { attributionFromQuery, shareQuery, shareTitle } from '@core/sharing/share'
import { type SignUpSource } from '@core/model'
import { prepareShare } from '@services/cloud/api'
import { isAnonymous } from '@services/cloud/session'

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
  const [referrerCode, setReferrerCode] = useState<string>()

  // On WeChat a signed-in sharer gets their code and a live group card (「成员正在加入，当前 x/y 人」).
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp' || isAnonymous() || !call) return
    let cancelled = false
    prepareShare({ callId }).then((result) => {
      if (cancelled || !result.ok) return
      setReferrerCode(result.data.referrerCode)
      Taro.updateShareMenu({
        withShareTicket: true,
        isUpdatableMessage: true,
        activityId: result.data.activityId,
        // the classic 「成员正在加入」 card takes no templateId (the typings list only the newer template kind)
        templateInfo: {
          parameterList: [
            { name: 'member_count', value: String(call.confirmed) },
            { name: 'room_limit', value: String(call.capacity) },
          ],
        } as Taro.updateShareMenu.Option['templateInfo'],
      })
    })
    return () => {
      cancelled = true
    }
    // once per call shown: a new activity id per share card, not per re-render
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [callId, call !== null])

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
