// The emulator's HTTP front: the SDK's `/admin` endpoint, storage uploads and downloads, the H5 app's function
// door (`POST /functions/:name`), inspection endpoints under `/_emulator/`, and the H5 build itself.
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AdminContext } from './admin'
import { handleAdmin } from './admin'
import type { FunctionPool } from './function-pool'
import { FUNCTION_ERRORS } from './function-pool'
import { BadJson, BodyTooLarge, allowCors, parseJson, readBody, sendJson, sendRawJson } from './http-util'
import { inspectionRoutes } from './inspection'
import { parseMultipart } from './multipart'
import type { InspectionContext } from './inspection'
import { storedFileHeaders } from './file-types'
import { serveStatic } from './static-files'
import { STORAGE_PREFIX, isPrivate } from './storage'
import { uploadDoor } from './upload-door'

export interface ServerContext extends AdminContext, InspectionContext {
  functions: FunctionPool
  staticDir?: string
  log: boolean
}

const MAX_EVENT_BYTES = 6 * 1024 * 1024 // WeChat's limit for a callFunction payload
const MAX_ADMIN_BYTES = 60 * 1024 * 1024
const OPENID = /^[A-Za-z0-9_-]{1,64}$/

export function createEmulatorServer(ctx: ServerContext): Server {
  const server = createServer((req, res) => {
    route(ctx, req, res).catch((err: unknown) => {
      if (res.headersSent) return void res.destroy()
      if (err instanceof BodyTooLarge) return sendJson(res, 413, { errCode: -501007, errMsg: err.message })
      if (err instanceof BadJson) return sendJson(res, 400, { errCode: -501007, errMsg: err.message })
      if (ctx.log) console.error('[emulator]', err)
      sendJson(res, 500, { errCode: -501001, errMsg: (err as Error).message })
    })
  })
  // The SDK's keep-alive agent drops idle sockets after 4.8 s: stay open longer so it never reuses a closed one.
  server.keepAliveTimeout = 10_000
  server.headersTimeout = 15_000
  return server
}

async function route(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost')
  const path = url.pathname

  if (path === '/admin' && req.method === 'POST') return admin(ctx, req, res)
  if (path.startsWith(STORAGE_PREFIX)) return storageFile(ctx, req, res, url)
  if (path === '/upload') {
    allowCors(req, res)
    if (req.method === 'OPTIONS') return void res.writeHead(204).end()
    return uploadDoor(ctx.storage, req, res, url)
  }
  if (path.startsWith('/functions/') || path.startsWith('/_emulator/')) {
    allowCors(req, res)
    if (req.method === 'OPTIONS') return void res.writeHead(204).end()
    if (path.startsWith('/functions/')) return door(ctx, req, res, path.slice('/functions/'.length))
    return inspectionRoutes(ctx, req, res, url)
  }
  if (ctx.staticDir) return serveStatic(ctx.staticDir, req, res, path)
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not Found')
}

async function admin(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const raw = await readBody(req, MAX_ADMIN_BYTES)
  const type = req.headers['content-type'] ?? ''
  let params: Record<string, unknown> | undefined
  try {
    params = type.startsWith('multipart/form-data')
      ? formFields(raw, type)
      : (parseJson(raw.toString('utf8')) as Record<string, unknown>)
  } catch {
    params = undefined
  }
  if (!params || typeof params !== 'object' || Array.isArray(params)) {
    return sendJson(res, 400, {
      code: 'INVALID_PARAM',
      message: 'request body is neither a JSON object (at most 64 levels deep) nor multipart',
    })
  }
  const reply = await handleAdmin(ctx, params)
  if (reply.kind === 'json') return sendJson(res, 200, reply.body)
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': reply.body.length })
  res.end(reply.body)
}

/** wx.openApi comes as multipart/form-data: its fields are text except the protobuf `requestData`. */
function formFields(raw: Buffer, contentType: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(parseMultipart(raw, contentType))) {
    fields[key] = key === 'requestData' ? value : value.toString('utf8')
  }
  return fields
}

/** `/_storage/<path>`: the PUT of an upload getUploadMetadata allowed, and downloads (see FileStorage.download). */
async function storageFile(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, url: URL) {
  let cloudPath: string
  try {
    cloudPath = decodeURIComponent(url.pathname.slice(STORAGE_PREFIX.length))
  } catch {
    return void res.writeHead(400).end()
  }
  if (req.method === 'PUT') {
    const body = await readBody(req, MAX_ADMIN_BYTES)
    const token = req.headers['x-cos-security-token']
    if (!ctx.storage.put(cloudPath, typeof token === 'string' ? token : undefined, body)) {
      const xml = `<?xml version='1.0' encoding='utf-8' ?><Error><Code>AccessDenied</Code><Message>upload was not authorised by getUploadMetadata</Message><RequestId>local</RequestId><TraceId>local</TraceId></Error>`
      return void res.writeHead(403, { 'content-type': 'application/xml' }).end(xml)
    }
    return void res.writeHead(200).end()
  }
  if (req.method === 'GET' || req.method === 'HEAD') {
    const file = ctx.storage.download(cloudPath, url.searchParams)
    if (file.status === 'forbidden')
      return void res.writeHead(403, { 'content-type': 'text/plain' }).end('AccessDenied')
    if (file.status === 'not-found')
      return void res.writeHead(404, { 'content-type': 'text/plain' }).end('NoSuchKey')
    const headers = storedFileHeaders(cloudPath, file.content)
    if (isPrivate(cloudPath)) headers['cache-control'] = 'no-store'
    res.writeHead(200, headers)
    return void res.end(req.method === 'HEAD' ? undefined : file.content)
  }
  res.writeHead(405).end()
}

/** The H5 app's way in: `POST /functions/:name`, event as JSON body, the dev identity in `x-wx-openid`. */
async function door(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
): Promise<void> {
  // no signal: the request goes nowhere, so the phone's request fails as a network error, not a reply
  if (!ctx.network.online) return void req.socket.destroy()
  if (req.method !== 'POST') return sendJson(res, 405, { errCode: -501007, errMsg: 'use POST' })
  const raw = await readBody(req, MAX_EVENT_BYTES)
  const openid = req.headers['x-wx-openid']
  if (openid !== undefined && openid !== '' && (typeof openid !== 'string' || !OPENID.test(openid))) {
    return sendJson(res, 400, {
      errCode: -501007,
      errMsg: 'x-wx-openid must be 1-64 letters, digits, _ or -',
    })
  }
  let event: unknown = {}
  if (raw.length) {
    try {
      event = parseJson(raw.toString('utf8'))
    } catch (err) {
      return sendJson(res, 400, {
        errCode: -501007,
        errMsg: `request body must be JSON: ${(err as Error).message}`,
      })
    }
  }
  if (!event || typeof event !== 'object' || Array.isArray(event)) {
    return sendJson(res, 400, { errCode: -501007, errMsg: 'the event must be a JSON object' })
  }
  if (!ctx.functions.has(name)) {
    return sendJson(res, 404, { errCode: FUNCTION_ERRORS.NOT_FOUND, errMsg: `function not found: ${name}` })
  }
  const result = await ctx.functions.invoke(name, event, { openid: openid ?? '', source: 'wx_client' })
  if (result.ok) return sendRawJson(res, 200, result.json)
  if (ctx.log) console.error(`[emulator] ${name} failed: ${result.errMsg}`)
  sendJson(res, 500, { errCode: result.errCode, errMsg: result.errMsg })
}
