// The caller's certificates, latest first; superseded versions are left out (their successors are listed).
import { certificateView } from '../../../src/core/certificate'
import type { MyCertificatesResponse } from '../../../src/core/certificate-api'
import { fail, ok } from '../../../src/core/errors'
import type { Certificate } from '../../../src/core/types'
import { collection, find } from '../../lib/db'
import type { ActionHandler } from '../caller'

const MAX_CERTIFICATES = 100

export const myCertificates: ActionHandler<MyCertificatesResponse> = async (_event, { openid }) => {
  if (!openid) return fail('UNAUTHENTICATED')
  const docs = await find<Certificate>(
    collection('certificates').where({ openid }).orderBy('issuedAt', 'desc').limit(MAX_CERTIFICATES),
  )
  return ok({
    certificates: docs
      .filter((doc) => !doc.supersededBy)
      .map((doc) => ({ ...certificateView(doc), signUpId: doc.signUpId })),
  })
}
