// The sharer's card: on WeChat their referrer code and a live group card (「成员正在加入」); in the browser none.
import type { CallDetail } from '@core/calls/contract'

/**
 * A hook for the call's page: turns its share menu into a live group card once the call is shown, and returns the
 * signed-in sharer's referrer code for the shared path (undefined until it came, for an anonymous visitor, and in
 * the browser).
 */
export declare function useLiveCard(callId: string, call: CallDetail | null): string | undefined
