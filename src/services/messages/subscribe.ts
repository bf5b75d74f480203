// Asking the volunteer for subscribe messages: Taro resolves `./subscribe` to subscribe.weapp.ts (WeChat's own
// sheet) or subscribe.h5.ts (a look-alike that registers with the local cloud) by TARO_ENV. Must be called from a
// tap: WeChat shows the sheet only in answer to one.
import type { SubscribeTemplate } from '@core/messages/contract'

/** Resolves with the ids the person allowed (none if they refused or the sheet failed). */
export type RequestSubscriptions = (templates: SubscribeTemplate[]) => Promise<string[]>

export const requestSubscriptions: RequestSubscriptions = () =>
  Promise.reject(new Error(`no subscribe sheet for TARO_ENV=${process.env.TARO_ENV}`))
