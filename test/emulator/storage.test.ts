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
