// How a request reaches the `api` function: on WeChat wx.cloud.callFunction; in the browser the local cloud's door.
import type { ApiEvent } from '@core/contract'

/** Sends one event to the `api` function and resolves with whatever it returned; rejects on network failure. */
export type Transport = (event: ApiEvent) => Promise<unknown>

export declare const transport: Transport
