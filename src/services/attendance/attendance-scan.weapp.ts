// In WeChat: the camera scanner, QR codes only (no album: a photo of yesterday's screen is no check-in).
import Taro from '@tarojs/taro'

export const CAN_SCAN = true

export async function scanQrCode(): Promise<string | null> {
  try {
    const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
    return result
  } catch {
    return null // cancelled
  }
}
