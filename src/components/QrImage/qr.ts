// Text → a QR code image (data URL PNG), with the `qrcode` package's encoder and our own PNG writer.
// WeChat's JS engines have no TextEncoder, and `qrcode` calls `new TextEncoder()` for every string it puts in
// byte mode (and while estimating the version): we hand it the UTF-8 bytes ourselves, as one byte segment.
import { create } from 'qrcode'
import { matrixToPngDataUrl } from './png'

/** pixels per module: crisp when shown at ~2× on a phone */
const SCALE = 8
/** the quiet zone scanners need, in modules */
const MARGIN = 4

export function qrDataUrl(text: string): string {
  const { modules } = create([{ data: utf8(text), mode: 'byte' }], { errorCorrectionLevel: 'M' })
  const dark: boolean[][] = []
  for (let y = 0; y < modules.size; y++) {
    const row: boolean[] = []
    for (let x = 0; x < modules.size; x++) row.push(modules.get(y, x) === 1)
    dark.push(row)
  }
  return matrixToPngDataUrl(dark, SCALE, MARGIN)
}

/** UTF-8 bytes of a string, without TextEncoder (a lone surrogate becomes U+FFFD, as TextEncoder does) */
export function utf8(text: string): Uint8Array {
  const bytes: number[] = []
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1)
      if (low >= 0xdc00 && low <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00)
        i++
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd
    if (c < 0x80) bytes.push(c)
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return new Uint8Array(bytes)
}
