// A certificate's picture from the `poster` function: on WeChat through wx.cloud; in the browser the local cloud.
import type { CertificateImageResponse } from '@core/certificates/contract'
import type { ApiResult } from '@core/shared/errors'

/** Never throws: a network failure is an INTERNAL error the page can show. Saving it: savePoster (poster.ts). */
export declare function certificateImage(certificateNo: string): Promise<ApiResult<CertificateImageResponse>>
