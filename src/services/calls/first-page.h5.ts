// In the browser: the first page is asked for when the app starts on the list (an empty route or the list's own).
import type { ListCallsResponse } from '@core/calls/contract'
import type { ApiResult } from '@core/shared/errors'
import { listCalls } from '@services/cloud/api'

/** An early answer older than this is not shown: the list is read again. */
const FRESH_MS = 30_000

let early: { at: number; answer: Promise<ApiResult<ListCallsResponse>> } | undefined

export function prefetchFirstPage(): void {
  const route = window.location.hash.replace(/^#\/?/, '').split('?')[0]
  if (route !== '' && route !== 'pages/calls/index') return
  early = { at: Date.now(), answer: listCalls({}) }
}

export function takeFirstPage(): Promise<ApiResult<ListCallsResponse>> | undefined {
  const taken = early
  early = undefined
  return taken && Date.now() - taken.at <= FRESH_MS ? taken.answer : undefined
}
