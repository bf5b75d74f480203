// A call's public file (src/core/calls/public-file.ts), fetched from the storage's CDN: the call's page can show the
// call without the function, whose instances a call shared into big group chats keeps busy. PUBLIC_FILES_BASE is the
// storage's public address (config/index.ts); a build without one (the weapp built for the local cloud) reads none.
import Taro from '@tarojs/taro'
import type { CallDetail } from '@core/calls/contract'
import { callAsOf, callFromPublicFile, publicCallPath } from '@core/calls/public-file'

/**
 * A CDN keeps a file it served for a while, though the call's file is written over in place: the address changes
 * every 10 s, so the page is at most that much older than the file (the function's answer, which follows, is the
 * one that counts) and each CDN node asks the storage for it at most once in 10 s.
 */
const FRESH_FOR_MS = 10_000

/** The call as its public file shows it now, or null (no such file, not public any more, no network). */
export async function readPublicCall(callId: string): Promise<CallDetail | null> {
  const path = publicCallPath(callId)
  if (!PUBLIC_FILES_BASE || !path) return null
  try {
    const response = await Taro.request({
      url: `${PUBLIC_FILES_BASE}/${path}?v=${Math.floor(Date.now() / FRESH_FOR_MS)}`,
      method: 'GET',
      dataType: 'json',
      timeout: 10_000,
    })
    if (response.statusCode !== 200) return null
    const call = callFromPublicFile(response.data, callId)
    return call && callAsOf(call, Date.now())
  } catch {
    return null
  }
}
