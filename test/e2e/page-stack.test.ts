// The H5 page stack when a person is quick: a page left while it is still sliding in must not leave the page
// below it hidden. Taro's router hides the page below a new one on a timer (its slide's length) and does not
// cancel that timer when the person comes back first: the list came back blank (seen in CI under load).
// Needs `dist/h5` and `dist/cloudfunctions`.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
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

test('back at once from a call just opened: the list is shown again, and stays', { skip }, async () => {
  assert.ok(emulator && browser)
  const context = await phoneContext(browser, 'volunteer')
  const page = await context.newPage()
  try {
    await page.goto(emulator.url + '/')
    await onScreen(page, '.call-card').first().waitFor({ timeout: 20_000 })

    for (let round = 1; round <= 3; round++) {
      // back the moment the call's page is in the DOM, before its slide (and Taro's timer) has run
      await page.evaluate(
        () =>
          new Promise<void>((resolve) => {
            const opened = new MutationObserver(() => {
              if (document.querySelectorAll('.taro_page').length < 2) return
              opened.disconnect()
              history.back()
              resolve()
            })
            opened.observe(document.body, { childList: true, subtree: true })
            ;(document.querySelector('.call-card') as HTMLElement).click()
          }),
      )
      await page.waitForFunction(() => document.querySelectorAll('.taro_page').length === 1, undefined, {
        timeout: 10_000,
      })
      // longer than the slide and the hide timer (350 ms): a late hide would have landed by now
      await page.waitForTimeout(800)
      assert.equal(
        (await onScreen(page, '.call-card').count()) > 0,
        true,
        `round ${round}: the list is blank after going back (${await page.evaluate(
          () => document.querySelector('.taro_page')?.className,
        )})`,
      )
    }
  } finally {
    await context.close()
  }
})
