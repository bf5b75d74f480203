// What an organizer sees of their own call: a draft's preview is marked as one, lists the questions the form will
// ask and offers no sign-up; right after publishing, the call's page asks to be shared.
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
  'a draft previews as a preview, with its questions; a just-published call asks to be shared',
  { skip },
  async () => {
    assert.ok(emulator && browser)
    const page = await (await phoneContext(browser, 'organizer')).newPage()
    await page.goto(detailUrl(emulator, 'mq-autumn-draft'))
    const banner = onScreen(page, '#call-status-banner')
    await banner.getByText('预览 · 草稿').waitFor()
    await banner.getByText('1. 是否参加过植树活动？', { exact: false }).waitFor()
    await textOnScreen(page, '预览中 · 发布后可报名').waitFor()
    assert.equal(await textOnScreen(page, '报名已截止').count(), 0, 'not a grey 「报名已截止」')

    await page.goto('about:blank')
    await page.goto(`${detailUrl(emulator, 'mq-trees')}&share=1`)
    await onScreen(page, '#call-status-banner').getByText('活动已发布').waitFor()
  },
)
