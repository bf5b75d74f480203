// How a request reaches the `api` cloud function. Taro resolves `./transport` to transport.weapp.ts or
// transport.h5.ts by TARO_ENV at build time; this file only gives TypeScript the shared signature, and fails
// loudly if a build for another platform ever picks it.
import type { ApiEvent } from '@core/contract'

/** Sends one event to the `api` function and resolves with whatever it returned; rejects on network failure. */
export type Transport = (event: ApiEvent) => Promise<unknown>

export const transport: Transport = () =>
  Promise.reject(new Error(`no transport for TARO_ENV=${process.env.TARO_ENV}`))
