// The `poster` function as it ships (bundled with its fonts and resvg's wasm), run by the local WeChat Cloud:
// the PNG is decoded, every character is proved drawable by a loaded font, the code is decoded back to its page
// and scene, and a second request for the same poster is served from storage.
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
import { PERSONAS } from '@core/shared/demo-personas'
import type { ApiResult } from '@core/shared/errors'
import { toNgoOnCall } from '@core/calls/views'
import { emptySlots } from '@core/calls/slots'
import { posterFacts, posterText, type PosterResponse } from '@core/sharing/poster'
import type { Call, Ngo } from '@core/model'

const ROOT = resolve(__dirname, '..', '..')
const VOLUNTEER = PERSONAS[0].openid
const RARE_TITLE = '堃喆镕三位老师带队：民勤梭梭林春季植树与草方格固沙志愿者招募'
const DAY = 24 * 3_600_000

let emu: Emulator
let functionsDir: string

before(async () => {
  functionsDir = mkdtempSync(join(tmpdir(), 'jushou-poster-'))
  symlinkSync(join(ROOT, 'node_modules'), join(functionsDir, 'node_modules'), 'dir')
  await buildFunction('poster', functionsDir)
  emu = await startEmulator({ port: 0, dataDir: ':memory:', functionsDir, seed: true, timers: false })
  const minqin = emu.store.collection('calls').get('mq-trees') as unknown as Call
  emu.store.collection('ngos').insert([
    {
      ...(emu.store.collection('ngos').get('rescue-minqin') as object),
      _id: 'rare-ngo',
      name: '王堃与李喆的志愿队',
    },
  ])
  emu.store
    .collection('calls')
    .insert([
      { ...minqin, _id: 'rare-title', ngoId: 'rare-ngo', title: RARE_TITLE } as unknown as Record<
        string,
        unknown
      >,
    ])
  emu.store.collection('calls').insert([season(minqin) as unknown as Record<string, unknown>])
})

/** The Minqin call in three weekly batches: 20 places each, 3 taken in the first, the last cancelled. */
function season(minqin: Call): Call {
  const sessions = [0, 7, 14].map((days, i) => ({
    id: `s${i + 1}`,
    startAt: minqin.startAt + days * DAY,
    endAt: minqin.endAt + days * DAY,
    ...(i === 2 ? { cancelledAt: minqin.startAt } : {}),
  }))
  const base: Call = { ...minqin, _id: 'season', endAt: sessions[2].endAt, sessions, capacity: 20 }
  const slots = emptySlots(base) ?? {}
  slots.s1 = { ...slots.s1, confirmed: 3 }
  return { ...base, slots, capacity: 60, confirmed: 3, waitlisted: 0 }
}
after(async () => {
  await emu.stop()
  rmSync(functionsDir, { recursive: true, force: true })
})

async function poster(body: object, openid?: string): Promise<ApiResult<PosterResponse>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (openid) headers['x-wx-openid'] = openid
  const res = await fetch(`${emu.url}/functions/poster`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  })
  return (await res.json()) as ApiResult<PosterResponse>
}

async function posterOk(callId: string): Promise<PosterResponse> {
  const result = await poster({ callId }, VOLUNTEER)
  if (!result.ok) throw new Error(JSON.stringify(result))
  return result.data
}

async function download(url: string): Promise<PNG> {
  const res = await fetch(url)
  assert.equal(res.status, 200)
  return PNG.sync.read(Buffer.from(await res.arrayBuffer()))
}

function facts(callId: string) {
  const call = emu.store.collection('calls').get(callId) as unknown as Call
  return posterFacts(call, toNgoOnCall(emu.store.collection('ngos').get(call.ngoId) as unknown as Ngo))
}

/** Characters of `text` that no font file the poster loads can draw. */
function missingGlyphs(text: string): string[] {
  const fonts = fontCoverage()
  return [...new Set(Array.from(text))].filter(
    (ch) => !fonts.some((f) => f.covers.has(ch.codePointAt(0) ?? 0)),
  )
}

describe('poster', () => {
  for (const callId of ['mq-trees', 'rare-title', 'season']) {
    test(`${callId}: a 750×1334 PNG, every character covered, the code opens the call with the referrer`, async () => {
      const result = await posterOk(callId)
      assert.equal(result.cached, false)
      const png = await download(result.url)
      assert.equal(png.width, 750)
      assert.equal(png.height, 1334)

      const text = posterText(facts(callId))
      assert.deepEqual(missingGlyphs(text), [])
      if (callId === 'season') {
        // places over the batches not cancelled, the days they span
        assert.equal(facts(callId).spots, '3 个批次 · 还剩 37 个名额')
        assert.match(facts(callId).time, /^\d{4}年\d+月\d+日 – \d+月\d+日$/)
      }
      if (callId === 'rare-title') {
        for (const ch of '堃喆镕') assert.ok(text.includes(ch))
        // the rare ones are drawn by a fallback file, not the common set
        const common = fontCoverage().filter((f) => /^NotoSansSC(-gb2)?$/.test(f.name))
        assert.ok(!common.some((f) => f.covers.has('堃'.codePointAt(0) ?? 0)))
      }

      const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
      assert.ok(qr, 'the mini-program code decodes')
      const code = (emu.store.collection('referrers').find({ openid: VOLUNTEER })[0] as { _id: string })._id
      assert.equal(qr.data, `pages/call-detail/index?scene=${callId}~${code}`)
      assert.equal(result.scene, `${callId}~${code}`)
    })
  }

  test('the same poster again is the stored file, not a new render; a changed call is a new poster', async () => {
    const first = await posterOk('mq-trees')
    const started = Date.now()
    const again = await posterOk('mq-trees')
    assert.equal(again.cached, true)
    assert.equal(again.fileID, first.fileID)
    assert.ok(Date.now() - started < 2000)
    assert.equal(emu.store.collection('posters').find({ callId: 'mq-trees' }).length, 1)

    emu.store.collection('calls').update({ _id: 'mq-trees' }, { $inc: { confirmed: 1 } }, false)
    const changed = await posterOk('mq-trees')
    assert.equal(changed.cached, false)
    assert.notEqual(changed.fileID, first.fileID)
  })

  test('bad requests get a clear error and store nothing', async () => {
    const before = emu.store.collection('posters').find({}).length
    const cases: [object, string | undefined, string][] = [
      [{ callId: 'mq-trees' }, undefined, 'UNAUTHENTICATED'],
      [{ callId: '' }, VOLUNTEER, 'INVALID_INPUT'],
      [{ callId: 'no such call!' }, VOLUNTEER, 'INVALID_INPUT'],
      [{ callId: 'nope' }, VOLUNTEER, 'NOT_FOUND'],
    ]
    for (const [body, openid, code] of cases) {
      const result = await poster(body, openid)
      assert.equal(result.ok ? 'OK' : result.code, code, JSON.stringify(body))
    }
    assert.equal(emu.store.collection('posters').find({}).length, before)
  })
})
