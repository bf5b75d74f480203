// Serves the H5 build: files by path, index.html for client-side routes, long caching for hashed assets only, and
// text compressed (brotli, else gzip) as any real host would: the app's JS is 4× smaller on the wire.
import { createReadStream, readFileSync, statSync } from 'node:fs'
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, resolve, sep } from 'node:path'

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
}

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/** Content-hashed names (app.3f2a9c1b.js) never change content: cache them for a year; revalidate the rest. */
const HASHED = /[.-][0-9a-f]{8,}\.[a-z0-9]+$/i

export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, pathname: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end()
    return
  }
  let file = fileIn(root, pathname)
  let isFallback = false
  if (!file) {
    // Unknown paths without an extension are client-side routes: answer with the app shell.
    if (extname(pathname)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not Found')
      return
    }
    file = fileIn(root, '/index.html')
    isFallback = true
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('No H5 build to serve')
      return
    }
  }
  const stat = statSync(file)
  const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`
  const headers: Record<string, string | number> = {
    'content-type': contentTypeOf(file),
    'cache-control': !isFallback && HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
    etag,
    'x-content-type-options': 'nosniff',
  }
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end()
    return
  }
  // a file under 1 KB gains nothing (its compressed form can be longer)
  const compressible = stat.size >= 1024 && COMPRESSIBLE.test(headers['content-type'] as string)
  const encoding = compressible ? acceptedEncoding(req) : undefined
  if (encoding) {
    const body = compressed(file, etag, encoding)
    headers['content-encoding'] = encoding
    headers.vary = 'accept-encoding'
    headers['content-length'] = body.length
    res.writeHead(200, headers)
    res.end(req.method === 'HEAD' ? undefined : body)
    return
  }
  headers['content-length'] = stat.size
  res.writeHead(200, headers)
  if (req.method === 'HEAD') res.end()
  else createReadStream(file).pipe(res)
}

const COMPRESSIBLE = /^(text\/|application\/(json|javascript)|image\/svg)/

function acceptedEncoding(req: IncomingMessage): 'br' | 'gzip' | undefined {
  const accepted = String(req.headers['accept-encoding'] ?? '')
  if (/\bbr\b/.test(accepted)) return 'br'
  if (/\bgzip\b/.test(accepted)) return 'gzip'
  return undefined
}

/** Each file compressed once per version (its etag) and encoding: the build does not change while served. */
const cache = new Map<string, Buffer>()

function compressed(file: string, etag: string, encoding: 'br' | 'gzip'): Buffer {
  const key = `${encoding} ${etag} ${file}`
  let body = cache.get(key)
  if (!body) {
    const raw = readFileSync(file)
    body =
      encoding === 'br'
        ? brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9 } })
        : gzipSync(raw, { level: 9 })
    cache.set(key, body)
  }
  return body
}

function fileIn(root: string, pathname: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return undefined
  }
  const base = resolve(root)
  let file = resolve(join(base, decoded))
  if (file !== base && !file.startsWith(base + sep)) return undefined
  try {
    if (statSync(file).isDirectory()) file = join(file, 'index.html')
    return statSync(file).isFile() ? file : undefined
  } catch {
    return undefined
  }
}
