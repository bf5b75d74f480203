// The NGO side in the H5 build, in headless Chromium, against the local WeChat Cloud running the built `api`
// function: a volunteer registers an NGO from 我的, the platform admin verifies it, the new organizer posts a call
// with two questions, a volunteer finds it and signs up, the organizer sees the full phone number in the roster
// while another NGO's organizer cannot open it, and the Excel export holds the roster's rows (read back here).
// Needs `dist/h5` and `dist/cloudfunctions`.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import ExcelJS from 'exceljs'
import { PNG } from 'pngjs'
import type { Browser, Page } from 'playwright-core'
import type { Emulator } from '@emulator/index'
import type { Persona } from '@core/shared/demo-personas'
import type { Call, Ngo } from '@core/model'
import {
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

const NGO_NAME = '梅园社区互助会'
const CALL_TITLE = '梅园社区助老午餐日'

/** A plain PNG of this size (a photo from the album, as far as the editor can tell). */
function coverPng(width: number, height: number): Buffer {
  const png = new PNG({ width, height })
  for (let i = 0; i < png.data.length; i += 4) png.data.set([40, 160, 90, 255], i)
  return PNG.sync.write(png)
}

/** Width and height from a JPEG's start-of-frame segment. */
function jpegSize(jpeg: Buffer): { width: number; height: number } {
  let at = 2
  while (at < jpeg.length) {
    const marker = jpeg.readUInt16BE(at)
    if (marker >= 0xffc0 && marker <= 0xffc3)
      return { height: jpeg.readUInt16BE(at + 5), width: jpeg.readUInt16BE(at + 7) }
    at += 2 + jpeg.readUInt16BE(at + 2)
  }
  throw new Error('not a JPEG')
}

/** Polls until `read` gives a value (the review arrives asynchronously). */
async function until<T>(read: () => T | undefined | '', timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = read()
    if (value) return value
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

async function as(page: Page, persona: Persona['key'], path = '/#/pages/mine/index'): Promise<void> {
  await page.evaluate((key) => window.localStorage.setItem('jushou.persona', key), persona)
  await page.goto(`${emulator?.url}${path}`)
  await page.reload()
}

test('register → verify → post a call → a volunteer signs up → roster and export', { skip }, async () => {
  assert.ok(emulator && browser)
  const emu = emulator
  const context = await phoneContext(browser, 'volunteer2')
  const page = await context.newPage()
  try {
    // 阿梅 manages no NGO: 我的 → 我是组织者 → 登记机构
    await page.goto(`${emu.url}/#/pages/mine/index`)
    await textOnScreen(page, '我是组织者').click()
    await textOnScreen(page, '登记机构').click()
    await onScreen(page, 'input#ngo-name').fill(NGO_NAME)
    await onScreen(page, '#ngo-province').click()
    await textOnScreen(page, '确定').click()
    await onScreen(page, 'input#ngo-city').fill('北京')
    await textOnScreen(page, '助老').click()
    await textOnScreen(page, '社区服务').click()
    await onScreen(page, '#ngo-intro textarea').fill('为梅园社区的独居老人送餐、陪伴。')
    await onScreen(page, 'input#contact-name').fill('梅丽')
    await onScreen(page, 'input#contact-phone').fill('13912345678')
    // a mistyped 统一社会信用代码 is caught by its check digit, next to the field, and nothing is stored
    await onScreen(page, 'input#credit-code').fill('52110105MJ0000011X')
    await textOnScreen(page, '提交审核').click()
    await textOnScreen(page, '统一社会信用代码校验不通过，请对照登记证书核对').waitFor()
    assert.equal(emu.store.collection('ngos').find({ name: NGO_NAME }).length, 0)
    await onScreen(page, 'input#credit-code').fill('52110105mj0000011l')
    await textOnScreen(page, '提交审核').click()
    await page.getByText('机构审核中', { exact: false }).filter({ visible: true }).waitFor()
    const ngo = emu.store.collection('ngos').find({ name: NGO_NAME })[0] as unknown as Ngo
    assert.equal(ngo.status, 'pending')

    // the platform admin verifies it from 我的 → 平台管理
    await as(page, 'admin')
    await textOnScreen(page, '平台管理').click()
    const card = onScreen(page, '.console-card').filter({ hasText: NGO_NAME })
    // what the admin judges by: the contact, the checked credit code; and verifying asks first
    await card.getByText('梅丽').waitFor()
    await card.getByText('52110105MJ0000011L（校验通过）').waitFor()
    await card.getByText('认证通过').click()
    await onScreen(page, '.taro-modal__cancel, .taro-model__cancel').click()
    assert.equal((emu.store.collection('ngos').get(ngo._id) as unknown as Ngo).status, 'pending')
    await card.getByText('认证通过').click()
    await onScreen(page, '.taro-modal__confirm, .taro-model__confirm').click()
    await card.waitFor({ state: 'detached' })
    assert.equal((emu.store.collection('ngos').get(ngo._id) as unknown as Ngo).status, 'verified')

    // 阿梅 posts a call with two questions
    await as(page, 'volunteer2', '/#/packages/ngo/dashboard/index')
    await textOnScreen(page, `${NGO_NAME} · 已认证`).waitFor()
    await textOnScreen(page, '发布新活动').click()
    await onScreen(page, 'input#call-title').fill(CALL_TITLE)
    await onScreen(page, '#call-description textarea').fill('给社区独居老人送午餐，陪他们聊聊天。')
    await onScreen(page, 'input#call-tags').fill('助老 社区')
    await onScreen(page, 'input#call-city').fill('北京')
    await onScreen(page, 'input#call-address').fill('梅园社区活动中心')
    await onScreen(page, 'input#call-capacity').fill('5')
    // the cover: picked in the browser's file chooser, scaled down on a canvas, uploaded to cloud storage
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      textOnScreen(page, '选择封面').click(),
    ])
    await chooser.setFiles({ name: 'cover.png', mimeType: 'image/png', buffer: coverPng(1600, 900) })
    await page.getByText('已上传：保存后经内容安全审核', { exact: false }).filter({ visible: true }).waitFor()
    await textOnScreen(page, '+ 单选').click()
    await textOnScreen(page, '+ 填空').click()
    const questions = onScreen(page, '.question-editor')
    await questions.nth(0).locator('input').fill('会骑电动车吗？')
    await questions.nth(0).locator('textarea').fill('会\n不会')
    await questions.nth(0).getByText('选填').click()
    await questions.nth(1).locator('input').fill('有什么特长')
    await textOnScreen(page, '发布').click()
    // publishing leads into sharing (the moment that recruits); 看名单 goes on to the roster
    await page.getByText('转发越多报名越快', { exact: false }).filter({ visible: true }).waitFor()
    await onScreen(page, '.taro-modal__confirm, .taro-model__confirm').filter({ hasText: '去分享' }).waitFor()
    await onScreen(page, '.taro-modal__cancel, .taro-model__cancel').click()
    await textOnScreen(page, '导出 Excel').waitFor()
    const call = emu.store.collection('calls').find({ title: CALL_TITLE })[0] as unknown as Call
    assert.equal(call.status, 'open')
    // the cover goes to WeChat's image review and is shown once it passes (the local cloud passes it at once)
    const review = await until(() => emu.store.collection('mediaReviews').find({ docId: call._id })[0])
    assert.equal(review.field, 'cover')
    const reviewed = await until(() => (emu.store.collection('calls').get(call._id) as unknown as Call).cover)
    assert.equal(reviewed, review.fileID)
    const stored = await fetch(new URL(reviewed, emu.url))
    assert.equal(stored.status, 200)
    assert.deepEqual(jpegSize(Buffer.from(await stored.arrayBuffer())), { width: 1280, height: 720 })
    assert.deepEqual(
      call.questions.map((q) => [q.title, q.kind, q.required]),
      [
        ['会骑电动车吗？', 'single', true],
        ['有什么特长', 'text', false],
      ],
    )

    // 小林 finds it in the list and signs up
    await as(page, 'volunteer', '/')
    await onScreen(page, '.call-card').filter({ hasText: CALL_TITLE }).click()
    await textOnScreen(page, '已认证').waitFor()
    await page.locator(`img[src="${reviewed}"]`).first().waitFor()
    await onScreen(page, '#sign-up-button').filter({ hasText: '我要报名' }).click()
    await onScreen(page, 'input#name-input').fill('林晓')
    await onScreen(page, 'input#phone-input').fill('13800138000')
    await textOnScreen(page, '会').click()
    await onScreen(page, '#privacy-consent').click()
    await onScreen(page, '#submit-sign-up').click()
    await onScreen(page, '.summary').getByText('已确认').waitFor()

    // the organizer sees the full number; another NGO's organizer (民勤治沙) is refused
    await as(page, 'volunteer2', `/#/packages/ngo/roster/index?id=${call._id}`)
    const entry = onScreen(page, '.roster-entry').filter({ hasText: '林晓' })
    await entry.getByText('13800138000').waitFor()
    await entry.getByText('会骑电动车吗？ 会').waitFor()
    await textOnScreen(page, '已报名 1').waitFor()
    await as(page, 'organizer', `/#/packages/ngo/roster/index?id=${call._id}`)
    await textOnScreen(page, '没有权限进行此操作').waitFor()
    assert.equal(await page.getByText('13800138000').count(), 0)

    // the export downloads an .xlsx whose rows are the roster's
    await as(page, 'volunteer2', `/#/packages/ngo/roster/index?id=${call._id}`)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      textOnScreen(page, '导出 Excel').click(),
    ])
    assert.match(download.suggestedFilename(), /\.xlsx$/)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(await download.path())
    const rows: string[][] = []
    book.worksheets[0].eachRow((row) =>
      rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))),
    )
    assert.deepEqual(rows[0].slice(0, 4), ['序号', '姓名', '手机号', '状态'])
    assert.deepEqual(rows[0].slice(6), ['会骑电动车吗？', '有什么特长', '签到时间', '签退时间', '时长(小时)'])
    assert.deepEqual(
      rows.slice(1).map((r) => [r[1], r[2], r[3], r[6]]),
      [['林晓', '13800138000', '已报名', '会']],
    )
  } finally {
    await context.close()
  }
})

test('the owner invites a co-organizer by code, who joins, and removes them again', { skip }, async () => {
  assert.ok(emulator && browser)
  const context = await phoneContext(browser, 'organizer')
  const page = await context.newPage()
  try {
    await page.goto(`${emulator.url}/#/packages/ngo/dashboard/index`)
    await textOnScreen(page, '邀请组织者').click()
    const codeText = await onScreen(page, '.invite-code').textContent()
    const code = /邀请码：(\w+)/.exec(codeText ?? '')?.[1]
    assert.ok(code, codeText ?? '')

    await as(page, 'volunteer', `/#/packages/ngo/join/index?code=${code}`)
    await onScreen(page, 'input#organizer-name').fill('小林')
    await textOnScreen(page, '加入').click()
    const me = onScreen(page, '.team-member').filter({ hasText: '小林' })
    await me.locator('.team-member__tag--me').filter({ hasText: '我' }).waitFor()
    assert.equal(await onScreen(page, '.team-member').filter({ hasText: '（创建者）' }).count(), 0)

    await as(page, 'organizer', '/#/packages/ngo/dashboard/index')
    const member = onScreen(page, '.team-member').filter({ hasText: '小林' })
    await member.getByText('移除').click()
    await onScreen(page, '.taro-modal__confirm, .taro-model__confirm').click()
    await member.waitFor({ state: 'detached' })
    await onScreen(page, '.console-title').filter({ hasText: '组织者 · 1' }).waitFor()
  } finally {
    await context.close()
  }
})

test(
  'the organizer moves a published call, then cancels it: volunteers are told each time',
  { skip },
  async () => {
    assert.ok(emulator && browser)
    const emu = emulator
    const context = await phoneContext(browser, 'organizer')
    const page = await context.newPage()
    const messages = (kind: string) =>
      emu.store.collection('messages').find({ kind, callId: 'mq-trees' }).length
    try {
      await page.goto(`${emu.url}/#/packages/ngo/roster/index?id=mq-trees`)
      await textOnScreen(page, '修改时间地点').click()
      await page.getByText('活动已发布', { exact: false }).filter({ visible: true }).waitFor()
      await onScreen(page, 'input#call-address').fill('红崖山水库西侧治沙站')
      await textOnScreen(page, '保存修改').click()
      await textOnScreen(page, '导出 Excel').waitFor()
      const call = emu.store.collection('calls').get('mq-trees') as { address: string; confirmed: number }
      assert.equal(call.address, '红崖山水库西侧治沙站')
      const told = emu.store
        .collection('signups')
        .find({ callId: 'mq-trees', status: { $in: ['confirmed', 'waitlisted'] } }).length
      assert.ok(told > 0)
      assert.equal(messages('changed'), told, 'one changed message per volunteer')

      await onScreen(page, 'input#cancel-reason').fill('沙尘暴预警')
      await textOnScreen(page, '取消活动').click()
      await onScreen(page, '.taro-modal__confirm, .taro-model__confirm').click()
      await textOnScreen(page, '活动已取消').waitFor()
      assert.equal((emu.store.collection('calls').get('mq-trees') as { status: string }).status, 'cancelled')
      assert.equal(messages('cancelled'), told, 'one cancelled message per volunteer')
    } finally {
      await context.close()
    }
  },
)
