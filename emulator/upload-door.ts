// The H5 app's way to put an image in cloud storage (on WeChat, wx.cloud.uploadFile does this):
// `POST /upload?folder=covers|logos|certificates` with the image as the body and the dev identity in `x-wx-openid`.
// The door names the file, never the caller: `<folder>/<a segment of the caller's own>/<128 random bits>.<ext>`,
// so no one can write over a file already stored (another organizer's reviewed cover) or guess where the next one
// goes; and it takes images only (PNG, JPEG, GIF, WebP, by their bytes), so nothing served back can be a page.
// Answers `{ fileID, url }`; the browser shows the URL, as it cannot resolve a cloud:// fileID itself.
import { createHash, randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { imageExtension, imageTypeOf } from './file-types'
import { readBody, sendJson } from './http-util'
import type { FileStorage } from './storage'

/** Images are compressed on the phone first: a few hundred KB; anything bigger is refused. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024

export const UPLOAD_FOLDERS = ['covers', 'logos', 'certificates'] as const

const OPENID = /^[A-Za-z0-9_-]{1,64}$/

/** The caller's folder: derived from the openid without showing it. */
export function ownerSegment(openid: string): string {
  return createHash('sha256').update(`upload-owner:${openid}`).digest('hex').slice(0, 16)
}

export async function uploadDoor(
  storage: FileStorage,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, { errCode: -1, errMsg: 'use POST' })
  const openid = req.headers['x-wx-openid']
  if (!openid) return sendJson(res, 401, { errCode: -1, errMsg: 'sign in to upload' })
  if (typeof openid !== 'string' || !OPENID.test(openid))
    return sendJson(res, 400, { errCode: -1, errMsg: 'x-wx-openid must be 1-64 letters, digits, _ or -' })
  const folder = url.searchParams.get('folder') ?? ''
  if (!(UPLOAD_FOLDERS as readonly string[]).includes(folder))
    return sendJson(res, 400, { errCode: -1, errMsg: `folder must be one of ${UPLOAD_FOLDERS.join(', ')}` })
  const body = await readBody(req, MAX_UPLOAD_BYTES)
  const type = imageTypeOf(body)
  if (!type) return sendJson(res, 415, { errCode: -1, errMsg: 'only PNG, JPEG, GIF or WebP images' })
  const cloudPath = `${folder}/${ownerSegment(openid)}/${randomBytes(16).toString('hex')}.${imageExtension(type)}`
  // 128 random bits never repeat; should they, nothing is overwritten
  if (storage.exists(cloudPath)) return sendJson(res, 409, { errCode: -1, errMsg: 'try again' })
  const { token, fileId } = storage.uploadMetadata(cloudPath)
  if (!storage.put(cloudPath, token, body))
    return sendJson(res, 500, { errCode: -1, errMsg: 'upload failed' })
  sendJson(res, 200, { fileID: fileId, url: storage.publicUrl(cloudPath) })
}
