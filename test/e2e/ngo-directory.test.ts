// The NGO directory in the H5 build (the list; WeChat adds a map), in headless Chromium against the local cloud
// with the demo data: filter by cause, open a profile with its figures and calls, reach it from a call's detail.
// Needs `dist/h5` and `dist/cloudfunctions`.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser } from 'playwright-core'
import type { Emulator } from '@emulator/index'
import {
  detailUrl,
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

test(
  '公益地图 lists verified NGOs, filters by cause, and opens a profile with its figures',
  { skip },
  async () => {
    assert.ok(emulator && browser)
    const context = await phoneContext(browser, 'volunteer')
    const page = await context.newPage()
    try {
      await page.goto(`${emulator.url}/#/pages/mine/index`)
      await textOnScreen(page, '公益地图').click()
      const items = onScreen(page, '.directory-item')
      await items.filter({ hasText: '民勤治沙' }).waitFor()
      // the demo's NGO under review is not in the directory
      assert.equal(await items.filter({ hasText: '海岸线守护者' }).count(), 0)
      await textOnScreen(page, '助老').click()
      await items.filter({ hasText: '民勤治沙' }).waitFor({ state: 'detached' })
      const names = await items.locator('.console-title').allTextContents()
      assert.ok(names.length > 0)
      for (const text of await items.allTextContents()) assert.match(text, /助老/)
      await textOnScreen(page, '助老').click()
      await items.filter({ hasText: '民勤治沙' }).click()
      await onScreen(page, '.profile-figure').first().waitFor()
      await textOnScreen(page, '举办活动').waitFor()
      await onScreen(page, '.call-card').filter({ hasText: '民勤梭梭林植树志愿者招募' }).waitFor()

      // from a call's detail, the NGO row opens the same profile
      await page.goto(detailUrl(emulator, 'mq-trees'))
      await onScreen(page, '.ngo-row').click()
      await textOnScreen(page, '动员志愿者').waitFor()
    } finally {
      await context.close()
    }
  },
)
