// The sign-up lifecycle in the H5 build, in headless Chromium, against the local WeChat Cloud running the built
// `api` function: the waitlist (join, see the place, be promoted when a seat is given back, with a `promoted`
// message queued), a late drop-out warned about before it happens, and calls that no longer take sign-ups.
// Each test adds its own calls next to the demo data. Needs `dist/h5` and `dist/cloudfunctions`.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser, Page } from 'playwright-core'
import type { Emulator } from '@emulator/index'
import { PERSONAS, type Persona } from '@core/shared/demo-personas'
import { signUpIdFor } from '@core/calls/slots'
import type { Call, SignUp } from '@core/model'
import {
  detailUrl,
  launchChromium,
  onScreen,
  phoneContext,
  startLocalCloud,
  textOnScreen,
  whyNotRunnable,
} from './harness'

const HOUR = 3_600_000
const DAY = 24 * HOUR

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

function openid(key: Persona['key']): string {
  const persona = PERSONAS.find((p) => p.key === key)
  assert.ok(persona)
  return persona.openid
}

/** An open call of 民勤治沙 starting in three days, without questions; `overrides` shape the case. */
function addCall(emu: Emulator, overrides: Partial<Call> & Pick<Call, '_id' | 'title'>): Call {
  const now = Date.now()
  const startAt = now + 3 * DAY
  const call: Call = {
    ngoId: 'rescue-minqin',
    description: '在沙漠边缘压草方格。',
    cover: '',
    tags: ['环保'],
    city: '甘肃·民勤',
    address: '红崖山水库东侧治沙站',
    startAt,
    endAt: startAt + 6 * HOUR,
    signupDeadline: startAt - DAY,
    capacity: 10,
    waitlist: false,
    questions: [],
    status: 'open',
    confirmed: 0,
    waitlisted: 0,
    createdAt: now - DAY,
    updatedAt: now - DAY,
    ...overrides,
  }
  emu.store.collection('calls').insert([call as unknown as Record<string, unknown>])
  return call
}

/** A persona holding a seat on `call` (the call's `confirmed` counter must already count it). */
function addSeat(emu: Emulator, call: Call, who: Persona['key']): void {
  const signUp: SignUp = {
    _id: signUpIdFor(call._id, openid(who)),
    callId: call._id,
    openid: openid(who),
    name: '梅丽',
    phone: '13912345678',
    answers: {},
    status: 'confirmed',
    createdAt: call.createdAt + HOUR,
    updatedAt: call.createdAt + HOUR,
  }
  emu.store.collection('signups').insert([signUp as unknown as Record<string, unknown>])
}

/** Switches the H5 identity through the persona chip, as a person would (the app reloads). */
async function switchPersona(page: Page, label: string): Promise<void> {
  // each page Taro keeps in the DOM has its own chip: they are the same switch, take the newest page's
  await onScreen(page, '#persona-chip').last().click()
  await onScreen(page, '.taro-actionsheet__cell').filter({ hasText: label }).click()
  await textOnScreen(page, `当前身份：${label}`).waitFor()
}

async function confirmDialog(page: Page, expected: string): Promise<void> {
  const dialog = onScreen(page, '.taro-modal__content')
  await dialog.getByText(expected, { exact: false }).waitFor()
  await dialog.locator('.taro-model__confirm').click()
  await dialog.waitFor({ state: 'hidden' })
}

test(
  'a volunteer joins the waitlist of a full call and gets the seat another volunteer gives back',
  { skip, timeout: 120_000 },
  async () => {
    assert.ok(emulator && browser)
    const emu = emulator
    const call = addCall(emu, {
      _id: 'wl-garden',
      title: '社区花园周末翻土（候补测试）',
      capacity: 1,
      confirmed: 1,
      waitlist: true,
    })
    addSeat(emu, call, 'volunteer2')

    const context = await phoneContext(browser, 'volunteer')
    const page = await context.newPage()
    const pageErrors: string[] = []
    page.on('pageerror', (err) => pageErrors.push(String(err)))
    try {
      // 小林 opens the full call: the button offers the waitlist and says how it works
      await page.goto(detailUrl(emu, call._id))
      await textOnScreen(page, '当前身份：志愿者 小林').waitFor({ timeout: 20_000 })
      await onScreen(page, '.detail-page__title').filter({ hasText: call.title }).waitFor()
      await textOnScreen(page, '名额已满，加入候补后有人取消会按顺序自动递补，并通知你').waitFor()
      await onScreen(page, '#sign-up-button').filter({ hasText: '加入候补' }).click()

      // the form says where the sign-up will go
      await textOnScreen(page, '名额已满，提交后将进入候补名单').waitFor()
      await onScreen(page, 'input#name-input').fill('林晓')
      await onScreen(page, 'input#phone-input').fill('13800138000')
      await onScreen(page, '#privacy-consent').click()
      await onScreen(page, '#submit-sign-up').filter({ hasText: '提交并加入候补' }).click()

      // not 「报名成功」: the place in the queue
      await onScreen(page, '.success-page__title').filter({ hasText: '已加入候补，第 1 位' }).waitFor()
      assert.equal(await textOnScreen(page, '报名成功').count(), 0)
      // no seat, no event for a calendar yet; and one green button on the screen: the reminder
      await onScreen(page, '.reminder-card__ask').waitFor()
      assert.equal(await onScreen(page, '.calendar-button').count(), 0)

      // the call's page shows the place and the way out of the queue
      await textOnScreen(page, '返回活动').click()
      const bar = onScreen(page, '.action-bar')
      await bar.getByText('候补第 1 位', { exact: true }).waitFor()
      await onScreen(page, '#cancel-sign-up-button').filter({ hasText: '退出候补' }).waitFor()

      // 我的 too
      await textOnScreen(page, '查看我的报名').click()
      const row = onScreen(page, `#signup-${call._id}`)
      await row.getByText('候补第 1 位', { exact: true }).waitFor()
      await row.getByText('退出候补', { exact: true }).waitFor()

      // 阿梅 gives her seat back (before the cancellation cutoff: the ordinary dialog)
      await switchPersona(page, '志愿者 阿梅')
      await page.goto(detailUrl(emu, call._id))
      await onScreen(page, '.action-bar').getByText('已确认', { exact: true }).waitFor()
      await onScreen(page, '#cancel-sign-up-button').filter({ hasText: '取消报名' }).click()
      await confirmDialog(page, `确定取消「${call.title}」的报名吗？名额会让给其他志愿者。`)
      // her seat went straight to 小林, so the call is full again and she could only queue
      await onScreen(page, '.action-bar').getByText('已取消', { exact: true }).waitFor()
      await onScreen(page, '#sign-up-button').filter({ hasText: '加入候补' }).waitFor()

      // 小林 has the seat, and the page says how it came
      await switchPersona(page, '志愿者 小林')
      await page.goto(detailUrl(emu, call._id))
      await onScreen(page, '.action-bar').getByText('已确认', { exact: true }).waitFor()
      await textOnScreen(page, '由候补递补').waitFor()
      await onScreen(page, '#cancel-sign-up-button').filter({ hasText: '取消报名' }).waitFor()
      await textOnScreen(page, '查看我的报名').click()
      await onScreen(page, `#signup-${call._id}`).getByText('已确认', { exact: true }).waitFor()

      // the database agrees, and 小林 has one `promoted` message waiting to be sent
      const xlin = emu.store.collection('signups').get(signUpIdFor(call._id, openid('volunteer')))
      assert.equal(xlin?.status, 'confirmed')
      const promoted = emu.store.collection('messages').find({ kind: 'promoted', callId: call._id })
      assert.equal(promoted.length, 1)
      assert.equal(promoted[0]?.openid, openid('volunteer'))
      assert.deepEqual(pageErrors, [])
    } finally {
      await context.close()
    }
  },
)

test(
  'giving a seat back after the cancellation cutoff is warned about first and shows as a late drop-out',
  { skip, timeout: 60_000 },
  async () => {
    assert.ok(emulator && browser)
    const emu = emulator
    const startAt = Date.now() + 5 * HOUR
    const call = addCall(emu, {
      _id: 'wl-late',
      title: '周六清晨护鸟巡护（临时退出测试）',
      startAt,
      endAt: startAt + 3 * HOUR,
      signupDeadline: startAt - HOUR,
      // six hours' notice wanted, five left
      cancelCutoff: startAt - 6 * HOUR,
      confirmed: 1,
    })
    addSeat(emu, call, 'volunteer2')

    const context = await phoneContext(browser, 'volunteer2')
    const page = await context.newPage()
    try {
      await page.goto(detailUrl(emu, call._id))
      await textOnScreen(page, '当前身份：志愿者 阿梅').waitFor({ timeout: 20_000 })
      await textOnScreen(page, '活动开始前 6 小时内取消，记为临时退出').waitFor()
      await onScreen(page, '#cancel-sign-up-button').filter({ hasText: '取消报名' }).click()
      await confirmDialog(page, '距活动开始已不足 6 小时，现在取消将记为临时退出，组织者会看到。确定取消吗？')
      await onScreen(page, '.action-bar').getByText('已取消（临时退出）', { exact: true }).waitFor()

      const amei = emu.store.collection('signups').get(signUpIdFor(call._id, openid('volunteer2')))
      assert.equal(amei?.status, 'cancelled')
      assert.equal(amei?.lateDropOut, true)
    } finally {
      await context.close()
    }
  },
)

test(
  'a cancelled call, a closed call and a call past its deadline say so and take no sign-up',
  { skip, timeout: 60_000 },
  async () => {
    assert.ok(emulator && browser)
    const emu = emulator
    const now = Date.now()
    const cases = [
      {
        call: addCall(emu, { _id: 'wl-cancelled', title: '河道清淤（已取消）', status: 'cancelled' }),
        banner: '活动已取消',
        button: '活动已取消',
      },
      {
        call: addCall(emu, { _id: 'wl-closed', title: '旧衣分拣（已结束报名）', status: 'closed' }),
        banner: '报名已结束',
        button: '报名已结束',
      },
      {
        call: addCall(emu, { _id: 'wl-deadline', title: '图书角整理（已截止）', signupDeadline: now - HOUR }),
        banner: undefined,
        button: '报名已截止',
      },
    ]

    const context = await phoneContext(browser, 'volunteer')
    const page = await context.newPage()
    try {
      for (const { call, banner, button } of cases) {
        await page.goto(detailUrl(emu, call._id))
        await onScreen(page, '.detail-page__title')
          .filter({ hasText: call.title })
          .waitFor({ timeout: 20_000 })
        const shown = onScreen(page, '#call-status-banner')
        if (banner) await shown.getByText(banner, { exact: true }).waitFor()
        else assert.equal(await shown.count(), 0, `${call._id} has no banner`)
        await textOnScreen(page, '报名截止').waitFor()
        const signUpButton = onScreen(page, '#sign-up-button')
        await signUpButton.filter({ hasText: button }).waitFor()
        // Taro's H5 button is a custom element: `disabled` is its attribute, not a form control's state
        assert.notEqual(
          await signUpButton.getAttribute('disabled'),
          null,
          `${call._id}: the button is disabled`,
        )
      }
    } finally {
      await context.close()
    }
  },
)

test(
  'a volunteer holding a seat on a call the organizer cancelled sees it called off, with nothing to cancel',
  { skip, timeout: 60_000 },
  async () => {
    assert.ok(emulator && browser)
    const emu = emulator
    const call = addCall(emu, {
      _id: 'wl-called-off',
      title: '湿地观鸟（组织者已取消）',
      status: 'cancelled',
      confirmed: 1,
    })
    addSeat(emu, call, 'volunteer2')

    const context = await phoneContext(browser, 'volunteer2')
    const page = await context.newPage()
    try {
      await page.goto(detailUrl(emu, call._id))
      await onScreen(page, '#call-status-banner')
        .getByText('活动已取消', { exact: true })
        .waitFor({ timeout: 20_000 })
      await onScreen(page, '.action-bar').getByText('已确认', { exact: true }).waitFor()
      assert.equal(await onScreen(page, '#cancel-sign-up-button').count(), 0)

      await textOnScreen(page, '查看我的报名').click()
      const row = onScreen(page, `#signup-${call._id}`)
      await row.getByText('活动已取消', { exact: true }).waitFor()
      assert.equal(await row.getByText('取消报名', { exact: true }).count(), 0)
    } finally {
      await context.close()
    }
  },
)
