// Small HTTP helpers shared by the emulator's routes.
import type { IncomingMessage, ServerResponse } from 'node:http'

export class BodyTooLarge extends Error {}

/** A request body that is not JSON, or JSON nested deeper than any real request: answered with 400. */
export class BadJson extends Error {}

/** Deeper than anything the SDK or the app sends; deep enough to be no limit for real requests. */
export const MAX_JSON_DEPTH = 64

/** A body over the limit is still read to its end (and dropped) up to this many bytes, so the sender sees 413. */
const DRAIN_BYTES = 64 * 1024 * 1024

/**
 * The request body, at most `limit` bytes. A longer one rejects with BodyTooLarge once it has been read to its end
 * and thrown away: answering while the client is still sending would reset its connection before it reads the 413.
 * One beyond DRAIN_BYTES is cut off.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) return void chunks.push(chunk)
      chunks.length = 0
      if (size > Math.max(DRAIN_BYTES, limit)) {
        reject(new BodyTooLarge(`request body over ${limit} bytes`))
        req.destroy()
      }
    })
    req.on('end', () =>
      size > limit
        ? reject(new BodyTooLarge(`request body over ${limit} bytes`))
        : resolve(Buffer.concat(chunks)),
    )
    req.on('error', reject)
  })
}

/**
 * Parses JSON text, refusing (BadJson) text that is not JSON or nests arrays and objects deeper than `maxDepth`:
 * such a value parses, but copying it to a function instance or writing it back overflows the stack.
 */
export function parseJson(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  if (jsonDepth(text) > maxDepth) throw new BadJson(`JSON nested deeper than ${maxDepth} levels`)
  try {
    return JSON.parse(text)
  } catch {
    throw new BadJson('not JSON')
  }
}

/** How deep arrays and objects nest in JSON text (brackets inside strings do not count). */
export function jsonDepth(text: string): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth)
    else if (c === 0x5d || c === 0x7d) depth--
  }
  return deepest
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendRawJson(res, status, JSON.stringify(body))
}

export function sendRawJson(res: ServerResponse, status: number, json: string): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'no-store',
  })
  res.end(json)
}

/** Lets the H5 app on a dev server (another origin) call the function door and the inspection endpoints. */
export function allowCors(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('access-control-allow-origin', req.headers.origin ?? '*')
  res.setHeader('vary', 'origin')
  res.setHeader('access-control-allow-methods', 'GET, POST, DELETE, OPTIONS')
  res.setHeader('access-control-allow-headers', 'content-type, x-wx-openid')
  res.setHeader('access-control-max-age', '600')
}
