// What the sign-up form keeps on this phone, in the H5 build: typed input survives going back (after 「放弃填写？」)
// and comes back when the form is opened again; after a successful sign-up the name and phone are offered on the
// next call's form (never the answers to the last call's questions), and 删除我的数据 forgets them.
// Set E2E_SCREENSHOTS=<folder> to keep screenshots. Needs `dist/h5` and `dist/cloudfunctions`.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
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

const MINQIN = 'mq-trees'
/** another open call with a question of its own */
const SHELTER = 'cd-shelter-care'

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

const SCREENSHOTS = process.env.E2E_SCREENSHOTS

async function keep(name: string, page: Page): Promise<void> {
  if (!SCREENSHOTS) return
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, name) })
}

const leaveDialog = (page: Page) => onScreen(page, '.taro-modal__content').filter({ hasText: '放弃填写？' })

/** Opens a call's form from a fresh load (a hash change within the app would be taken for a step back by Taro's
 * router, which keeps its own stack). */
async function openForm(page: Page, emu: Emulator, callId: string): Promise<void> {
  await page.goto('about:blank')
  await page.goto(detailUrl(emu, callId))
  await onScreen(page, '#sign-up-button').click({ timeout: 20_000 })
  await textOnScreen(page, '隐私说明').waitFor()
}

test(
  'a half-filled form asks 「放弃填写？」 on going back and is there again on return',
  { skip },
  async () => {
    assert.ok(emulator && browser)
    const context = await phoneContext(browser, 'volunteer')
    const page = await context.newPage()
    try {
      await openForm(page, emulator, MINQIN)
      // nothing typed: going back just goes back
      await page.goBack()
      await onScreen(page, '#sign-up-button').waitFor()
      assert.equal(await leaveDialog(page).count(), 0)

      await onScreen(page, '#sign-up-button').click()
      await textOnScreen(page, '隐私说明').waitFor()
      await onScreen(page, 'input#name-input').fill('林晓')
      await onScreen(page, 'input#phone-input').fill('13800138000')
      await textOnScreen(page, '参加过').click()
      await onScreen(page, '#answer-words textarea').fill('第一次去沙漠')

      // back (the browser's button): asked first; 继续填写 stays on the form with everything in it
      await page.goBack()
      await leaveDialog(page).waitFor()
      await keep('sign-up-leave.png', page)
      await leaveDialog(page).locator('.taro-model__cancel').click()
      await leaveDialog(page).waitFor({ state: 'hidden' })
      await textOnScreen(page, '隐私说明').waitFor()
      assert.equal(await onScreen(page, 'input#name-input').inputValue(), '林晓')

      // back again, and leave: the detail page
      await page.goBack()
      await leaveDialog(page).waitFor()
      await leaveDialog(page).locator('.taro-model__confirm').click()
      await onScreen(page, '#sign-up-button').filter({ hasText: '我要报名' }).waitFor()

      // the form again: the draft is back
      await onScreen(page, '#sign-up-button').click()
      await onScreen(page, '#draft-restored').waitFor()
      assert.equal(await onScreen(page, 'input#name-input').inputValue(), '林晓')
      assert.equal(await onScreen(page, 'input#phone-input').inputValue(), '13800138000')
      assert.equal(await onScreen(page, '#answer-words textarea').inputValue(), '第一次去沙漠')
      assert.equal(await onScreen(page, '.choice--on').filter({ hasText: '参加过' }).count(), 1)

      // even after a reload (a closed app)
      await page.reload()
      await onScreen(page, '#draft-restored').waitFor({ timeout: 20_000 })
      assert.equal(await onScreen(page, 'input#name-input').inputValue(), '林晓')
    } finally {
      await context.close()
    }
  },
)

test(
  'after a sign-up the next form offers the name and phone; 删除我的数据 forgets them',
  { skip },
  async () => {
    assert.ok(emulator && browser)
    const context = await phoneContext(browser, 'volunteer')
    const page = await context.newPage()
    try {
      // no sign-up on this phone yet: nothing offered
      await openForm(page, emulator, MINQIN)
      assert.equal(await onScreen(page, '#use-saved-profile').count(), 0)
      await onScreen(page, 'input#name-input').fill('林晓')
      await onScreen(page, 'input#phone-input').fill('13800138000')
      await textOnScreen(page, '参加过').click()
      await textOnScreen(page, 'M').click()
      await onScreen(page, '#privacy-consent').click()
      await onScreen(page, '#submit-sign-up').click()
      await onScreen(page, '.success-page__title').filter({ hasText: '报名成功' }).waitFor()
      const stored = await page.evaluate(() => Object.keys(window.localStorage))
      assert.ok(!stored.some((key) => key.includes('draft')), `the sent form's draft is gone: ${stored}`)

      // another call: the chip, and a tap fills name and phone but none of this call's questions
      await openForm(page, emulator, SHELTER)
      const chip = onScreen(page, '#use-saved-profile')
      await chip.filter({ hasText: '使用上次的信息：林晓 138****8000' }).waitFor()
      await textOnScreen(page, '仅保存在这台手机上，可在「我的 → 隐私与数据」中清除').waitFor()
      await keep('sign-up-saved-profile.png', page)
      await chip.click()
      assert.equal(await onScreen(page, 'input#name-input').inputValue(), '林晓')
      assert.equal(await onScreen(page, 'input#phone-input').inputValue(), '13800138000')
      await chip.waitFor({ state: 'detached' })
      assert.equal(await onScreen(page, '.choice--on').count(), 0, 'no answers carried over')
      const saved = await page.evaluate(() => JSON.stringify(window.localStorage))
      assert.doesNotMatch(saved, /参加过|"M"/, 'answers are not kept beyond their own call')

      // leave this form (asked, as it holds input now)
      await page.goBack()
      await leaveDialog(page).waitFor()
      await leaveDialog(page).locator('.taro-model__confirm').click()
      await onScreen(page, '#sign-up-button').waitFor()

      // 删除我的数据 in 隐私与数据: the phone forgets the profile and the drafts too
      await page.goto('about:blank')
      await page.goto(`${emulator.url}/#/packages/volunteer/privacy/index`)
      await onScreen(page, '#privacy-forget-local').waitFor({ timeout: 20_000 })
      await onScreen(page, 'input#privacy-confirm').fill('删除')
      await onScreen(page, '#privacy-delete').click()
      await textOnScreen(page, '你的数据已删除').waitFor()
      await onScreen(page, '#privacy-local-empty').waitFor()
      const left = await page.evaluate(() =>
        Object.keys(window.localStorage).filter((k) => k !== 'jushou.persona'),
      )
      assert.deepEqual(left, [])

      await openForm(page, emulator, SHELTER)
      assert.equal(await onScreen(page, '#use-saved-profile').count(), 0)
      assert.equal(await onScreen(page, 'input#name-input').inputValue(), '')
    } finally {
      await context.close()
    }
  },
)
