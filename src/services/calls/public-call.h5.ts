// In the browser: fetch from the storage's public address, or take the read index.html's first script started
// (config/start-page-early.ts) when a shared link opened the app on this call's page.
import type { CallDetail } from '@core/calls/contract'
import { callAsOf, callFromPublicFile, PUBLIC_FILE_FRESH_MS, publicCallUrl } from '@core/calls/public-file'

/** Where index.html's first script leaves its read (config/index.ts names the same global). */
const STARTED_BY_THE_PAGE = '__jushouCallFile'

interface Early {
  id: string
  at: number
  file: Promise<unknown>
}

export async function readPublicCall(callId: string): Promise<CallDetail | null> {
  const url = publicCallUrl(PUBLIC_FILES_BASE, callId, Date.now())
  if (!url) return null
  try {
    const body = await (takeEarly(callId) ?? fetch(url).then((res) => (res.ok ? res.json() : null)))
    const call = callFromPublicFile(body, callId)
    return call && callAsOf(call, Date.now())
  } catch {
    return null
  }
}

/** The early read, once, if it was of this call and is recent; any later open reads afresh. */
function takeEarly(callId: string): Promise<unknown> | undefined {
  const holder = window as unknown as Record<string, Early | undefined>
  const early = holder[STARTED_BY_THE_PAGE]
  delete holder[STARTED_BY_THE_PAGE]
  return early && early.id === callId && Date.now() - early.at < PUBLIC_FILE_FRESH_MS ? early.file : undefined
}
