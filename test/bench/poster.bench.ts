// Posters: a cold render in this fresh process (wasm and fonts loaded on first use), warm renders, the built
// function end to end through the local cloud (first request renders, the rest are cache hits), and the size
// of what WeChat uploads for the function. Goals: warm ≤ 100 ms, cold ≤ 1.5 s. Then the same for certificates
// (志愿服务证明, 1080×1528): in process, and through a fresh local cloud (cold instance, then cache hits).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { tmpdir } from 'node:os'
import { gzipSync } from 'node:zlib'
import QRCode from 'qrcode'
import { buildFunction } from '@functions/build'
import { generatedCover } from '@functions/poster/layout'
import { renderImage, renderPoster } from '@functions/poster/render'
import { CERTIFICATE_HEIGHT, CERTIFICATE_WIDTH, certificateTree } from '@functions/poster/certificate-layout'
import { certificateText, VERIFY_PAGE } from '@core/certificates/certificate'
import type { CertificateView } from '@core/certificates/contract'
import { startEmulator } from '@emulator/index'
import { PERSONAS } from '@core/shared/demo-personas'
import type { PosterFacts } from '@core/sharing/poster'
import { latencySummary } from './harness'

const ROOT = resolve(__dirname, '..', '..')
const FACTS: PosterFacts = {
  title: '民勤梭梭林植树志愿者招募',
  ngoName: '民勤治沙',
  ngoVerified: true,
  time: '2026-12-08 08:00 – 17:00',
  place: '甘肃·民勤 · 甘肃省武威市民勤县西渠镇治沙点',
  spots: '还剩 13 个名额',
  excerpt: '春季是民勤种梭梭的最好时节。我们将在西渠镇的沙漠边缘栽种梭梭苗。',
  tags: ['环保'],
}

const CERTIFICATE: CertificateView = {
  certificateNo: 'JS2026-7KQ4-M9XC',
  code: '7KQ4-M9XC-2HDW',
  volunteerName: '林晓',
  ngoName: '民勤治沙',
  ngoVerified: true,
  callTitle: '民勤梭梭林植树志愿者招募',
  serviceDate: '2026年3月12日',
  hours: 3.5,
  issuedAt: Date.UTC(2026, 2, 15),
  version: 1,
}

async function time<T>(work: () => Promise<T>): Promise<number> {
  const started = performance.now()
  await work()
  return performance.now() - started
}

function sizeOf(dir: string): { raw: number; gzip: number } {
  let raw = 0
  let gzip = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      const inner = sizeOf(path)
      raw += inner.raw
      gzip += inner.gzip
    } else {
      raw += statSync(path).size
      gzip += gzipSync(readFileSync(path)).length
    }
  }
  return { raw, gzip }
}

async function main(): Promise<void> {
  const code = await QRCode.toDataURL('pages/call-detail/index?scene=mq-trees~abc123', { width: 280 })
  const cover = generatedCover(FACTS.tags)
  const cold = await time(() => renderPoster(FACTS, cover, code))
  const warm: number[] = []
  for (let i = 0; i < 10; i++)
    warm.push(await time(() => renderPoster({ ...FACTS, spots: `还剩 ${i} 个名额` }, cover, code)))
  const rare = await time(() => renderPoster({ ...FACTS, ngoName: '王堃与李喆的志愿队' }, cover, code))
  console.log(
    `render in-process: cold ${cold.toFixed(0)} ms (first call: wasm + fonts), warm ${latencySummary(warm)}`,
  )
  console.log(`render with a rare-character fallback font (first use): ${rare.toFixed(0)} ms`)

  const qr = await QRCode.toDataURL(`${VERIFY_PAGE}?scene=7KQ4M9XC2HDW`, { width: 280 })
  const certificate = (c: CertificateView) =>
    renderImage(certificateTree(c, qr), CERTIFICATE_WIDTH, CERTIFICATE_HEIGHT, certificateText(c))
  const firstCertificate = await time(() => certificate(CERTIFICATE))
  const warmCertificates: number[] = []
  for (let i = 0; i < 10; i++)
    warmCertificates.push(await time(() => certificate({ ...CERTIFICATE, hours: i + 0.5 })))
  const rareName = await time(() => certificate({ ...CERTIFICATE, volunteerName: '刘䶮𠮷' }))
  console.log(
    `certificate in-process: first ${firstCertificate.toFixed(0)} ms (wasm already loaded), ` +
      `warm ${latencySummary(warmCertificates)}, a name in extension A/B (fallback fonts) ${rareName.toFixed(0)} ms`,
  )

  mkdirSync(join(ROOT, 'dist'), { recursive: true })
  const functionsDir = mkdtempSync(join(tmpdir(), 'jushou-poster-bench-'))
  symlinkSync(join(ROOT, 'node_modules'), join(functionsDir, 'node_modules'), 'dir')
  const target = await buildFunction('poster', functionsDir)
  const emu = await startEmulator({
    port: 0,
    dataDir: ':memory:',
    functionsDir,
    seed: true,
    timers: false,
    instances: 1,
  })
  try {
    const ask = async () => {
      const res = await fetch(`${emu.url}/functions/poster`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wx-openid': PERSONAS[0].openid },
        body: JSON.stringify({ callId: 'mq-trees' }),
      })
      const body = (await res.json()) as { ok: boolean; data?: { cached: boolean } }
      if (!body.ok) throw new Error(JSON.stringify(body))
      return body.data?.cached
    }
    const first = await time(ask)
    const hits: number[] = []
    for (let i = 0; i < 20; i++) hits.push(await time(ask))
    console.log(`function via the local cloud: first request (cold instance, renders) ${first.toFixed(0)} ms`)
    console.log(`cache hit (stored poster, no render) ${latencySummary(hits)}`)
  } finally {
    await emu.stop()
  }
  await benchCertificateFunction(functionsDir)
  const size = sizeOf(target)
  const bundle = statSync(join(target, 'index.js')).size
  console.log(
    `function folder: ${(size.raw / 1e6).toFixed(1)} MB (${(size.gzip / 1e6).toFixed(1)} MB gzipped), ` +
      `index.js ${(bundle / 1e6).toFixed(2)} MB, resvg.wasm ${(statSync(join(target, 'resvg.wasm')).size / 1e6).toFixed(2)} MB`,
  )
  rmSync(functionsDir, { recursive: true, force: true })
}

/** A fresh local cloud: the first certificate request meets a cold `poster` instance and renders. */
async function benchCertificateFunction(functionsDir: string): Promise<void> {
  await buildFunction('api', functionsDir)
  const emu = await startEmulator({
    port: 0,
    dataDir: ':memory:',
    functionsDir,
    seed: true,
    timers: false,
    instances: 1,
  })
  const openid = PERSONAS[0].openid
  const post = async (name: string, body: object) => {
    const res = await fetch(`${emu.url}/functions/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
      body: JSON.stringify(body),
    })
    const reply = (await res.json()) as { ok: boolean; data?: unknown }
    if (!reply.ok) throw new Error(JSON.stringify(reply))
    return reply.data
  }
  try {
    const signUpId = `mq-spring-sand_${openid}`
    emu.store
      .collection('signups')
      .update({ _id: signUpId }, { $set: { hours: 3.5, hoursConfirmedAt: Date.now() } }, false)
    const issued = (await post('api', { action: 'issueCertificate', signUpId })) as {
      certificate: CertificateView
    }
    const ask = () => post('poster', { kind: 'certificate', certificateNo: issued.certificate.certificateNo })
    const first = await time(ask)
    const hits: number[] = []
    for (let i = 0; i < 20; i++) hits.push(await time(ask))
    console.log(
      `certificate via the local cloud: first request (cold instance, renders) ${first.toFixed(0)} ms`,
    )
    console.log(`certificate cache hit (stored picture, no render) ${latencySummary(hits)}`)
  } finally {
    await emu.stop()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
