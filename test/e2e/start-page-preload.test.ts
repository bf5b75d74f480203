// The page a link opens has its code on the way before the app's own code has run (config/preload-start-page.ts):
// the list when the app opens bare, the call's page when a friend's shared link opens it, and no other page's.
// Without it the router asked for the page's code only after the app had started: one more round trip on 4G before
// the first card. Needs `dist/h5` and `dist/cloudfunctions`.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import type { Emulator } from '@emulator/index'
import { launchChromium, onScreen, phoneContext, startLocalCloud, whyNotRunnable } from './harness'

const skip = whyNotRunnable()
let emulator: Emulator | undefined
let browser: Browser | undefined

before(async () => {
  if (skip) return
  emulator = await startLocalCloud()
  browser = await launchChromium()
})

after(async () => {
  await browser?.close()
  await emulator?.stop()
})

/** index.html's page → files table, as the build wrote it */
function preloadTable(): Record<string, string[]> {
  const html = readFileSync(join(__dirname, '..', '..', 'dist', 'h5', 'index.html'), 'utf8')
  const table = /\}\)\((\{.*?\}),"\/"\)<\/script>/.exec(html)
  assert.ok(table, 'index.html carries the preload table')
  return JSON.parse(table[1]) as Record<string, string[]>
}

interface Fetched {
  path: string
  initiator: string
  startTime: number
}

/** every script and stylesheet the page fetched, and the moment the app's own script finished arriving */
async function fetchedBy(path: string, selector: string): Promise<{ files: Fetched[]; appArrived: number }> {
  assert.ok(emulator && browser)
  const context = await phoneContext(browser)
  try {
    const page = await context.newPage()
    await page.goto(emulator.url + path)
    await onScreen(page, selector).first().waitFor({ timeout: 20_000 })
    return await page.evaluate(() => {
      const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[]
      const files = entries
        .map((e) => ({
          path: new URL(e.name).pathname.slice(1),
          initiator: e.initiatorType,
          startTime: e.startTime,
        }))
        .filter((f) => /^(js|css)\//.test(f.path))
      const app = entries.find((e) => /\/js\/app\.[0-9a-f]+\.js$/.test(e.name))
      return { files, appArrived: app ? app.responseEnd : NaN }
    })
  } finally {
    await context.close()
  }
}

function assertPreloaded(files: Fetched[], wanted: string[], appArrived: number): void {
  assert.ok(wanted.length >= 2, 'the page has a script and a stylesheet of its own')
  for (const file of wanted) {
    const fetched = files.find((f) => f.path === file)
    assert.ok(fetched, `${file} was fetched`)
    assert.equal(fetched.initiator, 'link', `${file} came by the preload, not by the router's own request`)
    assert.ok(fetched.startTime < appArrived, `${file} was asked for before the app's script had arrived`)
  }
}

test('opened bare, the list page is on its way before the app has started', { skip }, async () => {
  const table = preloadTable()
  const { files, appArrived } = await fetchedBy('/', '.call-card')
  assertPreloaded(files, table['pages/calls/index'], appArrived)
})

test("a shared call's link preloads the call's page and no other page", { skip }, async () => {
  const table = preloadTable()
  const { files, appArrived } = await fetchedBy(
    '/#/pages/call-detail/index?id=mq-trees',
    '.detail-page__title',
  )
  assertPreloaded(files, table['pages/call-detail/index'], appArrived)
  for (const file of table['pages/calls/index']) {
    assert.equal(
      files.some((f) => f.path === file),
      false,
      `the list's ${file} is not fetched`,
    )
  }
})
