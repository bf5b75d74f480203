// A black-and-white PNG as a data URL, written by hand: an <Image> shows it on WeChat and in the browser alike
// (WeChat has no DOM canvas to draw on). One bit per pixel in stored (uncompressed) deflate blocks: a QR code
// of 40 modules at 8 px is about 13 KB, small enough to skip compression.

/** `dark[y][x]` true = black. Each cell becomes `scale`×`scale` pixels, with `margin` white cells around. */
export function matrixToPngDataUrl(dark: boolean[][], scale: number, margin: number): string {
  const cells = dark.length + 2 * margin
  const side = cells * scale
  const rowBytes = Math.ceil(side / 8)
  // each scanline: filter byte 0, then the bits (1 = white in grayscale)
  const raw = new Uint8Array(side * (rowBytes + 1))
  for (let y = 0; y < side; y++) {
    const row = dark[Math.floor(y / scale) - margin]
    const start = y * (rowBytes + 1) + 1
    for (let x = 0; x < side; x++) {
      const black = row?.[Math.floor(x / scale) - margin] === true
      if (!black) raw[start + (x >> 3)] |= 0x80 >> (x & 7)
    }
  }
  const header = new Uint8Array(13)
  const view = new DataView(header.buffer)
  view.setUint32(0, side)
  view.setUint32(4, side)
  header[8] = 1 // bit depth
  header[9] = 0 // grayscale
  const png = concat([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlibStored(raw)),
    chunk('IEND', new Uint8Array(0)),
  ])
  return `data:image/png;base64,${base64(png)}`
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)))
  return out
}

/** zlib framing around deflate "stored" blocks of at most 65535 bytes each */
function zlibStored(data: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(data.length / 65535))
  const out = new Uint8Array(2 + blocks * 5 + data.length + 4)
  out[0] = 0x78
  out[1] = 0x01
  let at = 2
  for (let b = 0; b < blocks; b++) {
    const part = data.subarray(b * 65535, Math.min(data.length, (b + 1) * 65535))
    out[at] = b === blocks - 1 ? 1 : 0
    out[at + 1] = part.length & 0xff
    out[at + 2] = part.length >> 8
    out[at + 3] = ~part.length & 0xff
    out[at + 4] = (~part.length >> 8) & 0xff
    out.set(part, at + 5)
    at += 5 + part.length
  }
  new DataView(out.buffer).setUint32(at, adler32(data))
  return out
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function adler32(bytes: Uint8Array): number {
  let a = 1
  let b = 0
  for (const byte of bytes) {
    a = (a + byte) % 65521
    b = (b + a) % 65521
  }
  return ((b << 16) | a) >>> 0
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** (no btoa on WeChat) */
function base64(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += BASE64[n >> 18] + BASE64[(n >> 12) & 63]
    out += i + 1 < bytes.length ? BASE64[(n >> 6) & 63] : '='
    out += i + 2 < bytes.length ? BASE64[n & 63] : '='
  }
  return out
}
