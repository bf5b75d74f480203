// In the browser: the first page is asked for when the app starts on the list (an empty route or the list's own),
// or taken as index.html's first script asked for it, earlier still.
import type { ListCallsResponse } from '@core/calls/contract'
import type { ApiResult } from '@core/shared/errors'
import { listCalls } from '@services/cloud/api'

/** An early answer older than this is not shown: the list is read again. */
const FRESH_MS = 30_000

interface Early {
  at: number
  answer: Promise<ApiResult<ListCallsResponse>>
  /** the answer, once it has come */
  arrived?: ApiResult<ListCallsResponse>
}

let early: Early | undefined

/**
 * Where index.html's first script leaves the reply to `{ action: 'listCalls' }` when it opens on the list, sent
 * before the app's code had even arrived (config/start-page-early.ts names the same global).
 */
const SENT_BY_THE_PAGE = '__jushouFirstPage'

export function prefetchFirstPage(): void {
  const route = window.location.hash.replace(/^#\/?/, '').split('?')[0]
  if (route !== '' && route !== 'pages/calls/index') return
  const holder = window as unknown as Record<string, Promise<unknown> | undefined>
  const sent = holder[SENT_BY_THE_PAGE]
  delete holder[SENT_BY_THE_PAGE]
  const asked: Early = { at: Date.now(), answer: listCalls({}, { sent }) }
  asked.answer.then((result) => (asked.arrived = result))
  early = asked
}

function take(): Early | undefined {
  const taken = early
  early = undefined
  return taken && Date.now() - taken.at <= FRESH_MS ? taken : undefined
}

export function takeFirstPage(): Promise<ApiResult<ListCallsResponse>> | undefined {
  return take()?.answer
}

export function takeArrivedFirstPage(): ApiResult<ListCallsResponse> | undefined {
  return early?.arrived ? take()?.arrived : undefined
}
