// The QR images the check-in screens show: the hand-written PNG decodes (pngjs) and the QR in it reads back
// (jsQR) as the text it was made from, as a scanner would read it, also where TextEncoder does not exist (WeChat).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { qrDataUrl, utf8 } from '@components/QrImage/qr'
import { matrixToPngDataUrl } from '@components/QrImage/png'

function decodePng(dataUrl: string): PNG {
  const prefix = 'data:image/png;base64,'
  assert.ok(dataUrl.startsWith(prefix))
  return PNG.sync.read(Buffer.from(dataUrl.slice(prefix.length), 'base64'))
}

test('a QR image reads back as its text', () => {
  const text =
    'packages/volunteer/checkin/index?code=mq-trees.in.29414521.Zm9vYmFyYmF6cXV4LXRva2VuLXNpZ25hdHVyZQ'
  const png = decodePng(qrDataUrl(text))
  assert.equal(png.width, png.height)
  const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  assert.equal(read?.data, text)
})

test('the PNG writer puts each cell where it belongs, margin white', () => {
  const png = decodePng(
    matrixToPngDataUrl(
      [
        [true, false],
        [false, true],
      ],
      3,
      1,
    ),
  )
  assert.equal(png.width, 12)
  const black = (x: number, y: number) => png.data[(y * png.width + x) * 4] === 0
  assert.equal(black(0, 0), false, 'margin')
  assert.equal(black(3, 3), true)
  assert.equal(black(5, 5), true)
  assert.equal(black(6, 3), false)
  assert.equal(black(6, 6), true)
  assert.equal(black(9, 9), false, 'margin')
})

test('a long code spans several stored blocks (over 65535 raw bytes) and still reads back', () => {
  const text = 'x'.repeat(900)
  const png = decodePng(qrDataUrl(text))
  const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  assert.equal(read?.data, text)
})

test('without TextEncoder (WeChat has none) a code and Chinese text still make QRs that read back', () => {
  const saved = globalThis.TextEncoder
  // @ts-expect-error -- WeChat's logic layer: the global does not exist
  delete globalThis.TextEncoder
  try {
    assert.equal(typeof globalThis.TextEncoder, 'undefined')
    for (const text of ['c.mq-trees.in.29414521.Zm9vYmFy', '民勤梭梭林植树 · 签到', '12345678901234']) {
      const png = decodePng(qrDataUrl(text))
      const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
      assert.equal(read?.data, text)
    }
  } finally {
    globalThis.TextEncoder = saved
  }
})

test('our UTF-8 bytes are what TextEncoder gives, surrogates included', () => {
  const encoder = new TextEncoder()
  for (const text of ['', 'abc', 'é', '签到', '🌱 植树', 'x\ud800y', '\udc00', 'end\ud83c']) {
    assert.deepEqual(utf8(text), encoder.encode(text), JSON.stringify(text))
  }
})
