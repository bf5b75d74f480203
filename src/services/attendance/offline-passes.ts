// The volunteer's offline passes, kept in Taro storage so 我的签到码 shows one at a site with no signal. Fetched
// whenever 我的签到码 opens online, and by 我的 when a session is within the week.
import Taro from '@tarojs/taro'
import type { OfflinePassView } from '@core/attendance/contract'
import { passesForNow } from '@core/attendance/pass-choice'
import { callApi } from '@services/cloud/api'

const PASSES_KEY = 'jushou.offline-passes'

export function storedPasses(): OfflinePassView[] {
  try {
    const passes = Taro.getStorageSync(PASSES_KEY) as unknown
    return Array.isArray(passes) ? (passes as OfflinePassView[]) : []
  } catch {
    return []
  }
}

function keep(passes: OfflinePassView[]): void {
  try {
    Taro.setStorageSync(PASSES_KEY, passes)
  } catch {
    // storage full or unavailable: the 60-second code still works online
  }
}

/** Fetches the passes for the week's sessions and keeps them; with no network, the kept ones. */
export async function refreshPasses(): Promise<OfflinePassView[]> {
  const result = await callApi('offlinePasses', {})
  if (!result.ok) return storedPasses()
  keep(result.data.passes)
  return result.data.passes
}

/** The passes to offer now, from what is kept (the first is shown first). */
export function passesToShow(now = Date.now()): OfflinePassView[] {
  return passesForNow(storedPasses(), now)
}

/** 删除我的数据: the passes name the volunteer; nothing of them is left. */
export function forgetPasses(): void {
  try {
    Taro.removeStorageSync(PASSES_KEY)
  } catch {
    // unavailable storage holds nothing to forget
  }
}
