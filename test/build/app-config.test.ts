// What WeChat reads from app.json besides the pages: the private-info APIs the app calls (requiredPrivateInfos;
// an undeclared one fails at run time), the purpose shown when asking for location, the sitemap that keeps
// WeChat search to the public pages, and a tab bar whose words and icons can be seen (WCAG AA contrast).
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { PNG } from 'pngjs'

const ROOT = join(__dirname, '..', '..')
const SRC = join(ROOT, 'src')

Object.assign(globalThis, { defineAppConfig: (config: unknown) => config })
const app = require('../../src/app.config').default as {
  pages: string[]
  requiredPrivateInfos?: string[]
  permission?: Record<string, { desc: string }>
  sitemapLocation?: string
  tabBar: {
    color: string
    selectedColor: string
    backgroundColor: string
    list: { text: string; iconPath: string; selectedIconPath: string }[]
  }
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

/** WCAG 2.1 contrast ratio of two sRGB colours given as [r, g, b] 0–255 */
function contrast(a: number[], b: number[]): number {
  const luminance = (rgb: number[]) => {
    const [r, g, b2] = rgb.map((v) => {
      const c = v / 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2
  }
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

const hex = (colour: string) => [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16))

test('the tab bar’s words (4.5:1) and icons (3:1) stand out from its background', () => {
  const { color, selectedColor, backgroundColor, list } = app.tabBar
  const background = hex(backgroundColor)
  for (const text of [color, selectedColor])
    assert.ok(contrast(hex(text), background) >= 4.5, `${text} on ${backgroundColor}`)
  for (const tab of list) {
    for (const icon of [tab.iconPath, tab.selectedIconPath]) {
      const png = PNG.sync.read(readFileSync(join(SRC, icon)))
      // every pixel of the shape (the edges' anti-aliasing is in their alpha): the lowest contrast counts
      let lowest = Infinity
      for (let i = 0; i < png.data.length; i += 4) {
        if (png.data[i + 3] < 128) continue
        lowest = Math.min(lowest, contrast([png.data[i], png.data[i + 1], png.data[i + 2]], background))
      }
      assert.ok(lowest >= 3, `${icon}: ${lowest.toFixed(2)}:1 on ${backgroundColor}`)
    }
  }
})
