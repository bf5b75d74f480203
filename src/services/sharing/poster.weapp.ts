// Posters on WeChat: the `poster` cloud function, the photo album with its permission, and the share-image menu.
import Taro from '@tarojs/taro'
import { fail, type ApiResult } from '@core/shared/errors'
import type { PosterResponse } from '@core/sharing/poster'

export async function makePoster(callId: string): Promise<ApiResult<PosterResponse>> {
  try {
    const response = await Taro.cloud.callFunction({ name: 'poster', data: { callId } })
    return response.result as ApiResult<PosterResponse>
  } catch {
    return fail('INTERNAL', '网络异常，请检查网络后重试')
  }
}

async function localFile(url: string): Promise<string> {
  const { tempFilePath } = await Taro.downloadFile({ url })
  return tempFilePath
}

/** Once refused, saveImageToPhotosAlbum fails at once: explain, then let the user allow it in the settings. */
export async function savePoster(url: string): Promise<boolean> {
  const filePath = await localFile(url)
  try {
    await Taro.saveImageToPhotosAlbum({ filePath })
    return true
  } catch (err) {
    const message = String((err as { errMsg?: string }).errMsg ?? '')
    if (!/auth|deny|denied/.test(message)) return false
    const { confirm } = await Taro.showModal({
      title: '需要保存到相册的权限',
      content: '海报要保存到你的相册才能发到朋友圈。请在设置中允许「保存到相册」后再试。',
      confirmText: '去设置',
    })
    if (!confirm) return false
    const { authSetting } = await Taro.openSetting()
    if (!authSetting['scope.writePhotosAlbum']) return false
    await Taro.saveImageToPhotosAlbum({ filePath })
    return true
  }
}

export const canSendToChat = true

export async function sendToChat(url: string): Promise<void> {
  await Taro.showShareImageMenu({ path: await localFile(url) })
}
