// Pictures drawn exactly into their boxes. satori wraps every image in a clip path and a mask of its own box, and
// resvg draws each through full-size offscreen layers: most of a poster's raster time went there. An image that
// already has its box's size (a cover fitted once, a square code in a square box) needs neither, so the clip and
// mask are dropped from the SVG, and the cover is fitted once per cover instead of on every render.
import { createHash } from 'node:crypto'
import { Resvg } from '@resvg/resvg-wasm'

const FITTED_KEPT = 16
const fitted = new Map<string, string>()

/**
 * `image` (a data URI) scaled and cropped to fill width × height (CSS `object-fit: cover`), as a PNG data URI.
 * Kept for the next poster of the same call (its cover rarely changes; its spots left do). Needs resvg's wasm.
 */
export function fitImage(image: string, width: number, height: number): string {
  const key = `${width}x${height}:${createHash('sha1').update(image).digest('hex')}`
  const known = fitted.get(key)
  if (known) return known
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" ` +
    `height="${height}"><image width="${width}" height="${height}" preserveAspectRatio="xMidYMid slice" ` +
    `href="${image}"/></svg>`
  const png = new Resvg(svg, { fitTo: { mode: 'original' } }).render().asPng()
  const uri = `data:image/png;base64,${Buffer.from(png).toString('base64')}`
  if (fitted.size >= FITTED_KEPT) fitted.delete(fitted.keys().next().value as string)
  fitted.set(key, uri)
  return uri
}

/** The SVG without the clip path and mask satori puts on each `<image>` (see above: they only cost time). */
export function unclipImages(svg: string): string {
  return svg.replace(/<image\b[^>]*>/g, (tag) => tag.replace(/\s(?:clip-path|mask)="url\(#[^)"]*\)"/g, ''))
}
