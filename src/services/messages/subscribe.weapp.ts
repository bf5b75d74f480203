// WeChat's subscribe sheet: at most 3 templates per request; each "accept" allows one message of that template.
import Taro from '@tarojs/taro'
import { MAX_TEMPLATES_PER_REQUEST } from '@core/messages/contract'
import type { RequestSubscriptions } from './subscribe'

export const requestSubscriptions: RequestSubscriptions = async (templates) => {
  const ids = templates.slice(0, MAX_TEMPLATES_PER_REQUEST).map((t) => t.id)
  if (ids.length === 0) return []
  try {
    const result = (await Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] })) as unknown as Record<
      string,
      string
    >
    return ids.filter((id) => result[id] === 'accept')
  } catch {
    return [] // refused in settings, or the sheet could not show: no message will come
  }
}
