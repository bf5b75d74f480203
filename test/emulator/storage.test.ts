// Cloud storage through the real SDK: upload, temp URLs, download, delete.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Emulator } from '../../emulator'
import type { startTestEmulator as Start } from './helpers'
import { startTestEmulator } from './helpers'

let emu: Emulator
let sdk: Awaited<ReturnType<typeof Start>>['sdk']

before(async () => {
  ;({ emu, sdk } = await startTestEmulator())
})
after(() => emu.stop())

test('upload, temp URL, download and delete a file', async () => {
  const content = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255])
  const { fileID } = await sdk.uploadFile({ cloudPath: 'posters/call 1/海报.png', fileContent: content })
  assert.match(fileID, /^cloud:\/\/local\..+\/posters\/call 1\/海报\.png$/)

  const urls = await sdk.getTempFileURL({ fileList: [fileID] })
  const entry = (urls as { fileList: { status: number; tempFileURL: string }[] }).fileList[0]
  assert.equal(entry.status, 0)
  const res = await fetch(encodeURI(entry.tempFileURL))
  assert.equal(res.status, 200)
  assert.equal(res.headers.get('content-type'), 'image/png')
  assert.deepEqual(Buffer.from(await res.arrayBuffer()), content)

  const downloaded = await sdk.downloadFile({ fileID })
  assert.deepEqual(downloaded.fileContent, content)

  const deleted = await sdk.deleteFile({ fileList: [fileID] })
  assert.equal((deleted as { fileList: { status: number }[] }).fileList[0].status, 0)
  const gone = await sdk.getTempFileURL({ fileList: [fileID] })
  assert.equal((gone as { fileList: { status: number }[] }).fileList[0].status, -503003)
  assert.equal((await fetch(encodeURI(entry.tempFileURL))).status, 404)
})

test('a PUT without an upload ticket is refused and stores nothing', async () => {
  const res = await fetch(`${emu.url}/_storage/sneaky.txt`, { method: 'PUT', body: 'x' })
  assert.equal(res.status, 403)
  assert.equal((await fetch(`${emu.url}/_storage/sneaky.txt`)).status, 404)
})

test('invalid cloud paths are rejected', async () => {
  for (const cloudPath of ['../escape.txt', '/abs.txt', 'a//b.txt']) {
    await assert.rejects(sdk.uploadFile({ cloudPath, fileContent: Buffer.from('x') }), cloudPath)
  }
})

type UrlList = { fileList: { status: number; tempFileURL: string; maxAge?: number }[] }
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')

async function tempUrl(fileID: string, maxAge?: number): Promise<string> {
  const fileList = maxAge === undefined ? [fileID] : [{ fileID, maxAge }]
  const { fileList: [entry] } = (await sdk.getTempFileURL({ fileList })) as UrlList
  assert.equal(entry.status, 0)
  return entry.tempFileURL
}

test('temp URLs are signed and expire by the cloud clock; a private file is served only through one', async (t) => {
  t.after(() => emu.clock.set({ offsetMs: 0 }))
  const content = Buffer.from('PK\u0003\u0004 not really a workbook')
  const { fileID } = await sdk.uploadFile({ cloudPath: 'exports/0123abcd/报名名单.xlsx', fileContent: content })
  const url = await tempUrl(fileID, 600)
  const signed = new URL(url)
  assert.match(signed.search, /^\?sign=[\w-]{43}&t=\d+$/)
  assert.equal(Number(signed.searchParams.get('t')), Math.floor(emu.clock.now() / 1000) + 600)

  const res = await fetch(url)
  assert.equal(res.status, 200)
  assert.deepEqual(Buffer.from(await res.arrayBuffer()), content)
  assert.equal(res.headers.get('content-disposition'), `attachment; filename*=UTF-8''${encodeURIComponent('报名名单.xlsx')}`)
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff')
  assert.equal(res.headers.get('cache-control'), 'no-store')
  assert.deepEqual((await sdk.downloadFile({ fileID })).fileContent, content, 'the SDK downloads through one')

  const plain = `${emu.url}/_storage/exports/0123abcd/${encodeURIComponent('报名名单.xlsx')}`
  assert.equal((await fetch(plain)).status, 403)
  const other = new URL(url)
  other.searchParams.set('t', String(Number(signed.searchParams.get('t')) + 86_400))
  assert.equal((await fetch(other)).status, 403, 'a later expiry with the same signature')
  const forged = new URL(url)
  forged.searchParams.set('sign', 'A'.repeat(43))
  assert.equal((await fetch(forged)).status, 403)
  // another file's signature does not open this one
  const { fileID: second } = await sdk.uploadFile({ cloudPath: 'exports/4567/b.xlsx', fileContent: content })
  const borrowed = new URL(await tempUrl(second, 600))
  borrowed.pathname = signed.pathname
  assert.equal((await fetch(borrowed)).status, 403)
  // a missing private file looks the same as one without a signature: nothing to learn by guessing
  assert.equal((await fetch(`${emu.url}/_storage/exports/nothing/here.xlsx`)).status, 403)

  emu.clock.set({ offsetMs: 599_000 })
  assert.equal((await fetch(url)).status, 200, 'still within its 10 minutes')
  emu.clock.set({ offsetMs: 601_000 })
  assert.equal((await fetch(url)).status, 403, 'expired')
  assert.equal((await fetch(await tempUrl(fileID, 600))).status, 200, 'a new link works again')
})

test('a temp URL without maxAge lasts a day; a bad maxAge is refused', async () => {
  const { fileID } = await sdk.uploadFile({ cloudPath: 'posters/p.png', fileContent: PNG })
  const t = Number(new URL(await tempUrl(fileID)).searchParams.get('t'))
  assert.equal(t, Math.floor(emu.clock.now() / 1000) + 86_400)
  for (const maxAge of [0, -5, 1.5, 'ten'])
    await assert.rejects(sdk.getTempFileURL({ fileList: [{ fileID, maxAge: maxAge as number }] }), String(maxAge))
})

test('stored files are never served as a page: images by their bytes, the rest as downloads', async () => {
  const html = Buffer.from('<html><script>alert(localStorage)</script></html>')
  for (const cloudPath of ['posters/x.html', 'posters/y.png', 'posters/z.svg']) {
    const { fileID } = await sdk.uploadFile({ cloudPath, fileContent: html })
    const res = await fetch(await tempUrl(fileID))
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('content-type'), 'application/octet-stream', cloudPath)
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment;/)
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff')
    assert.equal(res.headers.get('content-security-policy'), 'sandbox')
  }
  const { fileID } = await sdk.uploadFile({ cloudPath: 'posters/real.png', fileContent: PNG })
  const res = await fetch(await tempUrl(fileID))
  assert.equal(res.headers.get('content-type'), 'image/png')
  assert.equal(res.headers.get('content-disposition'), null, 'an image shows inline')
})
