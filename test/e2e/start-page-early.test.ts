// What the page a link opens needs is on its way before the app's own code has run (config/start-page-early.ts):
// its files preloaded (the call's page when a friend's shared link opens it, and no other page's; the list, which
// the app opens bare, is part of the app's own script: config/first-page-in-app-loader.js), and the list's calls
// asked for by index.html itself, once. When that answer is in hand by the
// time the list draws, its first frame has the cards (no skeleton drawn only to be replaced); when it is not, the
// skeleton shows until it comes. Without this, on 4G the router asked for the page's code only after the app had
// started, and the list asked for its calls only after that. Needs `dist/h5` and `dist/cloudfunctions`.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
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
  const table = /\}\)\((\{.*?\}),\{/.exec(html)
  assert.ok(table, 'index.html carries the preload table')
  return JSON.parse(table[1]) as Record<string, string[]>
}

/** the scripts and stylesheets index.html itself names (the app's entry), as paths without the leading slash */
function entryFiles(): string[] {
  const html = readFileSync(join(__dirname, '..', '..', 'dist', 'h5', 'index.html'), 'utf8')
  const named = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="\/((?:js|css)\/[^"]+)"/g)].map(
    (m) => m[1],
  )
  assert.ok(
    named.some((file) => /^js\/app\./.test(file)),
    "index.html names the app's script",
  )
  return named
}

interface Fetched {
  path: string
  initiator: string
  startTime: number
}

interface Load {
  files: Fetched[]
  /** requests to the api function, in the order sent */
  api: Fetched[]
  /** reads of calls' public files from storage, in the order sent */
  callFiles: Fetched[]
  /** when the app's own script had finished arriving */
  appArrived: number
  /** whether the list's loading skeleton was ever in the document */
  skeletonShown: boolean
}

/** Opens `path` as a visitor and waits for `selector`; `slow` delays the responses it matches first. */
async function load(path: string, selector: string, slow?: { url: RegExp; ms: number }): Promise<Load> {
  assert.ok(emulator && browser)
  const context = await phoneContext(browser)
  try {
    const page = await context.newPage()
    if (slow) {
      await page.route(slow.url, async (route) => {
        await new Promise((done) => setTimeout(done, slow.ms))
        await route.continue()
      })
    }
    await page.addInitScript(() => {
      const seen = new MutationObserver(() => {
        if (!document.querySelector('.card-skeleton')) return
        ;(window as unknown as { skeletonShown: boolean }).skeletonShown = true
        seen.disconnect()
      })
      seen.observe(document, { subtree: true, childList: true })
    })
    await page.goto(emulator.url + path)
    await onScreen(page, selector).first().waitFor({ timeout: 20_000 })
    return await measured(page)
  } finally {
    await context.close()
  }
}

function measured(page: Page): Promise<Load> {
  return page.evaluate(() => {
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[]
    const all = entries.map((e) => ({
      path: new URL(e.name).pathname.slice(1),
      initiator: e.initiatorType,
      startTime: e.startTime,
    }))
    const app = entries.find((e) => /\/js\/app\.[0-9a-f]+\.js$/.test(e.name))
    return {
      files: all.filter((f) => /^(js|css)\//.test(f.path)),
      api: all.filter((f) => f.path === 'functions/api').sort((a, b) => a.startTime - b.startTime),
      callFiles: all
        .filter((f) => f.path.startsWith('_storage/public/calls/'))
        .sort((a, b) => a.startTime - b.startTime),
      appArrived: app ? app.responseEnd : NaN,
      skeletonShown: (window as unknown as { skeletonShown?: boolean }).skeletonShown === true,
    }
  })
}

/**
 * The app's script as a phone's network brings it: a while after the page. (On this machine's own network it may
 * arrive before the page's first script has even run, and "before the app's script arrived" would be a race.)
 */
const APP_SCRIPT_SLOW = { url: /\/js\/app\.[0-9a-f]+\.js$/, ms: 500 }

function assertPreloaded(files: Fetched[], wanted: string[], appArrived: number): void {
  assert.ok(wanted.length >= 2, 'the page has a script and a stylesheet of its own')
  for (const file of wanted) {
    const fetched = files.find((f) => f.path === file)
    assert.ok(fetched, `${file} was fetched`)
    assert.equal(fetched.initiator, 'link', `${file} came by the preload, not by the router's own request`)
    assert.ok(fetched.startTime < appArrived, `${file} was asked for before the app's script had arrived`)
  }
}

test(
  "opened bare: the list is drawn by the app's own files, and its calls are on their way before the app has started",
  { skip },
  async () => {
    const table = preloadTable()
    assert.equal(table['pages/calls/index'], undefined, 'the list has no files of its own to preload')
    const { files, api, appArrived } = await load('/', '.call-card', APP_SCRIPT_SLOW)
    // the scripts and stylesheets index.html names itself, and nothing else: no chunk is loaded for the list
    assert.deepEqual(files.map((f) => f.path).sort(), entryFiles().sort())
    assert.equal(api.length, 1, 'the calls are asked for once: the app takes the reply index.html asked for')
    assert.ok(api[0].startTime < appArrived, "the calls were asked for before the app's script had arrived")
  },
)

test(
  "a shared call's link preloads the call's page and reads the call's public file, no other page, and asks for no list",
  { skip },
  async () => {
    assert.ok(emulator)
    // the call's public file is in storage (written when the function last read the call afresh for a page)
    await fetch(`${emulator.url}/functions/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'getCall', callId: 'mq-trees' }),
    })
    const table = preloadTable()
    const { files, api, appArrived, callFiles } = await load(
      '/#/pages/call-detail/index?id=mq-trees',
      '.detail-page__title',
      APP_SCRIPT_SLOW,
    )
    assertPreloaded(files, table['pages/call-detail/index'], appArrived)
    assert.deepEqual(
      files.map((f) => f.path).sort(),
      [...entryFiles(), ...table['pages/call-detail/index']].sort(),
      "the app's files and the call page's, no other page's",
    )
    assert.equal(
      api.filter((a) => a.startTime < appArrived).length,
      0,
      'nothing is asked of the function before the app runs',
    )
    assert.deepEqual(
      callFiles.map((f) => f.path),
      ['_storage/public/calls/mq-trees.json'],
      "the call's file is read once: the page takes the read index.html started",
    )
    assert.ok(
      callFiles[0].startTime < appArrived,
      "the call's file was asked for before the app's script had arrived",
    )
  },
)

test(
  'the calls in hand when the list draws: its first frame has the cards, no skeleton',
  { skip },
  async () => {
    // the app's code slow to come (a slow phone, a slow network): the early reply is in long before the list draws
    const { skeletonShown, api } = await load('/', '.call-card', {
      url: /\/js\/app\.[0-9a-f]+\.js$/,
      ms: 1_500,
    })
    assert.equal(skeletonShown, false, 'the skeleton was drawn though the calls were in hand')
    assert.equal(api.length, 1)
  },
)

test(
  'the calls still on their way when the list draws: the skeleton shows until they come',
  { skip },
  async () => {
    const { skeletonShown, api } = await load('/', '.call-card', { url: /\/functions\/api$/, ms: 2_000 })
    assert.equal(skeletonShown, true)
    assert.equal(api.length, 1, 'the list waits for the early reply rather than asking again')
  },
)
