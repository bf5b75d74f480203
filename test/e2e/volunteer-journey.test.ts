// The volunteer's whole journey in the H5 build, in headless Chromium, against the local WeChat Cloud running
// the built `api` function on the demo data: browse → open the Minqin call → sign up → success → 我的 → cancel
// → the call has its seat back. Needs `dist/h5` and `dist/cloudfunctions` (npm test builds them first).
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser, Page } from 'playwright-core'
import type { Emulator } from '@emulator/index'
import {
  launchChromium,
  onScreen,
  phoneContext,
  startLocalCloud,
  textOnScreen,
  whyNotRunnable,
} from './harness'

const MINQIN_TITLE = '民勤梭梭林植树志愿者招募'

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

/** 「已报名 17/30」 on the detail page → 17 */
async function confirmedOnDetail(page: Page): Promise<number> {
  const text = await onScreen(page, '.spots-box__count').innerText()
  const match = /已报名\s*(\d+)\s*\/\s*(\d+)/.exec(text)
  assert.ok(match, `spots line reads 「已报名 N/M」, got 「${text}」`)
  return Number(match[1])
}

test(
  'a volunteer signs up for the Minqin tree planting, sees it under 我的, cancels, and the seat comes back',
  {
    skip,
    timeout: 120_000,
  },
  async () => {
    assert.ok(emulator && browser)
    const context = await phoneContext(browser)
    const page = await context.newPage()
    const pageErrors: string[] = []
    page.on('pageerror', (err) => pageErrors.push(String(err)))

    try {
      // browse: the list shows the demo calls, the default persona is 志愿者 小林
      await page.goto(emulator.url + '/')
      await onScreen(page, '.call-card').first().waitFor({ timeout: 20_000 })
      await textOnScreen(page, '当前身份：志愿者 小林').waitFor()
      const card = onScreen(page, '.call-card').filter({ hasText: MINQIN_TITLE })
      await card.click()

      // the call detail: note the seats, then go to the form
      await onScreen(page, '.detail-page__title').filter({ hasText: MINQIN_TITLE }).waitFor()
      await textOnScreen(page, '已认证').waitFor()
      const confirmedBefore = await confirmedOnDetail(page)
      await onScreen(page, '#sign-up-button').filter({ hasText: '我要报名' }).click()

      // the form checks before sending: an empty submit shows messages next to the fields
      await textOnScreen(page, '隐私说明').waitFor()
      await onScreen(page, '#submit-sign-up').click()
      await textOnScreen(page, '请填写姓名').waitFor()
      await textOnScreen(page, '请填写手机号').waitFor()
      await textOnScreen(page, '请阅读并同意隐私说明').waitFor()

      await onScreen(page, 'input#name-input').fill('林晓')
      await onScreen(page, 'input#phone-input').fill('13800138000')
      await textOnScreen(page, '参加过').click()
      await textOnScreen(page, 'M').click()
      await onScreen(page, '#answer-words textarea').fill('第一次去沙漠，很期待！')
      await onScreen(page, '#privacy-consent').click()
      assert.equal(await textOnScreen(page, '请填写姓名').count(), 0, 'a fixed field loses its message')
      await onScreen(page, '#submit-sign-up').click()

      // success: the sign-up read back from the server
      await onScreen(page, '.success-page__title').filter({ hasText: '报名成功' }).waitFor()
      await onScreen(page, '.summary__title').filter({ hasText: MINQIN_TITLE }).waitFor()
      await onScreen(page, '.summary').getByText('已确认').waitFor()
      await onScreen(page, '.summary__who').filter({ hasText: '138****8000' }).waitFor()

      // back on the call: one seat fewer, and the bar shows my sign-up
      await textOnScreen(page, '返回活动').click()
      await onScreen(page, '.action-bar').getByText('已确认').waitFor()
      assert.equal(await confirmedOnDetail(page), confirmedBefore + 1)

      // 我的: the sign-up is among the upcoming ones
      await textOnScreen(page, '查看我的报名').click()
      const row = onScreen(page, '#signup-mq-trees')
      await row.waitFor()
      await textOnScreen(page, '即将参加 · 2').waitFor()
      await row.getByText('已确认').waitFor()

      // cancel, behind a confirm dialog
      await row.getByText('取消报名', { exact: true }).click()
      const dialog = onScreen(page, '.taro-modal__content')
      await dialog.getByText('确定取消「民勤梭梭林植树志愿者招募」的报名吗？', { exact: false }).waitFor()
      await dialog.locator('.taro-model__confirm').click()
      // a cancelled sign-up leaves 我的; the other upcoming one stays
      await row.waitFor({ state: 'detached' })
      await textOnScreen(page, '即将参加 · 1').waitFor()

      // the call has its seat back and can be signed up for again
      await onScreen(page, '.taro-tabbar__tabbar').getByText('志愿活动').click()
      await onScreen(page, '.call-card').filter({ hasText: MINQIN_TITLE }).click()
      await onScreen(page, '#sign-up-button').filter({ hasText: '我要报名' }).waitFor()
      assert.equal(await confirmedOnDetail(page), confirmedBefore)

      // and the database agrees with the screen
      const [signUp] = emulator.store
        .collection('signups')
        .find({ _id: 'mq-trees_oJUSHOU_demo_volunteer_xlin0' })
      assert.equal(signUp?.status, 'cancelled')
      assert.deepEqual(pageErrors, [])
    } finally {
      await context.close()
    }
  },
)
