// The one place the functions meet wx-server-sdk: initialisation, the database and the caller's identity.
import * as cloud from 'wx-server-sdk'

// DYNAMIC_CURRENT_ENV = whichever environment invoked the function; the SDK types `env` as a string only.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

export const db = cloud.database()
export const _ = db.command

/** The caller's openid, from WeChat's context only; undefined for an anonymous visitor (timeline share). */
export function callerOpenid(): string | undefined {
  const openid = cloud.getWXContext().OPENID
  return typeof openid === 'string' && openid !== '' ? openid : undefined
}

/** The caller's IP address as WeChat reports it ('' if none): tells anonymous visitors apart for rate limits. */
export function callerIp(): string {
  const ip = cloud.getWXContext().CLIENTIP
  return typeof ip === 'string' ? ip : ''
}

/** `openapi.<group>.<name>(params)`: WeChat's server APIs; a non-zero errcode is thrown with that errCode. */
export const openapi = cloud.openapi

/** A temporary download URL of a stored file ('' if it does not exist). */
export async function tempFileUrl(fileID: string): Promise<string> {
  const urls = (await cloud.getTempFileURL({ fileList: [fileID] })) as {
    fileList: { tempFileURL?: string }[]
  }
  return urls.fileList[0]?.tempFileURL ?? ''
}
