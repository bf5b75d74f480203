// What WeChat reads from app.json besides the pages: the private-info APIs the app calls (requiredPrivateInfos;
// an undeclared one fails at run time), the purpose shown when asking for location, and the sitemap that keeps
// WeChat search to the public pages.
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'

const ROOT = join(__dirname, '..', '..')
const SRC = join(ROOT, 'src')

Object.assign(globalThis, { defineAppConfig: (config: unknown) => config })
const app = require('../../src/app.config').default as {
  pages: string[]
  requiredPrivateInfos?: string[]
  permission?: Record<string, { desc: string }>
  sitemapLocation?: string
}

/** The APIs WeChat requires in requiredPrivateInfos (its list as of 2024). */
const PRIVATE_INFO_APIS = [
  'getFuzzyLocation',
  'getLocation',
  'onLocationChange',
  'startLocationUpdate',
  'startLocationUpdateBackground',
  'chooseLocation',
  'choosePoi',
  'chooseAddress',
]

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return /\.tsx?$/.test(entry.name) ? [path] : []
  })
}

test('every private-info API the app calls is declared, and only those', () => {
  const code = sources(SRC)
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n')
  const used = PRIVATE_INFO_APIS.filter((api) => new RegExp(`\\b(Taro|wx)\\.${api}\\b`).test(code))
  assert.ok(used.includes('chooseLocation'), 'the call editor picks a place with chooseLocation')
  assert.deepEqual([...(app.requiredPrivateInfos ?? [])].sort(), used.sort())
})

test('asking for location says why, within WeChat’s 30 characters', () => {
  const desc = app.permission?.['scope.userLocation']?.desc ?? ''
  assert.ok(desc.length > 0 && desc.length <= 30, desc)
})

test('the sitemap lets WeChat search index the list and call details only', () => {
  assert.equal(app.sitemapLocation, 'sitemap.json')
  const sitemap = JSON.parse(readFileSync(join(SRC, 'sitemap.json'), 'utf8')) as {
    rules: { action: string; page: string }[]
  }
  const allowed = sitemap.rules.filter((r) => r.action === 'allow').map((r) => r.page)
  assert.deepEqual(allowed.sort(), ['pages/call-detail/index', 'pages/calls/index'])
  for (const page of allowed) assert.ok(app.pages.includes(page), `${page} is a main-package page`)
  assert.deepEqual(sitemap.rules.at(-1), { action: 'disallow', page: '*' })
  // the weapp build copies it next to app.json (config/index.ts copy.patterns)
  if (existsSync(join(ROOT, 'dist', 'weapp', 'app.json'))) {
    assert.ok(existsSync(join(ROOT, 'dist', 'weapp', 'sitemap.json')), 'dist/weapp/sitemap.json')
  }
})
