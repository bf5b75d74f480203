// What a stored file is, from its first bytes rather than its name: the emulator serves uploads from the app's own
// origin, so a file named cover.jpg holding HTML must never reach the browser as a page.

export type ImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp'

const EXTENSIONS: Record<ImageType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
}

/** The image type the bytes begin with (PNG, JPEG, GIF, WebP), or undefined for anything else. */
export function imageTypeOf(content: Buffer): ImageType | undefined {
  const starts = (...bytes: number[]) => bytes.every((b, i) => content[i] === b)
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png'
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg'
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif' // GIF8(7|9)a
  if (starts(0x52, 0x49, 0x46, 0x46) && content.subarray(8, 12).toString('latin1') === 'WEBP')
    return 'image/webp'
  return undefined
}

export function imageExtension(type: ImageType): string {
  return EXTENSIONS[type]
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * Response headers for a stored file: images by their bytes, shown inline; a .json file that is JSON (a call's
 * public file) as JSON, for the page's request to read; everything else a download (an .xlsx by its type, the rest
 * application/octet-stream). Never HTML, never sniffed, and sandboxed should a browser render it anyway.
 */
export function storedFileHeaders(cloudPath: string, content: Buffer): Record<string, string | number> {
  const image = imageTypeOf(content)
  const name = cloudPath.slice(cloudPath.lastIndexOf('/') + 1)
  const isZip = content[0] === 0x50 && content[1] === 0x4b // PK: an Office Open XML file is a zip
  const json = !image && name.toLowerCase().endsWith('.json') && isJson(content)
  const headers: Record<string, string | number> = {
    'content-type': json
      ? 'application/json; charset=utf-8'
      : (image ?? (isZip && name.toLowerCase().endsWith('.xlsx') ? XLSX : 'application/octet-stream')),
    'content-length': content.length,
    'x-content-type-options': 'nosniff',
    'content-security-policy': 'sandbox',
  }
  if (!image && !json)
    headers['content-disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(name)}`
  return headers
}

function isJson(content: Buffer): boolean {
  try {
    JSON.parse(content.toString('utf8'))
    return true
  } catch {
    return false
  }
}
