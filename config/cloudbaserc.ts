// cloudbaserc.json, the CloudBase CLI's deploy configuration (`tcb fn deploy`), generated from each function's
// config.json, the one source of runtime, timeout, memory and triggers (WeChat DevTools reads config.json itself).
// `npm run build:functions` rewrites it when a config.json changed; test/deploy/config.test.ts checks that the
// committed file is up to date. Environment variables stay out on purpose: the CLI's `envVariables` replaces all
// of a function's variables on every deploy, and secrets (JUSHOU_SIGNING_SECRET, JUSHOU_DATA_KEY) are set in the
// cloud console.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { sourceConfig } from '@functions/build'

export const CLOUDBASERC = join(__dirname, '..', 'cloudbaserc.json')

export function cloudbaseConfig(names: string[]): object {
  return {
    version: '2.0',
    // read by the CLI from .env / .env.local (CLOUD_ENV_ID=…), or given on the command line with -e
    envId: '{{env.CLOUD_ENV_ID}}',
    functionRoot: './dist/cloudfunctions',
    functions: [...names].sort().map((name) => {
      const config = sourceConfig(name)
      return {
        name,
        runtime: config.runtime,
        handler: 'index.main',
        timeout: config.timeout ?? 3,
        ...(config.memorySize ? { memorySize: config.memorySize } : {}),
        installDependency: true,
        ...(config.triggers?.length ? { triggers: config.triggers } : {}),
      }
    }),
  }
}

export function cloudbaseConfigText(names: string[]): string {
  return JSON.stringify(cloudbaseConfig(names), null, 2) + '\n'
}

/** Writes cloudbaserc.json when its content changed; returns whether it did. */
export function writeCloudbaseConfig(names: string[]): boolean {
  const text = cloudbaseConfigText(names)
  if (existsSync(CLOUDBASERC) && readFileSync(CLOUDBASERC, 'utf8') === text) return false
  writeFileSync(CLOUDBASERC, text)
  return true
}
