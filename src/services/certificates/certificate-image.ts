// A certificate's picture from the `poster` function. Taro resolves `./certificate-image` to the .weapp or .h5
// file by TARO_ENV; this file only gives TypeScript the shared signature. Saving it: savePoster (poster.ts).
import type { CertificateImageResponse } from '@core/certificates/contract'
import type { ApiResult } from '@core/shared/errors'

/** Never throws: a network failure is an INTERNAL error the page can show. */
export function certificateImage(_certificateNo: string): Promise<ApiResult<CertificateImageResponse>> {
  return Promise.reject(new Error(`no certificate image service for TARO_ENV=${process.env.TARO_ENV}`))
}
