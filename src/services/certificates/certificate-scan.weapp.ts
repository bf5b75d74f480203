// On WeChat: the scanner, from the camera or a photo (a certificate is often checked from a picture of it). A
// certificate carries our mini-program code: WeChat gives its page and scene in `path`.
import Taro from '@tarojs/taro'

export const CAN_SCAN_CERTIFICATE = true

export async function scanCertificate(): Promise<string | null> {
  try {
    const { result, path } = await Taro.scanCode({})
    return path || result
  } catch {
    return null // cancelled
  }
}
