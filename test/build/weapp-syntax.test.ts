// The weapp build ships only ES2015 syntax. project.config.json keeps WeChat DevTools' es6/enhance off, so what
// dist/weapp holds is what phones run; older engines (iOS 10's JavaScriptCore) fail to load a whole file on one
// `?.`. Builds dist/weapp first when it is missing (a local build, as npm start and npm test make it).
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { ROOT, taroBuild } from '@config/run'
import { checkDir, jsFiles, newerSyntax } from './syntax'

const WEAPP = join(ROOT, 'dist', 'weapp')

test('the checker names each construct newer than ES2015', () => {
  const cases: [string, string][] = [
    ['a?.b', 'optional chaining'],
    ['a ?? b', 'nullish coalescing'],
    ['x = {...a}', 'object spread'],
    ['var {a, ...rest} = b', 'object rest'],
    ['try {} catch {}', 'optional catch binding'],
    ['2 ** 3', 'exponent operator'],
    ['async function f() { await g() }', 'async function'],
    ['a ||= b', 'logical assignment'],
    ['class A { x = 1 }', 'class field'],
    ['/a.b/s', 'regular expression flag `s`'],
    ['f(a,)', 'not ES2015'],
  ]
  for (const [code, construct] of cases) {
    const findings = newerSyntax(code)
    assert.ok(
      findings.some((f) => f.construct.includes(construct)),
      `${code} → ${JSON.stringify(findings)}`,
    )
  }
  const es2015 =
    'const f = (a, ...b) => `${a}`; class A { *g() { yield [...b] } }; let {x, y: [z]} = o; for (const v of w) {}'
  assert.deepEqual(newerSyntax(es2015), [])
})

test('every .js file in dist/weapp parses as ES2015', () => {
  if (!existsSync(join(WEAPP, 'app.js'))) taroBuild('weapp')
  const { files, problems } = checkDir(WEAPP)
  assert.ok(files > 10, `expected the weapp build in ${WEAPP}, found ${files} .js files`)
  assert.deepEqual(problems, [], `syntax newer than ES2015 in dist/weapp:\n${problems.join('\n')}`)
})

test('the weapp build is minified (terser in production builds)', () => {
  if (!existsSync(join(WEAPP, 'app.js'))) taroBuild('weapp')
  const loose = jsFiles(WEAPP).flatMap((file) => {
    const code = readFileSync(file, 'utf8')
    const lines = code.split('\n').length
    // minified: a few very long lines; readable output has a line per ~30 characters
    return code.length > 4096 && code.length / lines < 500
      ? [`${file.slice(WEAPP.length + 1)}: ${lines} lines`]
      : []
  })
  assert.deepEqual(loose, [])
})
