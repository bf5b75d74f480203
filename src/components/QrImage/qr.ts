// Text → a QR code image (data URL PNG), with the `qrcode` package's encoder and our own PNG writer.
import { create } from 'qrcode'
import { matrixToPngDataUrl } from './png'

/** pixels per module: crisp when shown at ~2× on a phone */
const SCALE = 8
/** the quiet zone scanners need, in modules */
const MARGIN = 4

export function qrDataUrl(text: string): string {
  const { modules } = create(text, { errorCorrectionLevel: 'M' })
  const dark: boolean[][] = []
  for (let y = 0; y < modules.size; y++) {
    const row: boolean[] = []
    for (let x = 0; x < modules.size; x++) row.push(modules.get(y, x) === 1)
    dark.push(row)
  }
  return matrixToPngDataUrl(dark, SCALE, MARGIN)
}
