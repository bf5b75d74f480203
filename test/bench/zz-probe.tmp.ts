import { launchChromium, phoneContext, startLocalCloud } from '@test/e2e/harness'
async function main() {
  const cloud = await startLocalCloud()
  const browser = await launchChromium()
  for (let run = 0; run < 3; run++) {
    const context = await phoneContext(browser)
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 60, downloadThroughput: (9 * 1024 * 1024) / 8, uploadThroughput: (3 * 1024 * 1024) / 8 })
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 2 })
    const start = Date.now()
    const events: string[] = []
    page.on('requestfinished', (r) => events.push(`${Date.now() - start}ms done ${r.method()} ${r.url().replace(cloud.url, '').slice(0, 60)}`))
    page.on('request', (r) => events.push(`${Date.now() - start}ms start ${r.method()} ${r.url().replace(cloud.url, '').slice(0, 60)}`))
    await page.goto(cloud.url + '/')
    await page.locator('.call-card').first().waitFor({ timeout: 30_000 })
    events.push(`${Date.now() - start}ms first card`)
    const nav = await page.evaluate(() => JSON.stringify(performance.getEntriesByType('navigation')[0]))
    const n = JSON.parse(nav)
    events.push(`domContentLoaded ${Math.round(n.domContentLoadedEventEnd)} load ${Math.round(n.loadEventEnd)}`)
    console.log(events.join('\n'))
    console.log('---')
    await context.close()
  }
  await browser.close()
  await cloud.stop()
}
main()
