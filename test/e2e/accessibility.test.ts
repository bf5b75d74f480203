// axe-core on the volunteer's pages in the H5 build: the call list, a call, the sign-up form (also with its
// messages showing), the success page and 我的 have no serious or critical violations (contrast, names of
// images and controls, ARIA); and on the organizer's: the console, the call editor (new, published, draft), the
// roster, the check-in screen and the hours page, whose buttons a keyboard reaches and presses. Also: the cards and chips are buttons a keyboard reaches, the viewport lets people
// zoom, and no emoji is left on these pages (Debian's Chromium and many phones draw them as boxes).
// Set E2E_SCREENSHOTS=<folder> to keep screenshots. Needs `dist/h5` and `dist/cloudfunctions`.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import type { Emulator } from '@emulator/index'
import { axeViolations, describeViolations } from './axe'
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
const SCREENSHOTS = process.env.E2E_SCREENSHOTS
/** emoji and the pictographs used as icons before (not CJK punctuation) */
const EMOJI = /[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}\u{2B00}-\u{2BFF}]/u

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

async function assertAccessible(page: Page, where: string): Promise<void> {
  // let transitions and lazy images settle: axe reads computed colours
  await page.waitForTimeout(400)
  const violations = await axeViolations(page)
  assert.deepEqual(
    violations.map((v) => v.id),
    [],
    `${where}: serious or critical axe violations:\n${describeViolations(violations)}`,
  )
  const visibleText = await page.evaluate(() => document.body.innerText)
  const emoji = visibleText.match(EMOJI)
  assert.equal(emoji, null, `${where}: an emoji is drawn as text (${emoji?.[0]})`)
}

test(
  'the volunteer pages have no serious or critical axe violations',
  { skip, timeout: 180_000 },
  async () => {
    assert.ok(emulator && browser)
    const context = await phoneContext(browser, 'volunteer')
    const page = await context.newPage()
    const pageErrors: string[] = []
    page.on('pageerror', (err) => pageErrors.push(String(err)))
    try {
      await page.goto(emulator.url + '/')
      await onScreen(page, '.call-card').first().waitFor({ timeout: 20_000 })
      await assertAccessible(page, 'the call list')
      await keep('a11y-calls.png', page)

      await page.goto(detailUrl(emulator, MINQIN))
      await onScreen(page, '#sign-up-button').waitFor({ timeout: 20_000 })
      await assertAccessible(page, 'the call detail')
      await keep('a11y-detail.png', page)

      await onScreen(page, '#sign-up-button').click()
      await textOnScreen(page, '隐私说明').waitFor()
      await assertAccessible(page, 'the sign-up form')
      await keep('a11y-sign-up.png', page)
      await onScreen(page, '#submit-sign-up').click()
      await textOnScreen(page, '请填写姓名').waitFor()
      await assertAccessible(page, 'the sign-up form with its messages')

      await onScreen(page, 'input#name-input').fill('林晓')
      await onScreen(page, 'input#phone-input').fill('13800138000')
      await textOnScreen(page, '参加过').click()
      await textOnScreen(page, 'M').click()
      await onScreen(page, '#privacy-consent').click()
      await onScreen(page, '#submit-sign-up').click()
      await onScreen(page, '.success-page__title').filter({ hasText: '报名成功' }).waitFor()
      await assertAccessible(page, 'the success page')
      await keep('a11y-success.png', page)

      await textOnScreen(page, '查看我的报名').click()
      await onScreen(page, '#signup-mq-trees').waitFor()
      await assertAccessible(page, '我的')
      await keep('a11y-mine.png', page)
      assert.deepEqual(pageErrors, [])
    } finally {
      await context.close()
    }
  },
)

test(
  "the organizer's pages have no serious or critical axe violations",
  { skip, timeout: 180_000 },
  async () => {
    assert.ok(emulator && browser)
    const context = await phoneContext(browser, 'organizer')
    const page = await context.newPage()
    const pageErrors: string[] = []
    page.on('pageerror', (err) => pageErrors.push(String(err)))
    const open = (path: string) => page.goto(`${emulator?.url}/#/packages/ngo/${path}`)
    try {
      await open('dashboard/index')
      await textOnScreen(page, '发布新活动').waitFor({ timeout: 20_000 })
      await assertAccessible(page, 'the NGO console')
      await keep('a11y-ngo-dashboard.png', page)
      // Taro's buttons are buttons to a keyboard: 发布新活动 is reached and pressed with Enter
      const publish = page.getByRole('button', { name: '发布新活动' })
      assert.equal(await publish.getAttribute('tabindex'), '0')
      await publish.focus()
      await page.keyboard.press('Enter')
      await onScreen(page, 'input#call-title').waitFor({ timeout: 20_000 })
      await assertAccessible(page, 'a new call in the editor')

      await open(`call-editor/index?id=${MINQIN}`)
      await onScreen(page, 'input#call-title').waitFor({ timeout: 20_000 })
      await assertAccessible(page, 'the call editor')
      await keep('a11y-ngo-call-editor.png', page)
      // a draft: everything editable, the sign-up questions too
      await open('call-editor/index?id=mq-autumn-draft')
      await textOnScreen(page, '发布').waitFor({ timeout: 20_000 })
      await assertAccessible(page, 'the call editor on a draft')
      // every chip of the editor is a named control a keyboard reaches: dates and times, modes, reminders, questions
      const chips = onScreen(page, '.chip, .plan-chip')
      const count = await chips.count()
      assert.ok(count >= 8, `${count} chips`)
      for (let i = 0; i < count; i++) {
        const chip = chips.nth(i)
        const words = await chip.innerText()
        assert.ok(await chip.getAttribute('role'), `「${words}」 has a role`)
        assert.ok(await chip.getAttribute('aria-label'), `「${words}」 has a name`)
        assert.equal(await chip.getAttribute('tabindex'), '0', `「${words}」 is reached by Tab`)
      }
      const required = page.getByRole('checkbox', { name: '问题 1 必填' })
      const wasRequired = await required.getAttribute('aria-checked')
      await required.focus()
      await page.keyboard.press(' ')
      assert.notEqual(await required.getAttribute('aria-checked'), wasRequired, 'Space ticks it')

      await open(`roster/index?id=${MINQIN}`)
      await textOnScreen(page, '通知报名者').waitFor({ timeout: 20_000 })
      await assertAccessible(page, 'the roster')
      await keep('a11y-ngo-roster.png', page)

      // the sorting day is on now: people have checked in
      await open('checkin/index?callId=mq-town-sorting')
      await onScreen(page, '#checkin-qr').waitFor({ timeout: 20_000 })
      await assertAccessible(page, 'the check-in screen')
      await keep('a11y-ngo-checkin.png', page)

      // the spring sand-fixing is over: hours await confirmation
      await open('hours/index?callId=mq-spring-sand')
      await onScreen(page, '#confirm-all-hours').waitFor({ timeout: 20_000 })
      await assertAccessible(page, 'the hours page')
      await keep('a11y-ngo-hours.png', page)
      // a button that cannot be used says so and is skipped by Tab
      const confirmChosen = page.getByRole('button', { name: '确认所选' })
      assert.equal(await confirmChosen.getAttribute('aria-disabled'), 'true')
      assert.equal(await confirmChosen.getAttribute('tabindex'), '-1')
      // choosing someone's hours is a tick box a keyboard can tick
      const tick = page.getByRole('checkbox', { name: '选择梅丽' })
      assert.equal(await tick.getAttribute('aria-checked'), 'false')
      await tick.focus()
      await page.keyboard.press(' ')
      assert.equal(await tick.getAttribute('aria-checked'), 'true')
      await page.getByRole('button', { name: '确认所选 1 人', exact: true }).waitFor()
      await assertAccessible(page, 'the hours page with someone chosen')

      // the NGO directory (公益地图): filters and NGOs are buttons, no emoji
      await open('directory/index')
      await onScreen(page, '.directory-item').first().waitFor({ timeout: 20_000 })
      await assertAccessible(page, 'the NGO directory')
      await page.getByRole('button', { name: '助学', exact: true }).press('Enter')
      await onScreen(page, '.chip--on').filter({ hasText: '助学' }).waitFor()
      await assertAccessible(page, 'the NGO directory filtered')
      assert.deepEqual(pageErrors, [])
    } finally {
      await context.close()
    }
  },
)

test("the platform admin's review queue has no serious or critical axe violations", { skip }, async () => {
  assert.ok(emulator && browser)
  const context = await phoneContext(browser, 'admin')
  const page = await context.newPage()
  try {
    await page.goto(`${emulator.url}/#/packages/ngo/admin/index`)
    await onScreen(page, '.console-card, .empty-state').first().waitFor({ timeout: 20_000 })
    await assertAccessible(page, 'the review queue')
  } finally {
    await context.close()
  }
})

test(
  'cards and filter chips are named buttons a keyboard reaches; the page can be zoomed',
  { skip },
  async () => {
    assert.ok(emulator && browser)
    const context = await phoneContext(browser, 'volunteer')
    const page = await context.newPage()
    try {
      await page.goto(emulator.url + '/')
      await onScreen(page, '.call-card').first().waitFor({ timeout: 20_000 })
      const viewport = await page.locator('meta[name="viewport"]').getAttribute('content')
      assert.doesNotMatch(viewport ?? '', /user-scalable\s*=\s*no|maximum-scale\s*=\s*1(\.0)?\b/)

      // a card is one button, named by what it says
      const card = page.getByRole('button', { name: /民勤梭梭林植树志愿者招募/ })
      await card.waitFor()
      assert.equal(await card.getAttribute('tabindex'), '0')
      // chips say whether they are chosen; Enter chooses one
      const chip = page.getByRole('button', { name: '北京', exact: true })
      assert.equal(await chip.getAttribute('aria-pressed'), 'false')
      await chip.focus()
      await page.keyboard.press('Enter')
      await onScreen(page, '.chip--active').filter({ hasText: '北京' }).waitFor()
      assert.equal(await chip.getAttribute('aria-pressed'), 'true')
      // the chip rows scroll sideways: a keyboard can reach them
      const rows = page.getByRole('region', { name: /按(城市|标签)筛选/ })
      assert.equal(await rows.count(), 2)

      // and a card opens its call from the keyboard
      await page.getByRole('button', { name: '全部', exact: true }).first().press('Enter')
      await page.getByRole('button', { name: /民勤梭梭林植树志愿者招募/ }).focus()
      await page.keyboard.press('Enter')
      await onScreen(page, '.detail-page__title').filter({ hasText: '民勤梭梭林植树志愿者招募' }).waitFor()
    } finally {
      await context.close()
    }
  },
)

test(
  'the title bar names the page and offers 返回 on sub-pages (回到首页 when opened from a link)',
  { skip },
  async () => {
    assert.ok(emulator && browser)
    const context = await phoneContext(browser, 'volunteer')
    const page = await context.newPage()
    const control = (name: string) => page.getByRole('button', { name, exact: true })
    try {
      // a tab page: the title, no control
      await page.goto(emulator.url + '/')
      await onScreen(page, '.call-card').first().waitFor({ timeout: 20_000 })
      await page.getByRole('heading', { name: '志愿活动', level: 1 }).waitFor()
      assert.equal(await control('返回').count(), 0)
      assert.equal(await control('回到首页').count(), 0)

      // a call opened from the list: 返回, reached and pressed from the keyboard, goes back to the list
      await page.getByRole('button', { name: /民勤梭梭林植树志愿者招募/ }).press('Enter')
      await onScreen(page, '.detail-page__title').waitFor({ timeout: 20_000 })
      // the page has loaded (its action bar drawn), as a person sees it before going back
      await onScreen(page, '.action-bar__primary').first().waitFor()
      await page.getByRole('heading', { name: '民勤梭梭林植树志愿者招募', level: 1 }).waitFor()
      assert.equal(await control('返回').getAttribute('tabindex'), '0')
      await control('返回').press('Enter')
      await onScreen(page, '.call-card').first().waitFor()
      await page.getByRole('heading', { name: '志愿活动', level: 1 }).waitFor()

      // a call opened from a shared link has nothing to go back to: 回到首页 leads to the list. A link opens a
      // new page, not a hash change in this one (where Taro's router briefly shows the page it popped)
      await page.goto('about:blank')
      await page.goto(detailUrl(emulator, MINQIN))
      await onScreen(page, '.detail-page__title').waitFor({ timeout: 20_000 })
      assert.equal(await control('返回').count(), 0)
      await control('回到首页').click()
      await onScreen(page, '.call-card').first().waitFor({ timeout: 20_000 })
    } finally {
      await context.close()
    }
  },
)
