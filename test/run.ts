// npm test: static checks, then build what the tests run against (the cloud functions, the mini program and the
// H5 app), then every test file under test/ (unit, emulator, integration, WeChat runtime, browser) with Node's
// test runner.
// SKIP_BUILD=1 reuses an existing dist/ (quick local reruns); CI always builds.
import { existsSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { spawnSync } from 'node:child_process'
import { ROOT, run, taroBuild } from '@config/run'
import { buildAllFunctions } from '@config/build-functions'
import { writeActionIndex } from '@config/action-index'
import { DEFAULT_RUNTIME, nodeBinary } from '@emulator/node-runtime'

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'bench' || entry.name === 'fixtures' ? [] : testFiles(path)
    return entry.name.endsWith('.test.ts') ? [path] : []
  })
}

async function main(): Promise<void> {
  const only = process.argv.slice(2)
  writeActionIndex() // the list of actions, from the action files, before anything compiles against it
  if (only.length === 0) {
    run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])
    run('npx', ['eslint', '.'])
    run('npx', ['prettier', '--check', '.', '--log-level', 'warn'])
  }
  const built = ['h5/index.html', 'weapp/app.js'].every((file) => existsSync(join(ROOT, 'dist', file)))
  if (!process.env.SKIP_BUILD || !built) {
    await buildAllFunctions()
    taroBuild('weapp')
    taroBuild('h5')
  }
  // the functions' own Node (fetched once here, not by several test files at the same time)
  nodeBinary(DEFAULT_RUNTIME)
  const files = only.length > 0 ? only : testFiles(join(ROOT, 'test'))
  console.log(`running ${files.length} test files`)
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter', 'spec', ...files.map((f) => relative(ROOT, f))],
    { cwd: ROOT, stdio: 'inherit' },
  )
  process.exit(result.status ?? 1)
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
