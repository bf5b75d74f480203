// A Button at work shows a spinner the app draws itself: Taro's browser Button would fetch its spinner picture from
// another company's server, so every organizer saving a draft would tell that server they were here.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser } from 'playwright-core'
import type { Emulator } from '@emulator/index'
import {
  launchChromium,
  onScreen,
  phoneContext,
  startLocalCloud,
  textOnScreen,
  whyNotRunnable,
} from './harness'

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

test('保存草稿 at work spins, drawn by the app: nothing is asked of another host', { skip }, async () => {
  assert.ok(emulator && browser)
  const local = new URL(emulator.url).host
  const page = await (await phoneContext(browser, 'organizer')).newPage()
  const elsewhere: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.protocol.startsWith('http') && url.host !== local) elsewhere.push(request.url())
  })
  // the save takes a moment, as on a slow network
  await page.route('**/functions/api', async (route) => {
    if (route.request().postData()?.includes('"saveCall"'))
      await new Promise((done) => setTimeout(done, 1500))
    await route.continue()
  })

  await page.goto(`${emulator.url}/#/packages/ngo/call-editor/index?id=mq-autumn-draft`)
  await onScreen(page, 'input#call-title').waitFor({ timeout: 20_000 })
  // the draft is in the form (saved, it goes to the cloud; empty, the form stops it first)
  await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input#call-title')?.value)
  await textOnScreen(page, '保存草稿').click()
  const spinner = onScreen(page, '.taro-button-core .weui-loading')
  await spinner.waitFor()
  const look = await spinner.evaluate((element) => {
    const style = getComputedStyle(element)
    return { image: style.backgroundImage, animation: style.animationName, border: style.borderTopStyle }
  })
  assert.deepEqual(look, { image: 'none', animation: 'button-spin', border: 'solid' })
  await spinner.waitFor({ state: 'detached' })
  assert.deepEqual(elsewhere, [], 'every request stayed with the app')
})
