// Cloud storage through the real SDK: upload, temp URLs, download, delete.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Emulator } from '@emulator/index'
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
  const {
    fileList: [entry],
  } = (await sdk.getTempFileURL({ fileList })) as UrlList
  assert.equal(entry.status, 0)
  return entry.tempFileURL
}

test('temp URLs are signed and expire by the cloud clock; a private file is served only through one', async (t) => {
  t.after(() => emu.clock.set({ offsetMs: 0 }))
  const content = Buffer.from('PK\u0003\u0004 not really a workbook')
  const { fileID } = await sdk.uploadFile({
    cloudPath: 'exports/0123abcd/报名名单.xlsx',
    fileContent: content,
  })
  const url = await tempUrl(fileID, 600)
  const signed = new URL(url)
  assert.match(signed.search, /^\?sign=[\w-]{43}&t=\d+$/)
  assert.equal(Number(signed.searchParams.get('t')), Math.floor(emu.clock.now() / 1000) + 600)

  const res = await fetch(url)
  assert.equal(res.status, 200)
  assert.deepEqual(Buffer.from(await res.arrayBuffer()), content)
  assert.equal(
    res.headers.get('content-disposition'),
    `attachment; filename*=UTF-8''${encodeURIComponent('报名名单.xlsx')}`,
  )
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

  // 590 s, not 599: the real seconds this test has taken so far count too (a loaded machine takes several)
  emu.clock.set({ offsetMs: 590_000 })
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
    await assert.rejects(
      sdk.getTempFileURL({ fileList: [{ fileID, maxAge: maxAge as number }] }) as Promise<unknown>,
      String(maxAge),
    )
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

test("a .json file that holds JSON (a call's public file) is served as JSON; one that does not stays a download", async () => {
  const page = { v: 1, callId: 'c1', writtenAt: 1, call: { _id: 'c1', title: '植树' } }
  await sdk.uploadFile({ cloudPath: 'public/calls/c1.json', fileContent: Buffer.from(JSON.stringify(page)) })
  const res = await fetch(`${emu.url}/_storage/public/calls/c1.json?v=1`)
  assert.equal(res.status, 200)
  assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8')
  assert.equal(res.headers.get('content-disposition'), null)
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff')
  assert.deepEqual(await res.json(), page)

  const html = Buffer.from('<html><script>alert(1)</script></html>')
  await sdk.uploadFile({ cloudPath: 'public/calls/c2.json', fileContent: html })
  const fake = await fetch(`${emu.url}/_storage/public/calls/c2.json`)
  assert.equal(fake.headers.get('content-type'), 'application/octet-stream')
  assert.match(fake.headers.get('content-disposition') ?? '', /^attachment;/)
})

describe('the upload door', () => {
  const upload = (query: string, body: Buffer | string, openid?: string) =>
    fetch(`${emu.url}/upload?${query}`, {
      method: 'POST',
      headers: openid ? { 'x-wx-openid': openid } : {},
      body: typeof body === 'string' ? body : new Uint8Array(body),
    })
  const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex')
  const GIF = Buffer.from('GIF89a\u0001\u0000\u0001\u0000', 'latin1')
  const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')])

  test('stores an image under a name it picks, in the caller’s own folder, and serves it as that image', async () => {
    const seen = new Set<string>()
    for (const [body, type] of [
      [PNG, 'image/png'],
      [JPEG, 'image/jpeg'],
      [GIF, 'image/gif'],
      [WEBP, 'image/webp'],
    ] as const) {
      const res = await upload('folder=covers', body, 'oOrganizerA')
      assert.equal(res.status, 200)
      const { fileID, url } = (await res.json()) as { fileID: string; url: string }
      const path = /\/(covers\/[0-9a-f]{16}\/[0-9a-f]{32}\.(png|jpg|gif|webp))$/.exec(fileID)
      assert.ok(path, fileID)
      assert.equal(url, `${emu.url}/_storage/${path[1]}`)
      seen.add(path[1].split('/')[1])
      const served = await fetch(url)
      assert.equal(served.headers.get('content-type'), type)
      assert.deepEqual(Buffer.from(await served.arrayBuffer()), body)
    }
    assert.equal(seen.size, 1, 'one folder per caller')
    const other = (await (await upload('folder=logos', PNG, 'oOrganizerB')).json()) as { fileID: string }
    assert.ok(!other.fileID.includes([...seen][0]), 'another caller, another folder')
    assert.ok(!other.fileID.includes('oOrganizerB'), 'the folder does not show the openid')
  })

  test('cannot write over a file already stored, whatever path the caller asks for', async () => {
    const reviewed = await sdk.uploadFile({ cloudPath: 'covers/a.jpg', fileContent: JPEG })
    const before = (await sdk.downloadFile({ fileID: reviewed.fileID })).fileContent
    const res = await upload(`folder=covers&cloudPath=${encodeURIComponent('covers/a.jpg')}`, PNG, 'oMallory')
    assert.equal(res.status, 200)
    assert.notEqual(((await res.json()) as { fileID: string }).fileID, reviewed.fileID)
    assert.deepEqual((await sdk.downloadFile({ fileID: reviewed.fileID })).fileContent, before)
    assert.equal(
      (await upload(`cloudPath=${encodeURIComponent('covers/a.jpg')}`, PNG, 'oMallory')).status,
      400,
    )
  })

  test('refuses what is not an image, an unknown folder, an anonymous caller and a large body, storing nothing', async () => {
    const before = emu.storage.paths()
    assert.ok(before.length > 0)
    const html = '<html><script>fetch("/x?"+JSON.stringify(localStorage))</script></html>'
    const refusals: [Response, number][] = [
      [await upload('folder=covers', html, 'oMallory'), 415],
      [
        await upload('folder=covers', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'oMallory'),
        415,
      ],
      [await upload('folder=covers', '', 'oMallory'), 415],
      [await upload('folder=exports', PNG, 'oMallory'), 400],
      [await upload('folder=..', PNG, 'oMallory'), 400],
      [await upload('folder=covers', PNG), 401],
      [await upload('folder=covers', PNG, 'bad openid!'), 400],
      [await upload('folder=covers', Buffer.concat([PNG, Buffer.alloc(3 * 1024 * 1024)]), 'oMallory'), 413],
    ]
    for (const [res, status] of refusals) {
      assert.equal(res.status, status)
      assert.equal(typeof ((await res.json()) as { errMsg: string }).errMsg, 'string')
    }
    assert.deepEqual(emu.storage.paths(), before)
  })
})
