// In the browser: the local cloud's door to the `poster` function, as the chosen persona.
import type { CertificateImageRequest, CertificateImageResponse } from '@core/certificates/contract'
import { fail, type ApiResult } from '@core/shared/errors'
import { currentPersona } from '@services/cloud/persona'

export async function certificateImage(certificateNo: string): Promise<ApiResult<CertificateImageResponse>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  const persona = currentPersona()
  if (persona) headers['x-wx-openid'] = persona.openid
  const data: CertificateImageRequest = { kind: 'certificate', certificateNo }
  try {
    const response = await fetch(`${H5_API_BASE}/functions/poster`, {
      method: 'POST',
      headers,
      body: JSON.stringify(data),
    })
    return (await response.json()) as ApiResult<CertificateImageResponse>
  } catch {
    return fail('INTERNAL', '网络异常，请检查网络后重试')
  }
}
