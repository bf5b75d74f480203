// 通知报名者 end to end in the H5 build: the organizer writes to the tree planting's volunteers from the roster
// (a confirm that says how many, a toast that says how many get a WeChat message), the volunteer finds it under
// 组织者通知 on the call's page, and after the `remind` timer the local cloud's outbox page shows the WeChat
// message (活动变更/取消通知) for the volunteer who allowed it. Needs `dist/h5` and `dist/cloudfunctions`.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser } from 'playwright-core'
import type { Emulator } from '@emulator/index'
import { PERSONAS } from '@core/shared/demo-personas'
import { DEFAULT_TEMPLATES } from '@core/messages/templates'
import type { SignUp } from '@core/model'
import { detailUrl, launchChromium, onScreen, phoneContext, startLocalCloud, whyNotRunnable } from './harness'

const CALL_ID = 'mq-trees'
const AMEI = PERSONAS.find((p) => p.key === 'volunteer2')?.openid ?? ''
const CHANGED = DEFAULT_TEMPLATES.changed.id
const TEXT = '明早八点在西渠镇政府西门集合，风大，请带好手套、水壶和防晒帽。'
const SCREENSHOTS = process.env.SCREENSHOT_DIR

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
  'the organizer notifies the sign-ups; the volunteer reads it on the call and gets it in WeChat',
  { skip, timeout: 120_000 },
  async () => {
    assert.ok(emulator && browser)
    const emu = emulator
    // 阿梅 allowed one 活动变更/取消通知 for her sign-up (as the subscribe sheet after signing up records it)
    const signups = emu.store.collection('signups')
    signups.update({ _id: `${CALL_ID}_${AMEI}` }, { $set: { subscriptions: { [CHANGED]: 1 } } }, false)
    emu.openapi.subscribe(AMEI, CHANGED)
    const seated = (signups.find({ callId: CALL_ID }) as unknown as SignUp[]).filter(
      (s) => !s.walkIn && (s.status === 'confirmed' || s.status === 'attended'),
    ).length
    assert.ok(seated > 0)

    const organizerContext = await phoneContext(browser, 'organizer')
    const volunteerContext = await phoneContext(browser, 'volunteer2')
    const pageErrors: string[] = []
    try {
      const organizer = await organizerContext.newPage()
      organizer.on('pageerror', (err) => pageErrors.push(String(err)))
      await organizer.goto(`${emu.url}/#/packages/ngo/roster/index?id=${CALL_ID}`)
      const card = onScreen(organizer, '#notify-card')
      await card.waitFor()
      await card.locator('#notice-text textarea').fill(TEXT)
      await card.getByText(`${Array.from(TEXT).length}/200`).waitFor()
      // the WeChat message keeps 20 characters: the organizer sees where the cut falls before sending
      await onScreen(organizer, '#notice-wechat-preview')
        .getByText(`${Array.from(TEXT).slice(0, 19).join('')}…`, { exact: true })
        .waitFor()
      await card.getByText('已报名', { exact: true }).click()
      await card.locator('#notice-send').click()
      const dialog = onScreen(organizer, '.taro-modal__content')
      await dialog.getByText(`将通知 ${seated} 位志愿者`, { exact: false }).waitFor()
      if (SCREENSHOTS) await organizer.screenshot({ path: `${SCREENSHOTS}/notice-confirm.png` })
      await onScreen(organizer, '.taro-modal__confirm, .taro-model__confirm').click()
      await organizer.getByText(`已通知 ${seated} 人，其中 1 人会收到微信消息`).waitFor()
      await card.locator('.notice-item').filter({ hasText: TEXT }).waitFor()
      await card.getByText('今天还可发送 4 条', { exact: false }).waitFor()
      if (SCREENSHOTS) {
        await card.scrollIntoViewIfNeeded()
        await organizer.screenshot({ path: `${SCREENSHOTS}/notice-roster.png` })
      }

      const volunteer = await volunteerContext.newPage()
      volunteer.on('pageerror', (err) => pageErrors.push(String(err)))
      await volunteer.goto(detailUrl(emu, CALL_ID))
      const notices = onScreen(volunteer, '#organizer-notices')
      await notices.getByText('组织者通知').waitFor()
      await notices.getByText(TEXT).waitFor()
      if (SCREENSHOTS) {
        await notices.scrollIntoViewIfNeeded()
        await volunteer.screenshot({ path: `${SCREENSHOTS}/notice-detail.png` })
      }

      // someone not signed up (小林) sees no notices, and the page does not even ask for them
      const strangerContext = await phoneContext(browser, 'volunteer')
      try {
        const stranger = await strangerContext.newPage()
        const asked: string[] = []
        stranger.on('request', (r) => {
          if ((r.postData() ?? '').includes('callNotices')) asked.push(r.url())
        })
        await stranger.goto(detailUrl(emu, CALL_ID))
        await onScreen(stranger, '#sign-up-button').waitFor()
        assert.equal(await stranger.locator('#organizer-notices').count(), 0)
        assert.deepEqual(asked, [])
      } finally {
        await strangerContext.close()
      }

      assert.equal((await fetch(`${emu.url}/_emulator/timers/remind`, { method: 'POST' })).status, 200)
      await volunteer.goto(`${emu.url}/_emulator/outbox.html`)
      const message = volunteer.locator('.msg', { hasText: '活动变更/取消通知' }).filter({ hasText: AMEI })
      assert.equal(await message.count(), 1, 'one WeChat message for the volunteer who allowed it')
      const text = await message.innerText()
      assert.match(text, /活动名称\s*民勤梭梭林植树志愿者招募/)
      assert.match(text, /温馨提示\s*明早八点在西渠镇政府西门集合，风大，请…/)
      assert.equal(emu.openapi.outbox({ templateId: CHANGED }).length, 1, 'no one else: no acceptance')
      assert.deepEqual(pageErrors, [])
    } finally {
      await organizerContext.close()
      await volunteerContext.close()
    }
  },
)
