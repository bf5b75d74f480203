// 扫码签到 from 我的: WeChat's scanner, then the check-in page with what it read; the browser has no scanner and
// opens the page, which offers a field to paste a code.
import Taro from '@tarojs/taro'
import { CAN_SCAN, scanQrCode } from '@services/attendance/attendance-scan'

export const CHECK_IN_PAGE = '/packages/volunteer/checkin/index'

export async function scanToCheckIn(): Promise<void> {
  if (!CAN_SCAN) {
    await Taro.navigateTo({ url: CHECK_IN_PAGE })
    return
  }
  const text = await scanQrCode()
  if (text) await Taro.navigateTo({ url: `${CHECK_IN_PAGE}?code=${encodeURIComponent(text)}` })
}
