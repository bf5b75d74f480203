// On WeChat: the `poster` function through wx.cloud (WeChat adds the caller's OPENID: only its volunteer gets it).
import Taro from '@tarojs/taro'
import type { CertificateImageRequest, CertificateImageResponse } from '@core/certificates/contract'
import { fail, type ApiResult } from '@core/shared/errors'

export async function certificateImage(certificateNo: string): Promise<ApiResult<CertificateImageResponse>> {
  const data: CertificateImageRequest = { kind: 'certificate', certificateNo }
  try {
    const response = await Taro.cloud.callFunction({ name: 'poster', data })
    return response.result as ApiResult<CertificateImageResponse>
  } catch {
    return fail('INTERNAL', '网络异常，请检查网络后重试')
  }
}
