// On WeChat: wx.request to the storage's CDN address (a request domain of the mini program: README, deploying).
import Taro from '@tarojs/taro'
import type { CallDetail } from '@core/calls/contract'
import { callAsOf, callFromPublicFile, publicCallUrl } from '@core/calls/public-file'

// a promise chain, not an async function: the weapp build turns each of those into a generator and its helper
export function readPublicCall(callId: string): Promise<CallDetail | null> {
  const url = publicCallUrl(PUBLIC_FILES_BASE, callId, Date.now())
  if (!url) return Promise.resolve(null)
  return Taro.request({ url, method: 'GET', dataType: 'json', timeout: 10_000 }).then(
    (response) => {
      const call = response.statusCode === 200 ? callFromPublicFile(response.data, callId) : null
      return call && callAsOf(call, Date.now())
    },
    () => null,
  )
}
