// The `poster` cloud function: a call's share poster as a PNG in cloud storage, with a mini-program code whose
// scene carries the call and the caller's referrer code. Stored under a hash of everything it shows, so the same
// poster is rendered once and then only looked up.
// Asked with `kind: 'certificate'`, it renders a volunteer's 志愿服务证明 instead (certificate.ts).
import { createHash } from 'node:crypto'
import type { CertificateImageResponse } from '@core/certificates/contract'
import { fail, ok, type ApiResult } from '@core/shared/errors'
import { POSTER_PAGE, POSTER_TEMPLATE_VERSION, posterFacts, type PosterResponse } from '@core/sharing/poster'
import { encodeScene } from '@core/sharing/scene'
import { validateCallId } from '@core/calls/validate'
import { findVisibleCall } from '@lib/calls/visible-call'
import { now } from '@lib/cloud/clock'
import { startInvocation } from '@lib/cloud/quota-retry'
import { callerOpenid, openapi } from '@lib/cloud/cloud'
import { downloadFile, storeFile, tempUrlOf } from '@lib/cloud/cloud-files'
import { referrerCodeFor } from '@lib/sharing/referrers'
import { certificateImage, isCertificateRequest } from './certificate'
import { generatedCover } from './layout'
import { renderPoster } from './render'
import { findStored, rememberStored } from './stored'

export async function main(event: unknown): Promise<ApiResult<PosterResponse | CertificateImageResponse>> {
  startInvocation(Date.now(), { resentOnBusy: false })
  try {
    // `kind: 'certificate'` asks for a certificate; anything else is a call's poster, as it always was
    return isCertificateRequest(event) ? await certificateImage(event) : await poster(event)
  } catch (err) {
    console.error('poster failed:', err)
    return fail('INTERNAL')
  }
}

async function poster(event: unknown): Promise<ApiResult<PosterResponse>> {
  const openid = callerOpenid()
  if (!openid) return fail('UNAUTHENTICATED')
  const input = validateCallId(event)
  if (!input.ok) return fail('INVALID_INPUT', undefined, input.fields)
  const found = await findVisibleCall(input.value.callId, openid)
  if (!found) return fail('NOT_FOUND')
  const { call, ngo } = found

  const scene = encodeScene({ callId: call._id, referrerCode: await referrerCodeFor(openid, now()) })
  const facts = posterFacts(call, ngo)
  const key = createHash('sha256')
    .update(JSON.stringify({ v: POSTER_TEMPLATE_VERSION, facts, cover: call.cover, scene }))
    .digest('hex')
    .slice(0, 32)
  const cloudPath = `posters/${call._id}/${key}.png`

  const storedId = await findStored(cloudPath)
  if (storedId) {
    const url = await tempUrlOf(storedId)
    if (url) return ok({ fileID: storedId, url, scene, cached: true })
  }

  const code = (await openapi.wxacode.getUnlimited({
    scene,
    page: POSTER_PAGE,
    checkPath: false,
    width: 280,
  })) as { buffer: Buffer; contentType?: string }
  const png = await renderPoster(
    facts,
    await coverOf(call.cover, call.tags),
    dataUri(code.buffer, 'image/png'),
  )
  const fileID = await storeFile(cloudPath, png)
  await rememberStored(cloudPath, fileID, { callId: call._id })
  return ok({ fileID, url: (await tempUrlOf(fileID)) ?? '', scene, cached: false })
}

async function coverOf(cover: string, tags: string[]): Promise<string> {
  if (cover.startsWith('cloud://')) {
    try {
      const content = await downloadFile(cover)
      return dataUri(content, content[0] === 0x89 ? 'image/png' : 'image/jpeg')
    } catch (err) {
      console.warn('cover unavailable, drawing one:', err)
    }
  }
  return generatedCover(tags)
}

function dataUri(content: Buffer, type: string): string {
  return `data:${type};base64,${content.toString('base64')}`
}
