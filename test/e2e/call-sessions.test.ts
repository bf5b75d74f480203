// An organizer's calls of several sessions and roles in the H5 build, in headless Chromium, against the local
// WeChat Cloud: three batches of tree planting × two roles (植树 / 后勤) posted through the editor (the form
// refuses a nameless role with the server's own message, before anything is sent), a weekly elder visit made by a
// rule (every Saturday 09:00–11:30, 8 times) whose preview lists the Saturdays that publishing then stores, and the
// published call's sessions managed from the editor: a session added, one slot's places raised. axe finds no
// serious or critical violation on the editor with sessions and roles. E2E_SCREENSHOTS=<folder> keeps pictures.
// Needs `dist/h5` and `dist/cloudfunctions`.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import type { Emulator } from '@emulator/index'
import type { CallDetail } from '@core/calls/contract'
import type { Call } from '@core/model'
import { sessionsFromRule } from '@core/calls/repeat'
import { sessionLabel } from '@core/calls/session-text'
import { chinaDayStart, chinaWeekday, DAY_MS } from '@core/shared/china-time'
import { PERSONAS } from '@core/shared/demo-personas'
import { axeViolations } from './axe'
import {
  launchChromium,
  onScreen,
  phoneContext,
  startLocalCloud,
  textOnScreen,
  whyNotRunnable,
} from './harness'

const SCREENSHOTS = process.env.E2E_SCREENSHOTS
const ORGANIZER = PERSONAS.find((p) => p.key === 'organizer')!.openid
const VOLUNTEER = PERSONAS.find((p) => p.key === 'volunteer')!.openid
const skip = whyNotRunnable()
let emulator: Emulator | undefined
let browser: Browser | undefined

before(async () => {
  if (skip) return
  emulator = await startLocalCloud()
  browser = await launchChromium()
  if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true })
})

after(async () => {
  await browser?.close()
  await emulator?.stop()
})

/** a picture of one part of the page (the page scrolls inside Taro's container: a full-page shot would not) */
async function shoot(part: Locator, name: string): Promise<void> {
  if (SCREENSHOTS) await part.screenshot({ path: join(SCREENSHOTS, `${name}.png`) })
}

/**
 * Sets a Taro H5 picker (date 'YYYY-MM-DD' or time 'HH:mm'): opens it from its chip, scrolls each column to the
 * value as a finger would (a column is a scroller of rows; the row at rest in the middle is chosen), then 确定.
 */
async function pick(page: Page, chip: Locator, value: string): Promise<void> {
  await chip.click()
  const overlay = page.locator('.taro-picker__overlay')
  await overlay.locator('.taro-picker__action').first().waitFor()
  const parts = value.split(/[-:]/).map(Number)
  const columns = overlay.locator('.taro-picker__content')
  for (let column = 0; column < parts.length; column++) {
    const want = parts[column]
    await columns.nth(column).evaluate(async (scroller, wanted) => {
      const rows = Array.from(scroller.children)
      const items = rows.filter((row) => !row.classList.contains('taro-picker__item--blank'))
      const index = items.findIndex((row) => Number(row.textContent?.replace(/[^0-9]/g, '')) === wanted)
      if (index < 0) throw new Error(`no ${wanted} in the picker column`)
      // the picker's own measure of a row: the scroller's height over its rows
      const row = scroller.scrollHeight / rows.length
      // a column just opened scrolls itself to its value a moment later: let it, or it would undo this scroll
      for (let frame = 0; frame < 120; frame++) {
        const shown = items.findIndex((item) => item.classList.contains('taro-picker__item--selected'))
        if (shown >= 0 && Math.abs(scroller.scrollTop - shown * row) < 1) break
        await new Promise((done) => requestAnimationFrame(done))
      }
      const top = Math.round(index * row)
      if (Math.abs(scroller.scrollTop - top) < 1) return
      // The column takes its row 150 ms after the last scroll, then 100 ms later: wait on two timers that come due
      // after each of those (timers run in the order they fall due, however busy the page). (No named functions in
      // here: the test's compiler would wrap them in a helper the page lacks.)
      await new Promise((done) => {
        scroller.addEventListener('scroll', () => setTimeout(() => setTimeout(done, 150), 200), {
          once: true,
        })
        scroller.scrollTop = top
      })
    }, want)
    await columns
      .nth(column)
      .locator('.taro-picker__item--selected')
      .filter({ hasText: new RegExp(`^0?${want}\\D*$`) })
      .waitFor()
  }
  await overlay.locator('.taro-picker__action').getByText('确定', { exact: true }).click()
  await overlay.waitFor({ state: 'detached' })
}

/** Opens a page afresh (a hash change alone may leave Taro's router on the page it had). */
async function open(page: Page, path: string): Promise<void> {
  assert.ok(emulator)
  await page.goto('about:blank')
  await page.goto(`${emulator.url}/#${path}`)
}

async function api<T>(action: string, body: Record<string, unknown>, openid = ORGANIZER): Promise<T> {
  assert.ok(emulator)
  const result = await emulator.functions.invoke('api', { action, ...body }, { openid, source: 'wx_client' })
  assert.ok(result.ok, 'the function answered')
  const reply = JSON.parse(result.json) as { ok: boolean; data: T; message?: string }
  assert.ok(reply.ok, reply.message)
  return reply.data
}

function callTitled(title: string): Call {
  const found = emulator?.store.collection('calls').find({ title }) as unknown as Call[]
  assert.equal(found.length, 1, `one call 「${title}」`)
  return found[0]
}

async function newCall(page: Page, title: string): Promise<void> {
  await open(page, '/packages/ngo/dashboard/index')
  await textOnScreen(page, '发布新活动').click()
  await onScreen(page, 'input#call-title').fill(title)
  await onScreen(page, '#call-description textarea').fill('分批上山，每批三小时，自带水和手套。')
  await onScreen(page, 'input#call-city').fill('甘肃·民勤')
  await onScreen(page, 'input#call-address').fill('民勤县薛百镇治沙站')
}

/** 发布, then 看名单 in the dialog that offers sharing */
async function publish(page: Page): Promise<void> {
  await textOnScreen(page, '发布').click()
  await page.getByText('转发越多报名越快', { exact: false }).filter({ visible: true }).waitFor()
  await onScreen(page, '.taro-modal__cancel, .taro-model__cancel').click()
}

const TREES = '梭梭林春季植树 · 三批'
const VISITS = '每周六探访独居老人'

test('three batches × 植树 / 后勤 through the editor: 6 slots with their places', { skip }, async () => {
  assert.ok(emulator && browser)
  const emu = emulator
  const page = await (await phoneContext(browser, 'organizer')).newPage()
  await newCall(page, TREES)

  // 多个场次: the call's session and the same a week later; the second copied to the week after
  await onScreen(page, '#call-mode-list').click()
  const items = onScreen(page, '.session-list-editor__item')
  assert.equal(await items.count(), 2)
  await items.nth(1).getByText('复制到下周', { exact: true }).click()
  assert.equal(await items.count(), 3)
  const starts = await items.locator('.plan-item__meta').allTextContents()
  assert.equal(new Set(starts).size, 3, 'three different days')

  // two roles; the second still nameless: the server's validator, run in the page, names it and nothing is sent
  await textOnScreen(page, '添加岗位').click()
  await textOnScreen(page, '添加岗位').click()
  const roles = onScreen(page, '.role-editor__item')
  await roles.nth(0).locator('input.role-editor__name').fill('植树')
  await roles.nth(0).locator('input.role-editor__description').fill('挖坑、扶苗、浇水')
  await roles.nth(0).locator('input.role-editor__places').fill('10')
  await roles.nth(1).locator('input.role-editor__places').fill('3')
  await textOnScreen(page, '保存草稿').click()
  await roles.nth(1).getByText('岗位名称应为 1 到 10 个字').waitFor()
  assert.equal(emu.store.collection('calls').find({ title: TREES }).length, 0, 'nothing stored')
  await roles.nth(1).locator('input.role-editor__name').fill('后勤')
  await roles.nth(1).getByText('岗位名称应为 1 到 10 个字').waitFor({ state: 'detached' })
  await textOnScreen(page, '每场共 13 个名额（各岗位之和）').waitFor()
  assert.equal(await onScreen(page, '#call-capacity').count(), 0, 'places are the roles’ own')

  const violations = await axeViolations(page)
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2))
  await shoot(onScreen(page, '#call-sessions'), 'editor-sessions')
  await shoot(onScreen(page, '.console-card').filter({ has: page.locator('.role-editor') }), 'editor-roles')

  await publish(page)
  const stored = callTitled(TREES)
  assert.equal(stored.status, 'open')
  assert.equal(stored.sessions?.length, 3)
  assert.deepEqual(
    stored.roles?.map((r) => [r.name, r.capacity]),
    [
      ['植树', 10],
      ['后勤', 3],
    ],
  )
  const detail = await api<CallDetail>('getCall', { callId: stored._id })
  assert.deepEqual(
    detail.slots.map((s) => [s.key, s.capacity, s.spotsLeft]),
    ['s1', 's2', 's3'].flatMap((s) => [
      [`${s}-r1`, 10, 10],
      [`${s}-r2`, 3, 3],
    ]),
  )
  assert.equal(detail.capacity, 39)

  // the editor of the published call lists its 3 sessions × 2 slots with their places
  await open(page, `/packages/ngo/call-editor/index?id=${stored._id}`)
  const sessions = onScreen(page, '.session-manager__session')
  await sessions.first().waitFor()
  assert.equal(await sessions.count(), 3)
  assert.equal(await onScreen(page, '.plan-slot').count(), 6)
  assert.equal(await onScreen(page, '.plan-slot').getByText('已报名 0/10 · 剩余 10').count(), 3)
  assert.equal(await onScreen(page, '.plan-slot').getByText('已报名 0/3 · 剩余 3').count(), 3)
  const label = sessionLabel(stored.sessions![0])
  await sessions.first().getByText(`第 1 场 · ${label}`).waitFor()
  await shoot(onScreen(page, '#call-sessions'), 'published-sessions')

  // the console says how many batches and places
  await open(page, '/packages/ngo/dashboard/index')
  await textOnScreen(page, '3 个批次 · 还剩 39 个名额').waitFor()
})

test('a published call: a session added, one slot’s places raised', { skip }, async () => {
  assert.ok(emulator && browser)
  const page = await (await phoneContext(browser, 'organizer')).newPage()
  const call = callTitled(TREES)
  await open(page, `/packages/ngo/call-editor/index?id=${call._id}`)
  const sessions = onScreen(page, '.session-manager__session')
  await sessions.first().waitFor()

  // 添加场次: a week after the last, each role its places
  await onScreen(page, '.session-manager > .plan-button--add').click()
  await onScreen(page, '.session-manager__add').getByText('各岗位名额同其他场次：植树 10、后勤 3').waitFor()
  await shoot(onScreen(page, '.session-manager__add'), 'published-add-session')
  await textOnScreen(page, '添加这一场').click()
  await textOnScreen(page, '已添加场次').waitFor()
  await sessions.nth(3).waitFor()
  const added = callTitled(TREES)
  assert.equal(added.sessions?.length, 4)
  assert.equal(added.sessions![3].startAt, added.sessions![2].startAt + 7 * DAY_MS)
  assert.deepEqual([added.slots?.['s4-r1']?.capacity, added.slots?.['s4-r2']?.capacity], [10, 3])

  // 后勤 in the first batch: 3 → 5 places
  const logistics = sessions.nth(0).locator('.plan-slot').filter({ hasText: '后勤' })
  await logistics.locator('input').fill('5')
  await logistics.getByText('保存名额').click()
  await textOnScreen(page, '名额已修改').waitFor()
  await logistics.getByText('已报名 0/5 · 剩余 5').waitFor()
  assert.equal(callTitled(TREES).slots?.['s1-r2']?.capacity, 5)
  const fresh = await api<CallDetail>('getCall', { callId: call._id, fresh: true })
  assert.equal(fresh.slots.find((s) => s.key === 's1-r2')?.capacity, 5, 'the organizer’s editor reads it now')
  // a shared page may show a call a few seconds old (each instance keeps a copy): the new places within that
  const shared = await sharedPage(call._id, (d) => d.slots.find((s) => s.key === 's1-r2')?.capacity === 5)
  assert.equal(shared.slots.find((s) => s.key === 's1-r2')?.capacity, 5)
  await shoot(sessions.nth(0), 'published-places-raised')
})

/** The call's shared page once it shows `done` (it may be an instance's copy a few seconds old), or at 10 s. */
async function sharedPage(callId: string, done: (detail: CallDetail) => boolean): Promise<CallDetail> {
  for (const until = Date.now() + 10_000; ; await new Promise((wait) => setTimeout(wait, 500))) {
    const detail = await api<CallDetail>('getCall', { callId })
    if (done(detail) || Date.now() > until) return detail
  }
}

test(
  'a session moved to another place, another cancelled: the dialog says who will be told',
  { skip },
  async () => {
    assert.ok(emulator && browser)
    const page = await (await phoneContext(browser, 'organizer')).newPage()
    const call = callTitled(TREES)
    // a volunteer holds a seat in the second batch
    await api(
      'signUp',
      { callId: call._id, slot: 's2-r1', name: '小林', phone: '13800138000', privacyConsent: true },
      VOLUNTEER,
    )
    await open(page, `/packages/ngo/call-editor/index?id=${call._id}`)
    const sessions = onScreen(page, '.session-manager__session')
    await sessions.nth(1).getByText('已报名 1/10 · 剩余 9').waitFor()

    // 第 3 场 meets elsewhere, and is named for the volunteers
    await sessions.nth(2).getByText('修改场次').click()
    await sessions.nth(2).getByRole('textbox', { name: '第 3 场 名称（选填）' }).fill('第三批')
    await sessions.nth(2).getByRole('textbox', { name: '第 3 场 地点' }).fill('红沙梁林场北门')
    await shoot(sessions.nth(2), 'published-move-session')
    await sessions.nth(2).getByText('保存修改').click()
    await textOnScreen(page, '已修改场次').waitFor()
    await sessions.nth(2).getByText('地点：红沙梁林场北门').waitFor()
    assert.equal(callTitled(TREES).sessions?.find((s) => s.id === 's3')?.address, '红沙梁林场北门')
    assert.equal(callTitled(TREES).sessions?.find((s) => s.id === 's3')?.name, '第三批')
    await sessions.nth(2).getByText('第三批 ·', { exact: false }).waitFor()

    // 第 2 场 is called off: the dialog names how many will be told, and they are
    await sessions.nth(1).getByText('取消场次').click()
    await sessions.nth(1).getByRole('textbox', { name: '第 2 场 取消原因' }).fill('大风预警')
    await sessions.nth(1).getByText('确认取消第 2 场').click()
    await page
      .getByText('1 位志愿者的报名将被取消，他们会收到通知', { exact: false })
      .filter({ visible: true })
      .waitFor()
    await onScreen(page, '.taro-modal__confirm, .taro-model__confirm').click()
    await textOnScreen(page, '已取消场次，已通知 1 位志愿者').waitFor()
    await sessions.nth(1).getByText('已取消').waitFor()
    const cancelled = callTitled(TREES).sessions?.find((s) => s.id === 's2')
    assert.ok(cancelled?.cancelledAt, 'the session is cancelled')
    const detail = await sharedPage(
      call._id,
      (d) => d.sessions.find((s) => s.id === 's2')?.cancelled === true,
    )
    assert.equal(detail.sessions.find((s) => s.id === 's2')?.cancelled, true)

    // a 摄影 role is added: two places in each batch still on (the one added too), none in the cancelled one
    await textOnScreen(page, '添加岗位').click()
    await onScreen(page, '[aria-label="新岗位 名称"]').fill('摄影')
    await onScreen(page, '[aria-label="新岗位 每场名额"]').fill('2')
    await shoot(onScreen(page, '.role-manager'), 'published-add-role')
    await onScreen(page, '.role-manager__form').getByText('添加', { exact: true }).click()
    await textOnScreen(page, '已添加岗位').waitFor()
    await onScreen(page, '.role-manager__role').getByText('摄影').waitFor()
    const withRole = callTitled(TREES)
    assert.deepEqual(
      Object.keys(withRole.slots ?? {})
        .filter((key) => key.endsWith('-r3'))
        .sort(),
      ['s1-r3', 's3-r3', 's4-r3'],
    )
    assert.equal(withRole.roles?.[2]?.name, '摄影')
  },
)

test(
  'every Saturday 09:00–11:30, 8 times: the preview lists the Saturdays publishing stores',
  { skip },
  async () => {
    assert.ok(emulator && browser)
    const page = await (await phoneContext(browser, 'organizer')).newPage()
    await newCall(page, VISITS)
    await onScreen(page, '#call-mode-rule').click()
    // only Saturday: the rule starts on the call's weekday, which may be another
    const saturday = onScreen(page, '[aria-label="周六"]')
    if ((await saturday.getAttribute('aria-checked')) !== 'true') await saturday.click()
    for (const other of ['周一', '周二', '周三', '周四', '周五', '周日']) {
      const chip = onScreen(page, `[aria-label="${other}"]`)
      if ((await chip.getAttribute('aria-checked')) === 'true') await chip.click()
    }
    await pick(page, onScreen(page, '#repeat-start'), '09:00')
    await pick(page, onScreen(page, '#repeat-end'), '11:30')
    await onScreen(page, 'input#repeat-count').fill('8')

    // the next eight Saturdays from the rule's first day, as the server will make them
    const from = (await onScreen(page, '#repeat-from').textContent())!.trim()
    const fromMs = Date.parse(`${from}T00:00:00+08:00`)
    const expected = sessionsFromRule({
      every: 'week',
      weekdays: [6],
      startMinute: 9 * 60,
      endMinute: 11 * 60 + 30,
      from: fromMs,
      count: 8,
    })
    assert.equal(expected.length, 8)
    assert.ok(expected.every((s) => chinaWeekday(s.startAt) === 6))
    const preview = onScreen(page, '#repeat-preview')
    await preview.getByText('共 8 场：').waitFor()
    const lines = await preview.locator('.plan-preview__line').allTextContents()
    assert.deepEqual(
      lines,
      [...expected.slice(0, 4), expected[7]].map((s) => sessionLabel(s)),
    )
    assert.match(lines[0], /周六 09:00–11:30$/)
    await preview.getByText('…… 还有 4 场，最后一场：').waitFor()
    await onScreen(page, 'input#call-capacity').fill('6')
    await shoot(onScreen(page, '#call-sessions'), 'editor-repeat-rule')

    // saved as a draft and opened again, it is the same rule, not a list of eight sessions
    await textOnScreen(page, '保存草稿').click()
    await textOnScreen(page, '草稿已保存').waitFor()
    await open(page, `/packages/ngo/call-editor/index?id=${callTitled(VISITS)._id}`)
    await onScreen(page, '#repeat-preview').getByText('共 8 场：').waitFor()
    assert.equal(await onScreen(page, 'input#repeat-count').inputValue(), '8')
    assert.equal(await onScreen(page, '[aria-label="周六"]').getAttribute('aria-checked'), 'true')

    await publish(page)
    const stored = callTitled(VISITS)
    assert.deepEqual(
      stored.sessions?.map((s) => [s.startAt, s.endAt]),
      expected.map((s) => [s.startAt, s.endAt]),
    )
    assert.equal(chinaDayStart(stored.sessions![0].startAt), chinaDayStart(expected[0].startAt))
    const detail = await api<CallDetail>('getCall', { callId: stored._id })
    assert.equal(detail.slots.length, 8)
    assert.ok(detail.slots.every((s) => s.capacity === 6))

    // after publishing, the editor lists the same eight Saturdays
    await open(page, `/packages/ngo/call-editor/index?id=${stored._id}`)
    const sessions = onScreen(page, '.session-manager__session')
    await sessions.first().waitFor()
    assert.equal(await sessions.count(), 8)
    for (const [i, s] of expected.entries())
      await sessions
        .nth(i)
        .getByText(`第 ${i + 1} 场 · ${sessionLabel(s)}`)
        .waitFor()
  },
)
