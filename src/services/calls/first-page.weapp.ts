// On WeChat the list page loads with the app: its own request is as early as any.
import type { ListCallsResponse } from '@core/calls/contract'
import type { ApiResult } from '@core/shared/errors'

export function prefetchFirstPage(): void {}

export function takeFirstPage(): Promise<ApiResult<ListCallsResponse>> | undefined {
  return undefined
}

export function takeArrivedFirstPage(): ApiResult<ListCallsResponse> | undefined {
  return undefined
}
