// The certificate picture from the `poster` function as it ships: issued through the `api` function, rendered with
// the bundled fonts (a rare character in the name included), its QR decoded back to 证书查验 and the code,
// every character drawable, only for its own volunteer, and a second request served from storage.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { after, before, describe, test } from 'node:test'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { buildFunction } from '@functions/build'
import { fontCoverage } from '@functions/poster/fonts'
import { startEmulator, type Emulator } from '@emulator/index'
import { certificateText, readCode, VERIFY_PAGE } from '@core/certificates/certificate'
import type { CertificateImageResponse, CertificateView } from '@core/certificates/contract'
import type { ApiResult } from '@core/shared/errors'
import { ALICE, BOB, call, DAY, HOUR, ngo, ORGANIZER, signUp } from './docs'

const ROOT = resolve(__dirname, '..', '..')
const START = Date.UTC(2026, 2, 12, 1, 0)
const LONG_TITLE = '堃喆镕三位老师带队：民勤梭梭林春季植树与草方格固沙、沙漠边缘生态修复志愿者招募（第二期）'

let emu: Emulator
let functionsDir: string

before(async () => {
  functionsDir = mkdtempSync(join(tmpdir(), 'jushou-certificate-'))
  symlinkSync(join(ROOT, 'node_modules'), join(functionsDir, 'node_modules'), 'dir')
  await buildFunction('api', functionsDir)
  await buildFunction('poster', functionsDir)
  emu = await startEmulator({ port: 0, dataDir: ':memory:', functionsDir, timers: false })
  const confirmed = {
    status: 'attended' as const,
    hours: 3.5,
    hoursConfirmedAt: START + DAY,
    hoursConfirmedBy: ORGANIZER,
  }
  const times = {
    startAt: START,
    endAt: START + 8 * HOUR,
    signupDeadline: START - 2 * DAY,
    status: 'closed' as const,
  }
  const docs = {
    ngos: [ngo(), ngo({ _id: 'ngo-rare', name: '王堃与李喆的志愿队', status: 'pending' })],
    calls: [call(times), call({ ...times, _id: 'rare', ngoId: 'ngo-rare', title: LONG_TITLE })],
    signups: [
      signUp('trees', ALICE, confirmed),
      signUp('rare', ALICE, { ...confirmed, name: '龘䶮𠮷', hours: 12.5 }),
    ],
  }
  for (const [name, list] of Object.entries(docs)) {
    emu.store.collection(name).insert(list as unknown as Record<string, unknown>[])
  }
})
after(async () => {
  await emu.stop()
  rmSync(functionsDir, { recursive: true, force: true })
})

async function invoke<T>(name: string, body: object, openid?: string): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (openid) headers['x-wx-openid'] = openid
  const res = await fetch(`${emu.url}/functions/${name}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  })
  return (await res.json()) as ApiResult<T>
}

async function issue(callId: string): Promise<CertificateView> {
  const result = await invoke<{ certificate: CertificateView }>(
    'api',
    { action: 'issueCertificate', signUpId: `${callId}_${ALICE}` },
    ALICE,
  )
  if (!result.ok) throw new Error(JSON.stringify(result))
  return result.data.certificate
}

async function image(certificateNo: string, openid = ALICE): Promise<ApiResult<CertificateImageResponse>> {
  return invoke<CertificateImageResponse>('poster', { kind: 'certificate', certificateNo }, openid)
}

async function download(url: string): Promise<PNG> {
  const res = await fetch(url)
  assert.equal(res.status, 200)
  return PNG.sync.read(Buffer.from(await res.arrayBuffer()))
}

function missingGlyphs(text: string): string[] {
  const fonts = fontCoverage()
  return [...new Set(Array.from(text))].filter(
    (ch) => ch.trim() !== '' && !fonts.some((f) => f.covers.has(ch.codePointAt(0) ?? 0)),
  )
}

describe('certificate image', () => {
  for (const callId of ['trees', 'rare']) {
    test(`${callId}: a 1080×1528 PNG, every character drawable, its QR opens 证书查验 with the code`, async () => {
      const certificate = await issue(callId)
      const result = await image(certificate.certificateNo)
      if (!result.ok) throw new Error(JSON.stringify(result))
      assert.equal(result.data.cached, false)
      const png = await download(result.data.url)
      assert.equal(png.width, 1080)
      assert.equal(png.height, 1528)

      const text = certificateText(certificate)
      assert.deepEqual(missingGlyphs(text), [])
      if (callId === 'rare') for (const ch of ['龘', '䶮', '𠮷', '堃']) assert.ok(text.includes(ch), ch)

      const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
      assert.ok(qr, 'the QR decodes')
      assert.equal(qr.data, `${VERIFY_PAGE}?scene=${certificate.code.replace(/-/g, '')}`)
      assert.equal(readCode(qr.data), certificate.code.replace(/-/g, ''))
    })
  }

  test('the same certificate again is the stored picture, not a new render', async () => {
    const certificate = await issue('trees')
    const first = await image(certificate.certificateNo)
    const started = Date.now()
    const again = await image(certificate.certificateNo)
    assert.ok(first.ok && again.ok)
    assert.equal(again.data.cached, true)
    assert.equal(again.data.fileID, first.data.fileID)
    assert.ok(Date.now() - started < 2000)
    assert.equal(emu.store.collection('posters').find({ certificateNo: certificate.certificateNo }).length, 1)
  })

  test('only its volunteer gets it; bad requests store nothing; the call poster still answers', async () => {
    const certificate = await issue('trees')
    const before = emu.store.collection('posters').find({}).length
    const cases: [object, string | undefined, string][] = [
      [{ kind: 'certificate', certificateNo: certificate.certificateNo }, undefined, 'UNAUTHENTICATED'],
      [{ kind: 'certificate', certificateNo: certificate.certificateNo }, BOB, 'NOT_FOUND'],
      [{ kind: 'certificate', certificateNo: 'JS2026-0000-0000' }, ALICE, 'NOT_FOUND'],
      [{ kind: 'certificate' }, ALICE, 'INVALID_INPUT'],
      [{ kind: 'certificate', certificateNo: { $ne: '' } }, ALICE, 'INVALID_INPUT'],
      [{ kind: 'certificate', certificateNo: 'x'.repeat(500) }, ALICE, 'INVALID_INPUT'],
    ]
    for (const [body, openid, code] of cases) {
      const result = await invoke('poster', body, openid)
      assert.equal(result.ok ? 'OK' : result.code, code, JSON.stringify([body, openid]))
    }
    assert.equal(emu.store.collection('posters').find({}).length, before)
    // without a kind it is the call poster, as before (this call is closed, so not shown: NOT_FOUND is not it)
    const poster = await invoke<{ scene: string }>('poster', { callId: 'trees' }, ALICE)
    assert.ok(poster.ok, JSON.stringify(poster))
    assert.match(poster.data.scene, /^trees~/)
  })
})
