// Runs a command with inherited output and fails loudly: the small building block of our npm scripts.
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { LOCAL_BUILD_FLAG } from './cloud-env'

export const ROOT = resolve(__dirname, '..')

export function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const started = Date.now()
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } })
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`)
  }
  console.log(`✓ ${command} ${args.join(' ')} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
}

/**
 * Taro's own CLI, through npx so the locally installed version is used: a production build for local use
 * (npm start, npm test, benchmarks), against the emulator. It needs no CLOUD_ENV_ID (config/cloud-env.ts);
 * `npm run build` is the build for upload.
 */
export function taroBuild(type: 'weapp' | 'h5'): void {
  run('npx', ['taro', 'build', '--type', type], { NODE_ENV: 'production', [LOCAL_BUILD_FLAG]: '1' })
}
