// Element tree → SVG (satori, with the poster's fonts) → PNG (resvg compiled to wasm: no native binary to ship).
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { initWasm, Resvg } from '@resvg/resvg-wasm'
import satori from 'satori'
import type { PosterFacts } from '@core/sharing/poster'
import { posterText } from '@core/sharing/poster'
import { fontsFor } from './fonts'
import { fitImage, unclipImages } from './image-fit'
import { COVER_HEIGHT, COVER_WIDTH, POSTER_HEIGHT, POSTER_WIDTH, posterTree, type Element } from './layout'

let wasmReady: Promise<void> | undefined

/** The deployed function carries resvg.wasm beside index.js; from source it is the package's own file. */
function wasmFile(): string {
  const bundled = join(__dirname, 'resvg.wasm')
  return existsSync(bundled) ? bundled : join(__dirname, '../../node_modules/@resvg/resvg-wasm/index_bg.wasm')
}

function ready(): Promise<void> {
  wasmReady ??= initWasm(readFileSync(wasmFile()))
  return wasmReady
}

/** A 750×1334 PNG of the poster; `cover` and `code` are image data URIs. */
export async function renderPoster(facts: PosterFacts, cover: string, code: string): Promise<Buffer> {
  await ready()
  const tree = posterTree(facts, fitImage(cover, COVER_WIDTH, COVER_HEIGHT), code)
  return renderImage(tree, POSTER_WIDTH, POSTER_HEIGHT, posterText(facts))
}

/** Any of the function's pictures: `text` is every character the tree draws (it picks the fallback fonts). */
export async function renderImage(
  tree: Element,
  width: number,
  height: number,
  text: string,
): Promise<Buffer> {
  await ready()
  const fonts = fontsFor(text)
  // satori's typings want its React element type; our plain tree is what it reads at run time.
  const svg = await satori(tree as unknown as Parameters<typeof satori>[0], { width, height, fonts })
  const png = new Resvg(unclipImages(svg), { fitTo: { mode: 'original' } }).render().asPng()
  return Buffer.from(png)
}
