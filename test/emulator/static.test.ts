// The H5 build served at `/`: files, client-side routes, content types and caching.
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import type { Emulator } from '@emulator/index'
import { startTestEmulator } from './helpers'

const site = mkdtempSync(join(tmpdir(), 'emulator-site-'))
const BIG = 'console.log("举手");\n'.repeat(200)
let emu: Emulator

before(async () => {
  mkdirSync(join(site, 'js'))
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>举手</title>')
  writeFileSync(join(site, 'js', 'app.3f2a9c1b.js'), 'console.log(1)')
  writeFileSync(join(site, 'js', 'vendors.9e8d7c6b.js'), BIG)
  writeFileSync(join(site, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  writeFileSync(join(tmpdir(), 'emulator-secret.txt'), 'secret')
  emu = (await startTestEmulator({ staticDir: site })).emu
})
after(async () => {
  await emu.stop()
  rmSync(site, { recursive: true, force: true })
})

test('serves index.html at / and for client-side routes, never cached', async () => {
  for (const path of ['/', '/pages/call/index', '/packages/ngo/roster?id=1']) {
    const res = await fetch(emu.url + path)
    assert.equal(res.status, 200, path)
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8')
    assert.equal(res.headers.get('cache-control'), 'no-cache')
    assert.match(await res.text(), /举手/)
  }
})

test('content-hashed assets are cached for a year, others revalidate', async () => {
  const js = await fetch(`${emu.url}/js/app.3f2a9c1b.js`)
  assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8')
  assert.equal(js.headers.get('cache-control'), 'public, max-age=31536000, immutable')
  assert.equal(await js.text(), 'console.log(1)')
  const svg = await fetch(`${emu.url}/logo.svg`)
  assert.equal(svg.headers.get('content-type'), 'image/svg+xml')
  assert.equal(svg.headers.get('cache-control'), 'no-cache')
  const etag = svg.headers.get('etag') ?? ''
  const again = await fetch(`${emu.url}/logo.svg`, { headers: { 'if-none-match': etag } })
  assert.equal(again.status, 304)
})

test('text is sent compressed when the browser accepts it (brotli, else gzip), byte for byte the same', async () => {
  const { request } = await import('node:http')
  const { brotliDecompressSync, gunzipSync } = await import('node:zlib')
  const raw = (encoding: string) =>
    new Promise<{ headers: Record<string, unknown>; body: Buffer }>((done, fail) => {
      request(`${emu.url}/js/vendors.9e8d7c6b.js`, { headers: { 'accept-encoding': encoding } }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => done({ headers: res.headers, body: Buffer.concat(chunks) }))
      })
        .on('error', fail)
        .end()
    })
  const br = await raw('gzip, deflate, br')
  assert.equal(br.headers['content-encoding'], 'br')
  assert.equal(br.headers.vary, 'accept-encoding')
  assert.equal(brotliDecompressSync(br.body).toString(), BIG)
  assert.ok(br.body.length < BIG.length / 10)
  const gz = await raw('gzip')
  assert.equal(gz.headers['content-encoding'], 'gzip')
  assert.equal(gunzipSync(gz.body).toString(), BIG)
  const plain = await raw('identity')
  assert.equal(plain.headers['content-encoding'], undefined)
  assert.equal(plain.body.toString(), BIG)
})

test('a missing asset is a 404, not the app shell', async () => {
  const res = await fetch(`${emu.url}/js/missing.js`)
  assert.equal(res.status, 404)
})

test('paths cannot leave the served folder', async () => {
  for (const path of [
    '/..%2Femulator-secret.txt',
    '/%2e%2e/emulator-secret.txt',
    '/js/..%2F..%2Femulator-secret.txt',
  ]) {
    const res = await fetch(emu.url + path)
    assert.notEqual(await res.text(), 'secret', path)
  }
})

test('HEAD answers headers only; other methods are refused', async () => {
  const head = await fetch(`${emu.url}/logo.svg`, { method: 'HEAD' })
  assert.equal(head.status, 200)
  assert.equal(head.headers.get('content-length'), '41')
  assert.equal((await fetch(`${emu.url}/logo.svg`, { method: 'DELETE' })).status, 405)
})

test('health endpoint', async () => {
  const res = await fetch(`${emu.url}/_emulator/health`)
  assert.equal(res.status, 200)
  assert.equal(((await res.json()) as { ok: boolean }).ok, true)
  assert.equal((await fetch(`${emu.url}/_emulator/nothing`)).status, 404)
})
