// Posters in the browser: the local cloud's door to the `poster` function; saving is the browser's download.
import { fail, type ApiResult } from '@core/shared/errors'
import type { PosterResponse } from '@core/sharing/poster'
import { currentPersona } from '@services/cloud/persona'

export async function makePoster(callId: string): Promise<ApiResult<PosterResponse>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  const persona = currentPersona()
  if (persona) headers['x-wx-openid'] = persona.openid
  try {
    const response = await fetch(`${H5_API_BASE}/functions/poster`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ callId }),
    })
    return (await response.json()) as ApiResult<PosterResponse>
  } catch {
    return fail('INTERNAL', '网络异常，请检查网络后重试')
  }
}

export async function savePoster(url: string): Promise<boolean> {
  const link = document.createElement('a')
  link.href = url
  link.download = 'poster.png'
  link.target = '_blank'
  link.click()
  return true
}

export const canSendToChat = false

export async function sendToChat(): Promise<void> {
  throw new Error('sending to a chat needs WeChat')
}
