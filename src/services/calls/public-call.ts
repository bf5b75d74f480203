// A call's public file (src/core/calls/public-file.ts), read from the storage's CDN: the call's page can show the call
// without the function, whose instances a call shared into big group chats keeps busy. On WeChat with wx.request; in
// the browser with fetch, taking the read index.html's first script started when a shared link opened the page.
// PUBLIC_FILES_BASE is the storage's public address (config/index.ts); a build without one reads none.
import type { CallDetail } from '@core/calls/contract'

/** The call as its public file shows it now, or null (no such file, not public any more, no network). */
export declare function readPublicCall(callId: string): Promise<CallDetail | null>
