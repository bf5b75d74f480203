// Posters on each platform: Taro picks poster.weapp.ts or poster.h5.ts by TARO_ENV; this file gives TypeScript
// the shared signatures, and fails loudly if a build for another platform ever picks it.
import type { ApiResult } from '@core/shared/errors'
import type { PosterResponse } from '@core/sharing/poster'

/** Asks the `poster` function for the call's poster (with the caller's referrer in its code); never throws. */
export function makePoster(_callId: string): Promise<ApiResult<PosterResponse>> {
  return Promise.reject(new Error(`no poster service for TARO_ENV=${process.env.TARO_ENV}`))
}

/** Saves the poster to the photo album (asking again, via the settings page, if the user refused before). */
export function savePoster(_url: string): Promise<boolean> {
  return Promise.reject(new Error(`no poster service for TARO_ENV=${process.env.TARO_ENV}`))
}

/** Whether the poster can be sent straight to a chat (WeChat's showShareImageMenu). */
export const canSendToChat: boolean = false

export function sendToChat(_url: string): Promise<void> {
  return Promise.reject(new Error(`no poster service for TARO_ENV=${process.env.TARO_ENV}`))
}
