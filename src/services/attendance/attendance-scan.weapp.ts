// In WeChat: the camera scanner, QR codes only (no album: a photo of yesterday's screen is no check-in), and the
// screen kept on while a code is scanned off it.
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

// for as long as the mini program is in front; a refusal changes nothing
export function keepScreenOn(): void {
  Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined)
}
