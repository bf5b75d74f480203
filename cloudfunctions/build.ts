// Bundles one cloud function (cloudfunctions/<name>/index.ts, with the core and lib code it imports) into
// <outDir>/<name>/index.js, the single file WeChat uploads, plus its package.json and config.json.
// WeChat Cloud runs Node 16; wx-server-sdk stays external (installed in the cloud from package.json).
// A function with a `fonts/` folder (the poster) also gets its font files and resvg's wasm beside index.js.
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'

const SOURCE_DIR = __dirname

export async function buildFunction(name: string, outDir: string): Promise<string> {
  const source = join(SOURCE_DIR, name)
  const target = join(outDir, name)
  mkdirSync(target, { recursive: true })
  await build({
    entryPoints: [join(source, 'index.ts')],
    outfile: join(target, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    external: ['wx-server-sdk'],
    logLevel: 'warning',
  })
  for (const file of ['package.json', 'config.json']) {
    if (existsSync(join(source, file))) copyFileSync(join(source, file), join(target, file))
  }
  if (existsSync(join(source, 'fonts'))) copyRenderAssets(join(source, 'fonts'), target)
  return target
}

/** The files a renderer reads at run time (esbuild bundles code only): fonts with their licence, resvg's wasm. */
function copyRenderAssets(fontDir: string, target: string): void {
  mkdirSync(join(target, 'fonts'), { recursive: true })
  for (const file of readdirSync(fontDir).filter((name) => /\.(otf|ttf|txt)$/.test(name)))
    copyFileSync(join(fontDir, file), join(target, 'fonts', file))
  copyFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm'), join(target, 'resvg.wasm'))
}
