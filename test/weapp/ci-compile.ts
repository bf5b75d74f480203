// WeChat's own CI (`miniprogram-ci`) on dist/weapp, offline: `getCompiledResult` (the compile an upload runs) and
// `analyseCode` (what each package holds). Run as a child process by compile.test.ts: the CI leaves a file watcher
// running, so this script prints one JSON line and exits. The CI asks WeChat's servers for the project's
// attributes first; offline that throws, so the project gets the CI's own defaults (DefaultProjectAttr) up front,
// and the one other network call (the extension whitelist) fails and falls back by itself.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

interface Ci {
  Project: new (opts: object) => { _attr?: unknown }
  getCompiledResult(opts: object, savePath?: string): Promise<Record<string, unknown>>
  analyseCode(
    project: object,
  ): Promise<{ files: { path: string; size: number; subPackage: string | null }[] }>
}

async function main(): Promise<void> {
  const root = process.argv[2]
  const ci = require('miniprogram-ci') as Ci
  const { DefaultProjectAttr } = require('miniprogram-ci/dist/config/config') as {
    DefaultProjectAttr: unknown
  }
  const dir = mkdtempSync(join(tmpdir(), 'jushou-ci-'))
  const key = join(dir, 'placeholder.key')
  writeFileSync(key, 'placeholder: nothing is uploaded')
  const project = new ci.Project({
    appid: 'touristappid',
    type: 'miniProgram',
    projectPath: root,
    privateKeyPath: key,
  })
  project._attr = DefaultProjectAttr
  const compiled = await ci.getCompiledResult({
    project,
    setting: { es6: false, minify: false },
    onProgressUpdate: () => undefined,
  })
  const analysed = await ci.analyseCode(project)
  const packages: Record<string, number> = {}
  for (const file of analysed.files)
    packages[file.subPackage ?? 'main'] = (packages[file.subPackage ?? 'main'] ?? 0) + file.size
  process.stdout.write(`\n${JSON.stringify({ compiledFiles: Object.keys(compiled), packages })}\n`)
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  },
)
