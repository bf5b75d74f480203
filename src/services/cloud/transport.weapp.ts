// On WeChat: the cloud function is called through wx.cloud; WeChat adds the caller's OPENID itself.
import Taro from '@tarojs/taro'
import type { Transport } from './transport'

let initialized = false

function initCloud(): void {
  if (initialized) return
  Taro.cloud.init({ env: CLOUD_ENV_ID, traceUser: true })
  initialized = true
}

export const transport: Transport = async (event) => {
  initCloud()
  const response = await Taro.cloud.callFunction({ name: 'api', data: event })
  return response.result
}
