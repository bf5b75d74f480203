// The H5 app's cold load on a phone's 4G (9 Mbps down, 60 ms latency, the CPU slowed 2×), served by the local cloud
// (compressed, as any real host would): bytes transferred, and how long until the person sees what they came for —
// the first call card when the app opens on the list, the call's title when a friend's shared link opens its page.
// Goal: first card ≤ 1.5 s. Needs dist/h5 (npm run build:h5) and Chromium.
//
// The time that counts is the page's own: from the moment navigation starts (performance.now() = 0) until the
// frame after the element entered the document — what the person sees. The harness's own clock (from before it
// asks Chromium to navigate until it has noticed the element by polling) is printed beside it: it adds the
// harness's round trips to Chromium and its polling, which no person waits for.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Browser } from 'playwright-core'
import { launchChromium, phoneContext, startLocalCloud } from '@test/e2e/harness'

const RUNS = Number(process.env.RUNS) || 7

interface Start {
  name: string
  path: string
  /** the element the person opened the app to see */
  selector: string
}

const STARTS: Start[] = [
  { name: 'the list, first call card', path: '/', selector: '.call-card' },
  {
    name: 'a shared call, its title',
    path: '/#/pages/call-detail/index?id=mq-trees',
    selector: '.detail-page__title',
  },
]

interface Load {
  /** navigation start → the frame after the element appeared (the page's clock) */
  seen: number
  /** before goto → the harness noticed the element (the harness's clock) */
  harness: number
  bytes: number
}

async function coldLoad(browser: Browser, url: string, selector: string): Promise<Load> {
  const context = await phoneContext(browser)
  try {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 60,
      downloadThroughput: (9 * 1024 * 1024) / 8,
      uploadThroughput: (3 * 1024 * 1024) / 8,
    })
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 2 })
    let bytes = 0
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
      bytes += e.encodedDataLength
    })
    // notes, in the page, when the element first enters the document and when the next frame after that starts
    await page.addInitScript((wanted: string) => {
      const marks = window as unknown as { __seenAt?: number }
      const observer = new MutationObserver(() => {
        if (!document.querySelector(wanted)) return
        observer.disconnect()
        requestAnimationFrame(() => requestAnimationFrame(() => (marks.__seenAt = performance.now())))
      })
      observer.observe(document, { subtree: true, childList: true })
    }, selector)
    const start = Date.now()
    await page.goto(url)
    await page.locator(selector).first().waitFor({ timeout: 30_000 })
    const harness = Date.now() - start
    const seen = await page.waitForFunction(() => (window as unknown as { __seenAt?: number }).__seenAt)
    return { seen: Math.round(Number(await seen.jsonValue())), harness, bytes }
  } finally {
    await context.close()
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

async function main(): Promise<void> {
  if (!existsSync(resolve(__dirname, '..', '..', 'dist', 'h5', 'index.html'))) {
    console.log('h5-load: no dist/h5 (npm run build:h5 first)')
    return
  }
  const cloud = await startLocalCloud()
  const browser = await launchChromium()
  try {
    console.log(
      `h5 cold load on 4G (9 Mbps, 60 ms, CPU 2×), ${RUNS} runs each, after one unmeasured warm-up:`,
    )
    for (const start of STARTS) {
      await coldLoad(browser, cloud.url + start.path, start.selector)
      const loads: Load[] = []
      for (let run = 0; run < RUNS; run++)
        loads.push(await coldLoad(browser, cloud.url + start.path, start.selector))
      const seen = loads.map((l) => l.seen)
      console.log(`  ${start.name}:`)
      console.log(`    transferred ${(median(loads.map((l) => l.bytes)) / 1024).toFixed(0)} KB (compressed)`)
      console.log(
        `    seen after p50 ${median(seen)} ms (best ${Math.min(...seen)}, worst ${Math.max(...seen)});` +
          ` harness clock p50 ${median(loads.map((l) => l.harness))} ms`,
      )
      if (start.path === '/') console.log(`    goal ≤ 1500 ms: ${median(seen) <= 1500 ? 'met' : 'not met'}`)
    }
  } finally {
    await browser.close()
    await cloud.stop()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
