// The `poster` function's certificate: the PNG of a 志愿服务证明 for its own volunteer, with a code that opens
// 证书查验 with its verification code. Stored under a hash of what it shows, so it is rendered once.
import { createHash } from 'node:crypto'
import {
  certificateText,
  certificateView,
  looksLikeCertificateNo,
  VERIFY_PAGE,
} from '@core/certificates/certificate'
import type { CertificateImageResponse } from '@core/certificates/contract'
import { fail, ok, type ApiResult } from '@core/shared/errors'
import { asInput } from '@core/shared/validation'
import { callerOpenid, openapi } from '@lib/cloud/cloud'
import { storeFile, tempUrlOf } from '@lib/cloud/cloud-files'
import { findById } from '@lib/cloud/db'
import { CERTIFICATE_HEIGHT, CERTIFICATE_WIDTH, certificateTree } from './certificate-layout'
import { renderImage } from './render'
import { findStored, rememberStored } from './stored'

/** Bump when the layout changes: it is part of the cache key, so old pictures are not reused. */
export const CERTIFICATE_TEMPLATE_VERSION = 1

export function isCertificateRequest(event: unknown): boolean {
  return asInput(event)?.kind === 'certificate'
}

export async function certificateImage(event: unknown): Promise<ApiResult<CertificateImageResponse>> {
  const openid = callerOpenid()
  if (!openid) return fail('UNAUTHENTICATED')
  const number = asInput(event)?.certificateNo
  if (!looksLikeCertificateNo(number))
    return fail('INVALID_INPUT', undefined, { certificateNo: '证书编号无效' })
  const doc = await findById('certificates', number)
  // Only its volunteer gets the picture; to anyone else it does not exist.
  if (!doc || doc.openid !== openid) return fail('NOT_FOUND', '证书不存在')

  const view = certificateView(doc)
  const key = createHash('sha256')
    .update(JSON.stringify({ v: CERTIFICATE_TEMPLATE_VERSION, view }))
    .digest('hex')
    .slice(0, 32)
  const cloudPath = `certificates/${doc._id}/${key}.png`
  const stored = await findStored(cloudPath)
  if (stored) {
    const url = await tempUrlOf(stored)
    if (url) return ok({ fileID: stored, url, cached: true })
  }

  const qr = (await openapi.wxacode.getUnlimited({
    scene: doc.code,
    page: VERIFY_PAGE,
    checkPath: false,
    width: 280,
  })) as { buffer: Buffer }
  const png = await renderImage(
    certificateTree(view, `data:image/png;base64,${qr.buffer.toString('base64')}`),
    CERTIFICATE_WIDTH,
    CERTIFICATE_HEIGHT,
    certificateText(view),
  )
  const fileID = await storeFile(cloudPath, png)
  await rememberStored(cloudPath, fileID, { certificateNo: doc._id })
  return ok({ fileID, url: (await tempUrlOf(fileID)) ?? '', cached: false })
}
