// Subscribe messages: on WeChat its own sheet; in the browser a look-alike that registers with the local cloud.
import type { SubscribeTemplate } from '@core/messages/contract'

/**
 * Resolves with the ids the person allowed (none if they refused or the sheet failed). Must be called from a tap:
 * WeChat shows the sheet only in answer to one.
 */
export type RequestSubscriptions = (templates: SubscribeTemplate[]) => Promise<string[]>

export declare const requestSubscriptions: RequestSubscriptions
