// The caller's certificates, latest first; superseded versions are left out (their successors are listed).
import { certificateView } from '@core/certificates/certificate'
import type { MyCertificatesResponse } from '@core/certificates/contract'
import { type ApiResult, ok } from '@core/shared/errors'
import type { Certificate } from '@core/model'
import { collection, find } from '@lib/cloud/db'
import { defineAction, noInput } from '@functions/api/gate'

const MAX_CERTIFICATES = 100

export const myCertificates = defineAction({
  who: 'signedIn',
  resource: 'none',
  validate: noInput,
  run: async ({ openid }): Promise<ApiResult<MyCertificatesResponse>> => {
    const docs = await find<Certificate>(
      collection('certificates').where({ openid }).orderBy('issuedAt', 'desc').limit(MAX_CERTIFICATES),
    )
    return ok({
      certificates: docs
        .filter((doc) => !doc.supersededBy)
        // a call-wide certificate is reached through any session it lists: the first
        .map((doc) => ({ ...certificateView(doc), signUpId: doc.sessions?.[0]?.signUpId ?? doc.signUpId })),
    })
  },
})
