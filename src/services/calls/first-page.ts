// The list's first page, asked for while the app is still starting. In the browser the list page's code is fetched
// only after the app's, so its request would wait for that download and the page's first render: opened on the list,
// the app asks at once and the page takes the answer. On WeChat the pages load with the app: nothing is asked early.
import type { ListCallsResponse } from '@core/calls/contract'
import type { ApiResult } from '@core/shared/errors'

/** Asks for the list's first page (no filters) if the app is opening on the list. */
export declare function prefetchFirstPage(): void

/** The early answer, once, if there is one and it is fresh; afterwards (a refresh) undefined. */
export declare function takeFirstPage(): Promise<ApiResult<ListCallsResponse>> | undefined

/**
 * The early answer, once, if it has already come (and is fresh): the list's first frame can show the cards, not a
 * skeleton drawn only to be replaced. undefined while it is still on its way: takeFirstPage() then waits for it.
 */
export declare function takeArrivedFirstPage(): ApiResult<ListCallsResponse> | undefined
