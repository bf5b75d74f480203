// The H5 app's cold load on a phone's 4G (9 Mbps down, 60 ms latency, the CPU slowed 2×): bytes transferred and
// the time until the first call card shows, served by the local cloud (compressed, as any real host would).
// Goal: first card ≤ 1.5 s. Needs dist/h5 (npm run build:h5) and Chromium.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { launchChromium, phoneContext, startLocalCloud } from '@test/e2e/harness'

const RUNS = 5

async function main(): Promise<void> {
  if (!existsSync(resolve(__dirname, '..', '..', 'dist', 'h5', 'index.html'))) {
    console.log('h5-load: no dist/h5 (npm run build:h5 first)')
    return
  }
  const cloud = await startLocalCloud()
  const browser = await launchChromium()
  const times: number[] = []
  let bytes = 0
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await phoneContext(browser)
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
      let transferred = 0
      cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
        transferred += e.encodedDataLength
      })
      const start = Date.now()
      await page.goto(cloud.url + '/')
      await page.locator('.call-card').first().waitFor({ timeout: 30_000 })
      times.push(Date.now() - start)
      bytes = transferred
      await context.close()
    }
  } finally {
    await browser.close()
    await cloud.stop()
  }
  const sorted = [...times].sort((a, b) => a - b)
  console.log(`h5 cold load on 4G (9 Mbps, 60 ms, CPU 2×), ${RUNS} runs:`)
  console.log(`  transferred ${(bytes / 1024).toFixed(0)} KB (all requests of the last run, compressed)`)
  console.log(
    `  first call card: p50 ${sorted[Math.floor(RUNS / 2)]} ms, best ${sorted[0]} ms, worst ${sorted[RUNS - 1]} ms`,
  )
  console.log(`  goal ≤ 1500 ms: ${sorted[Math.floor(RUNS / 2)] <= 1500 ? 'met' : 'not met'}`)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
