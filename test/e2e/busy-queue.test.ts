// A call shared into big group chats: WeChat Cloud refuses calls past the environment's quota (-501004 when every
// instance the quota allows is busy, as the local cloud answers under QUOTA=base). The form then says it is
// queueing, sends the sign-up again after a wait, and lands on 报名成功 with one sign-up. The refusals come from
// the browser's network layer for the first two sends, the body WeChat's cloud (and the local one) answers with.
// Needs `dist/h5` and `dist/cloudfunctions`.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser } from 'playwright-core'
import type { Emulator } from '@emulator/index'
import type { SignUp } from '@core/model'
import { PERSONAS } from '@core/shared/demo-personas'
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
  'while the cloud is busy the form says 正在为你排队, then the sign-up goes through once',
  { skip },
  async () => {
    assert.ok(emulator && browser)
    const context = await phoneContext(browser, 'volunteer')
    const page = await context.newPage()
    let refused = 0
    await page.route('**/functions/api', async (route) => {
      const body = route.request().postDataJSON() as { action?: string }
      if (body.action === 'signUp' && refused < 2) {
        refused++
        await new Promise((done) => setTimeout(done, 300)) // long enough to see the queue text
        return route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({ errCode: -501004, errMsg: 'exceed concurrent request limit' }),
        })
      }
      return route.continue()
    })
    try {
      await page.goto(detailUrl(emulator, MINQIN))
      await onScreen(page, '#sign-up-button').click({ timeout: 20_000 })
      await textOnScreen(page, '隐私说明').waitFor()
      await onScreen(page, 'input#name-input').fill('林晓')
      await onScreen(page, 'input#phone-input').fill('13800138000')
      await textOnScreen(page, '参加过').click()
      await textOnScreen(page, 'M').click()
      await onScreen(page, '#answer-words textarea').fill('第一次去沙漠')
      await onScreen(page, '#privacy-consent').click()
      await onScreen(page, '#submit-sign-up').click()
      await textOnScreen(page, '报名人数较多，正在为你排队…').waitFor()
      await onScreen(page, '.success-page__title')
        .filter({ hasText: '报名成功' })
        .waitFor({ timeout: 30_000 })
      assert.equal(refused, 2)
      const volunteer = PERSONAS.find((p) => p.key === 'volunteer')!.openid
      const rows = emulator.store
        .collection('signups')
        .find({ callId: MINQIN, openid: volunteer }) as unknown as SignUp[]
      assert.equal(rows.length, 1)
      assert.equal(rows[0].status, 'confirmed')
    } finally {
      await context.close()
    }
  },
)
