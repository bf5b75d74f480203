// What the WeChat-runtime tests share: the local cloud (the built functions, the demo data, in memory) and the
// built mini program booted in the logic-layer sandbox as one of the demo people.
import { existsSync, mkdtempSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { buildFunction } from '@functions/build'
import { startEmulator, type Emulator } from '@emulator/index'
import { PERSONAS, type Persona } from '@core/shared/demo-personas'
import { MiniProgram } from './sandbox'

const ROOT = resolve(__dirname, '..', '..')
export const WEAPP_DIR = join(ROOT, 'dist', 'weapp')

/** Why these tests cannot run here, or undefined when they can. */
export function whyNotRunnable(): string | undefined {
  if (!existsSync(join(WEAPP_DIR, 'app.js'))) return 'dist/weapp is missing: run `npm run build:weapp` first'
  if (process.platform !== 'linux')
    return "WeChat's compilers in miniprogram-compiler are run here in their Linux build"
  return undefined
}

/** The local cloud with the demo data, running freshly built functions (a private folder: dist/ may change). */
export async function startLocalCloud(): Promise<Emulator> {
  const functionsDir = mkdtempSync(join(tmpdir(), 'jushou-weapp-functions-'))
  symlinkSync(join(ROOT, 'node_modules'), join(functionsDir, 'node_modules'), 'dir')
  await buildFunction('api', functionsDir)
  return startEmulator({
    port: 0,
    dataDir: ':memory:',
    functionsDir,
    seed: true,
    timers: false,
    instances: 1,
  })
}

export function openidOf(key: Persona['key']): string {
  const persona = PERSONAS.find((p) => p.key === key)
  if (!persona) throw new Error(`no persona ${key}`)
  return persona.openid
}

/** The mini program opened at `url` by `who`, as WeChat would start it. */
export function openMiniProgram(cloud: Emulator, who: Persona['key'], url: string): Promise<MiniProgram> {
  return new MiniProgram({ root: WEAPP_DIR, cloudUrl: cloud.url, openid: openidOf(who) }).launch(url)
}
