// The H5 app's way to put an image in cloud storage (on WeChat, wx.cloud.uploadFile does this):
// `POST /upload?cloudPath=<path>` with the file as the body and the dev identity in `x-wx-openid`.
// Answers `{ fileID, url }`; the browser shows the URL, as it cannot resolve a cloud:// fileID itself.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { readBody, sendJson } from './http-util'
import type { FileStorage } from './storage'

/** Images are compressed on the phone first: a few hundred KB; anything bigger is refused. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024

export async function uploadDoor(
  storage: FileStorage,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, { errCode: -1, errMsg: 'use POST' })
  if (!req.headers['x-wx-openid']) return sendJson(res, 401, { errCode: -1, errMsg: 'sign in to upload' })
  const cloudPath = url.searchParams.get('cloudPath') ?? ''
  if (!/^(covers|logos|certificates)\/[\w.-]{1,80}$/.test(cloudPath))
    return sendJson(res, 400, { errCode: -1, errMsg: 'cloudPath must be covers/|logos/|certificates/<name>' })
  const body = await readBody(req, MAX_UPLOAD_BYTES)
  const { token, fileId } = storage.uploadMetadata(cloudPath)
  if (!storage.put(cloudPath, token, body))
    return sendJson(res, 500, { errCode: -1, errMsg: 'upload failed' })
  const [file] = storage.tempUrls([fileId])
  sendJson(res, 200, { fileID: fileId, url: file?.tempFileURL ?? '' })
}
