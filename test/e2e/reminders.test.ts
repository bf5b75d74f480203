// Reminders end to end in the H5 build: sign up → allow reminders in the subscribe sheet → the local cloud's clock
// moves to a day before the start → the `remind` timer fires → the outbox page shows 活动开始提醒 as a phone
// would, with the call's title, time and place. Needs `dist/h5` and `dist/cloudfunctions`.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser } from 'playwright-core'
import type { Emulator } from '@emulator/index'
import { formatChinaTime } from '@core/shared/china-time'
import type { Call } from '@core/model'
import {
  detailUrl,
  launchChromium,
  onScreen,
  phoneContext,
  startLocalCloud,
  textOnScreen,
  whyNotRunnable,
} from './harness'

const CALL_ID = 'mq-trees'
const DAY = 24 * 3_600_000

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
  'sign up, allow reminders, a day before the start the phone shows 活动开始提醒',
  { skip, timeout: 120_000 },
  async () => {
    assert.ok(emulator && browser)
    const context = await phoneContext(browser)
    const page = await context.newPage()
    const pageErrors: string[] = []
    page.on('pageerror', (err) => pageErrors.push(String(err)))
    try {
      await page.goto(detailUrl(emulator, CALL_ID))
      await onScreen(page, '#sign-up-button').filter({ hasText: '我要报名' }).click()
      await onScreen(page, 'input#name-input').fill('林晓')
      await onScreen(page, 'input#phone-input').fill('13800138000')
      await textOnScreen(page, '参加过').click()
      await textOnScreen(page, 'M').click()
      await onScreen(page, '#privacy-consent').click()
      await onScreen(page, '#submit-sign-up').click()
      await onScreen(page, '.success-page__title').filter({ hasText: '报名成功' }).waitFor()

      // the tap opens the subscribe sheet; 允许 registers the acceptances with the local cloud
      await onScreen(page, '.reminder-card__ask').click()
      const sheet = page.locator('.subscribe-sheet')
      await sheet.getByText('活动开始提醒', { exact: true }).waitFor()
      await sheet.getByText('允许', { exact: true }).click()
      await textOnScreen(page, '活动开始前，微信会提醒你一次').waitFor()
      await onScreen(page, '.calendar-button').filter({ hasText: '添加到手机日历' }).waitFor()
      // coming back to the page later: the reminder is said to be on, not asked for again
      await page.reload()
      await textOnScreen(page, '活动开始前，微信会提醒你一次').waitFor()
      assert.equal(await page.locator('.reminder-card__ask').filter({ visible: true }).count(), 0)

      const call = emulator.store.collection('calls').get(CALL_ID) as unknown as Call
      const fire = () => fetch(`${emulator?.url}/_emulator/timers/remind`, { method: 'POST' })
      // Not yet: two days before the start, nothing is sent.
      emulator.clock.set({ at: call.startAt - 2 * DAY })
      assert.equal((await fire()).status, 200)
      assert.equal(emulator.openapi.outbox({ touser: 'oJUSHOU_demo_volunteer_xlin0' }).length, 0)

      emulator.clock.set({ at: call.startAt - DAY + 60_000 })
      assert.equal((await fire()).status, 200)
      await page.goto(`${emulator.url}/_emulator/outbox.html`)
      const message = page
        .locator('.msg', { hasText: '活动开始提醒' })
        .filter({ hasText: 'oJUSHOU_demo_volunteer_xlin0' })
      assert.equal(await message.count(), 1, 'one reminder for our volunteer')
      const text = await message.innerText()
      assert.match(text, /活动名称\s*民勤梭梭林植树志愿者招募/)
      assert.match(text, new RegExp(`活动时间\\s*${formatChinaTime(call.startAt)}`))
      assert.match(text, /活动地点\s*\S*民勤/)
      assert.deepEqual(pageErrors, [])
    } finally {
      await context.close()
    }
  },
)
