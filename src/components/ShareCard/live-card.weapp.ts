// On WeChat a signed-in sharer gets their code and a live group card (「成员正在加入，当前 x/y 人」).
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { CallDetail } from '@core/calls/contract'
import { prepareShare } from '@services/cloud/api'
import { isAnonymous } from '@services/cloud/session'

export function useLiveCard(callId: string, call: CallDetail | null): string | undefined {
  const [referrerCode, setReferrerCode] = useState<string>()

  useEffect(() => {
    if (isAnonymous() || !call) return
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

  return referrerCode
}
