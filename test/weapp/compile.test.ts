// The built mini program through WeChat's own tools, offline: every page's and component's .wxml through `wcc`,
// every .wxss through `wcsc` (miniprogram-compiler), then miniprogram-ci's compile and code analysis with the
// package size limits (main package and each subpackage ≤ 2 MB).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { WEAPP_DIR, whyNotRunnable } from './harness'
import { compileWxml, compileWxss, wxmlFiles } from './wxml'

const MB = 1024 * 1024
const skip = whyNotRunnable()

function filesEnding(ext: string, dir = WEAPP_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return filesEnding(ext, path)
    return entry.name.endsWith(ext) ? [relative(WEAPP_DIR, path).split('\\').join('/')] : []
  })
}

function pages(): string[] {
  const json = JSON.parse(readFileSync(join(WEAPP_DIR, 'app.json'), 'utf8')) as {
    pages: string[]
    subPackages?: { root: string; pages: string[] }[]
  }
  return [
    ...json.pages,
    ...(json.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`)),
  ]
}

test('wcc compiles every page and component template', { skip }, () => {
  const gwx = compileWxml(WEAPP_DIR)
  const templates = wxmlFiles(WEAPP_DIR, pages())
  assert.ok(templates.includes('comp'), "Taro's recursive component is among them")
  for (const path of templates) {
    const data = path === 'comp' ? { i: { nn: '9', v: '', sid: 't' }, l: '' } : { root: { cn: [] } }
    const tree = gwx(`${path}.wxml`, data)
    assert.ok(tree, `wcc made a template of ${path}.wxml`)
  }
})

// Text follows the reader's font size on WeChat: 1rem is the size set in WeChat's settings on every page
// (config/text-size-plugin.ts), and the stylesheets write text sizes in rem (text-size() in theme.scss).
test('every page starts with <page-meta root-font-size="system">', { skip }, () => {
  const gwx = compileWxml(WEAPP_DIR)
  for (const page of pages()) {
    const tree = gwx(`${page}.wxml`, { root: { cn: [] } }) as { children: { tag: string; attr: object }[] }
    const first = tree.children[0]
    assert.equal(first?.tag, 'wx-page-meta', `${page}: the page-meta node comes first`)
    assert.deepEqual({ ...first.attr }, { rootFontSize: 'system', pageFontSize: 'system' }, page)
  }
})

test("text sizes are rem: they follow WeChat's font setting, layout stays in rpx", { skip }, () => {
  const css = filesEnding('.wxss')
    .map((file) => readFileSync(join(WEAPP_DIR, file), 'utf8'))
    .join('\n')
  const sizes = [...css.matchAll(/font-size:\s*([^;}]+)/g)].map((m) => m[1].trim())
  assert.ok(sizes.length > 100, 'the stylesheets set font sizes')
  // rpx (or px) would follow the screen's width, not the reader's setting
  assert.deepEqual(
    sizes.filter((size) => !size.endsWith('rem')),
    [],
  )
})

test('wcsc compiles every style sheet', { skip }, () => {
  const sheets = filesEnding('.wxss')
  assert.ok(sheets.includes('app.wxss'))
  const compiled = compileWxss(WEAPP_DIR, sheets)
  for (const page of pages()) assert.ok(compiled.has(`${page}.wxss`), `${page}.wxss`)
})

test(
  'miniprogram-ci compiles and analyses the project offline; every package stays under 2 MB',
  { skip, timeout: 120_000 },
  () => {
    const script = join(__dirname, 'ci-compile.ts')
    const run = spawnSync(process.execPath, ['--import', 'tsx', script, WEAPP_DIR], {
      cwd: resolve(__dirname, '..', '..'),
      encoding: 'utf8',
      timeout: 110_000,
    })
    assert.equal(run.status, 0, `miniprogram-ci failed:\n${run.stderr}\n${run.stdout.slice(-2000)}`)
    const last = run.stdout.trim().split('\n').at(-1) ?? ''
    const { compiledFiles, packages } = JSON.parse(last) as {
      compiledFiles: string[]
      packages: Record<string, number>
    }
    for (const page of pages())
      assert.ok(
        compiledFiles.some((f) => f.startsWith(page)),
        `compiled ${page}`,
      )
    assert.ok(packages.main > 0)
    for (const [name, bytes] of Object.entries(packages))
      assert.ok(bytes <= 2 * MB, `${name}: ${bytes} bytes > 2 MB`)
  },
)

test('string literals are UTF-8, not \\u escapes (3 bytes a 汉字, not 6)', { skip }, () => {
  const scripts = filesEnding('.js').map((path) => readFileSync(join(WEAPP_DIR, path), 'utf8'))
  const escaped = scripts.flatMap((code) => code.match(/"[^"\n]*\\u[4-9][0-9a-f]{3}[^"\n]*"/g) ?? [])
  assert.deepEqual(escaped.slice(0, 3), [], 'a string literal with an escaped CJK character')
  assert.ok(
    scripts.some((code) => code.includes('"报名')),
    'the pages carry their Chinese text as it is',
  )
})
