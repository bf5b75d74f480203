// Bundles one cloud function (cloudfunctions/<name>/index.ts, with the core and lib code it imports) into
// <outDir>/<name>/index.js, the single file WeChat uploads, plus its package.json and config.json.
// The bundle targets the Node of the function's declared runtime (config.json `runtime`, see runtime.ts);
// wx-server-sdk stays external (installed in the cloud from package.json).
// A function with a `fonts/` folder (the poster) also gets its font files and resvg's wasm beside index.js.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import { esbuildTarget } from './runtime'

const SOURCE_DIR = __dirname

/** What a function's config.json declares (read by WeChat DevTools, the CloudBase CLI and the local cloud). */
export interface FunctionConfig {
  /** WeChat Cloud's runtime name, e.g. `Nodejs18.15` */
  runtime: string
  /** seconds (WeChat's default is 3) */
  timeout?: number
  /** MB */
  memorySize?: number
  permissions?: { openapi?: string[] }
  triggers?: { name: string; type: string; config: string }[]
}

/** A function's source config.json; throws when it declares no runtime WeChat Cloud offers. */
export function sourceConfig(name: string): FunctionConfig {
  const path = join(SOURCE_DIR, name, 'config.json')
  const config = JSON.parse(readFileSync(path, 'utf8')) as FunctionConfig
  if (typeof config.runtime !== 'string') throw new Error(`${path}: declare the function's "runtime"`)
  esbuildTarget(config.runtime) // throws for a runtime WeChat Cloud does not offer
  return config
}

export interface BuildOptions {
  /** a folder for `<name>.js.map` (kept out of the uploaded folder: it would double its size) */
  sourcemapDir?: string
}

export async function buildFunction(name: string, outDir: string, opts: BuildOptions = {}): Promise<string> {
  const source = join(SOURCE_DIR, name)
  const target = join(outDir, name)
  const config = sourceConfig(name)
  mkdirSync(target, { recursive: true })
  await build({
    entryPoints: [join(source, 'index.ts')],
    outfile: join(target, 'index.js'),
    bundle: true,
    platform: 'node',
    target: esbuildTarget(config.runtime),
    format: 'cjs',
    external: ['wx-server-sdk'],
    // Less to upload and to parse on a cold start (api 2.8 → 1.3 MB); names stay readable in stack traces.
    minify: true,
    keepNames: true,
    sourcemap: opts.sourcemapDir ? 'external' : false,
    logLevel: 'warning',
  })
  if (opts.sourcemapDir) {
    mkdirSync(opts.sourcemapDir, { recursive: true })
    renameSync(join(target, 'index.js.map'), join(opts.sourcemapDir, `${name}.js.map`))
  }
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
