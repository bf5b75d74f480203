// The deploy configuration: every function declares a runtime WeChat Cloud offers and a time limit it accepts,
// cloudbaserc.json (the CloudBase CLI's view) says the same as the config.json files, the local cloud has the
// exact Node for each declared runtime, and the size budget check fails a folder that is too big.
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { sourceConfig } from '@functions/build'
import { esbuildTarget, WECHAT_NODE_RUNTIMES } from '@functions/runtime'
import { CLOUDBASERC, cloudbaseConfigText } from '@config/cloudbaserc'
import { functionNames } from '@config/build-functions'
import { checkSizeBudgets, folderSize } from '@config/function-sizes'
import { nodeBinary } from '@emulator/node-runtime'
import { execFileSync } from 'node:child_process'

const names = functionNames()

test('the functions are api, poster and remind, each on Nodejs18.15 with a time limit WeChat accepts', () => {
  assert.deepEqual([...names].sort(), ['api', 'poster', 'remind'])
  for (const name of names) {
    const config = sourceConfig(name)
    assert.equal(config.runtime, 'Nodejs18.15', name)
    assert.ok((WECHAT_NODE_RUNTIMES as readonly string[]).includes(config.runtime))
    assert.ok(
      config.timeout && config.timeout >= 1 && config.timeout <= 60,
      `${name} timeout ${config.timeout}`,
    )
  }
  assert.equal(sourceConfig('api').timeout, 20) // roster exports need more than WeChat's default 3 s
  // a poster instance peaks near 290 MB after a few dozen renders (npm run bench -- functions): over the default 256
  assert.equal(sourceConfig('poster').memorySize, 512)
  assert.equal(esbuildTarget('Nodejs18.15'), 'node18.15')
  assert.throws(() => esbuildTarget('Nodejs20.1'), /unknown cloud function runtime "Nodejs20.1"/)
})

test('cloudbaserc.json is what the config.json files say (run `npm run build:functions` to update it)', () => {
  assert.equal(readFileSync(CLOUDBASERC, 'utf8'), cloudbaseConfigText(names))
  const rc = JSON.parse(readFileSync(CLOUDBASERC, 'utf8')) as {
    functionRoot: string
    functions: { name: string; runtime: string; timeout: number; triggers?: { config: string }[] }[]
  }
  assert.equal(rc.functionRoot, './dist/cloudfunctions')
  for (const fn of rc.functions) {
    const config = sourceConfig(fn.name)
    assert.equal(fn.runtime, config.runtime)
    assert.equal(fn.timeout, config.timeout)
    assert.deepEqual(fn.triggers, config.triggers)
  }
  const remind = rc.functions.find((f) => f.name === 'remind')
  assert.equal(remind?.triggers?.[0].config.split(' ').length, 7) // WeChat's cron: seconds … year
})

test('the local cloud has the exact Node of each declared runtime', (t) => {
  if (process.env.JUSHOU_FUNCTIONS_NODE || process.platform !== 'linux' || process.arch !== 'x64')
    return t.skip('functions run on this Node here (an override, or no linux-x64 binary)')
  for (const name of names) {
    const bin = nodeBinary(sourceConfig(name).runtime)
    assert.equal(execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim(), 'v18.15.0')
  }
})

test('a function folder over its size budget fails the build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jushou-sizes-'))
  try {
    mkdirSync(join(dir, 'small'))
    writeFileSync(join(dir, 'small', 'index.js'), 'exports.main = async () => 1\n')
    mkdirSync(join(dir, 'remind'))
    // random bytes do not compress: 300 kB raw and zipped, over remind's 200 kB / 100 kB
    writeFileSync(
      join(dir, 'remind', 'index.js'),
      Buffer.from(Array.from({ length: 300_000 }, () => Math.random() * 256)),
    )
    assert.ok(folderSize(join(dir, 'remind')).zipped > 300_000)
    assert.equal(checkSizeBudgets(dir, ['small']).length, 1)
    assert.throws(
      () => checkSizeBudgets(dir, ['small', 'remind']),
      /over their size budget[\s\S]*remind: 0\.30 MB raw/,
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
