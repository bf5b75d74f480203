// 删除我的数据 in the H5 build against the local cloud: the demo volunteer finds 隐私与数据 at the bottom of 我的,
// reads what happens, cannot delete before typing 「删除」, deletes, and 我的 shows its empty state; the NGO's roster
// then lists them as 已注销志愿者. An organizer is told why they cannot. Set E2E_SCREENSHOTS=<folder> to keep
// screenshots. Needs `dist/h5` and `dist/cloudfunctions`.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import type { Emulator } from '@emulator/index'
import { PERSONAS } from '@core/shared/demo-personas'
import { ERASED_NAME } from '@core/privacy/privacy'
import type { SignUp } from '@core/model'
import {
  launchChromium,
  onScreen,
  phoneContext,
  startLocalCloud,
  textOnScreen,
  whyNotRunnable,
} from './harness'

const VOLUNTEER = PERSONAS.find((p) => p.key === 'volunteer')?.openid ?? ''
const SCREENSHOTS = process.env.E2E_SCREENSHOTS

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

async function keep(name: string, page: Page): Promise<void> {
  if (!SCREENSHOTS) return
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true })
}

const signUpsOf = (emu: Emulator, openid: string) =>
  emu.store.collection('signups').find({ openid }) as unknown as SignUp[]

test(
  'a volunteer deletes their data from 我的; 我的 is empty after',
  { skip, timeout: 120_000 },
  async () => {
    assert.ok(emulator && browser)
    const emu = emulator
    assert.ok(signUpsOf(emu, VOLUNTEER).length > 0, 'the demo volunteer has sign-ups')
    const page = await (await phoneContext(browser, 'volunteer')).newPage()
    const pageErrors: string[] = []
    page.on('pageerror', (err) => pageErrors.push(err.message))
    try {
      await page.goto(`${emu.url}/#/pages/mine/index`)
      await onScreen(page, '.signup-row').first().waitFor()
      await onScreen(page, '#privacy-entry').click()
      await textOnScreen(page, '删除我的数据').first().waitFor()
      await textOnScreen(page, '此操作不可撤销。').waitFor()
      // not before 「删除」 is typed: the button says it is disabled, and a tap does nothing
      const before = JSON.stringify(signUpsOf(emu, VOLUNTEER))
      assert.equal(await onScreen(page, '#privacy-delete').getAttribute('aria-disabled'), 'true')
      await onScreen(page, '#privacy-delete').click({ force: true })
      await page.waitForTimeout(500)
      assert.equal(JSON.stringify(signUpsOf(emu, VOLUNTEER)), before)
      await onScreen(page, 'input#privacy-confirm').fill('删')
      assert.match((await onScreen(page, '#privacy-delete').getAttribute('class')) ?? '', /--off/)
      await onScreen(page, 'input#privacy-confirm').fill('删除')
      await keep('privacy.png', page)
      await onScreen(page, '#privacy-delete').click()
      await textOnScreen(page, '你的数据已删除').waitFor()
      await textOnScreen(page, '还没有报名任何活动').waitFor({ timeout: 10_000 })
      await keep('privacy-after.png', page)

      const erased = signUpsOf(emu, VOLUNTEER)
      assert.ok(
        erased.length > 0 && erased.every((s) => s.name === ERASED_NAME && s.phone === '' && s.erasedAt),
      )
      assert.deepEqual(pageErrors, [])
    } finally {
      await page.context().close()
    }
  },
)

test('an organizer is told to be removed from their NGO first', { skip, timeout: 60_000 }, async () => {
  assert.ok(emulator && browser)
  const emu = emulator
  const page = await (await phoneContext(browser, 'organizer')).newPage()
  try {
    const before = JSON.stringify(emu.store.collection('signups').all())
    await page.goto(`${emu.url}/#/packages/volunteer/privacy/index`)
    await onScreen(page, 'input#privacy-confirm').fill('删除')
    await onScreen(page, '#privacy-delete').click()
    await onScreen(page, '#privacy-refused')
      .getByText(/请先请机构负责人将你移出/)
      .waitFor()
    await keep('privacy-organizer.png', page)
    assert.equal(JSON.stringify(emu.store.collection('signups').all()), before)
  } finally {
    await page.context().close()
  }
})
