// 保险信息 on the sign-up form, in the H5 build: a call asking them shows the section with what is collected, why,
// who sees it and when it is deleted, above an explicit agreement; a 身份证号 with a wrong check character is
// refused next to its field before anything is sent; once right and agreed, the sign-up goes through, the number
// is stored sealed and the phone keeps no copy of it. The owner's roster shows it masked; 导出投保名单 downloads it in
// full, and the download is logged. Needs `dist/h5` and `dist/cloudfunctions`.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import ExcelJS from 'exceljs'
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
import { axeViolations, describeViolations } from './axe'
import { idCheckChar } from '@core/privacy/insurance'

const MINQIN = 'mq-trees'
const ID_NUMBER = '62010219900307123X'
/** the demo's teaching camp, asking insurance details; here it also lets a volunteer bring children */
const CAMP = 'hz-summer-camp'
const first17 = '44030420180101002'
const CHILD_ID = first17 + idCheckChar(first17)

const skip = whyNotRunnable()
let emulator: Emulator | undefined
let browser: Browser | undefined

before(async () => {
  if (skip) return
  emulator = await startLocalCloud()
  emulator.store
    .collection('calls')
    .update(
      { _id: MINQIN },
      { $set: { insurance: { idNumber: true, emergencyContact: true, retentionDays: 14 } } },
      false,
    )
  emulator.store
    .collection('calls')
    .update({ _id: CAMP }, { $set: { companions: { max: 2, children: { minAge: 4, maxAge: 12 } } } }, false)
  browser = await launchChromium()
})

after(async () => {
  await browser?.close()
  await emulator?.stop()
})

async function assertAccessible(page: Page, where: string): Promise<void> {
  await page.waitForTimeout(400) // axe reads computed colours: let transitions settle
  const violations = await axeViolations(page)
  assert.deepEqual(
    violations.map((v) => v.id),
    [],
    `${where}: serious or critical axe violations:\n${describeViolations(violations)}`,
  )
}

test(
  'the consent is read and agreed before an ID number is sent; a wrong one is refused',
  { skip },
  async () => {
    assert.ok(emulator && browser)
    const context = await phoneContext(browser, 'volunteer')
    const page = await context.newPage()
    try {
      await page.goto(detailUrl(emulator, MINQIN))
      await onScreen(page, '#sign-up-button').click({ timeout: 20_000 })
      await textOnScreen(page, '保险信息').waitFor()
      const notice = await onScreen(page, '#insurance-notice').innerText()
      for (const words of ['证件类型和证件号码', '活动意外险', '仅机构负责人', '活动结束 14 天后自动删除'])
        assert.ok(notice.includes(words), words)
      await assertAccessible(page, 'the form with 保险信息')

      await onScreen(page, 'input#name-input').fill('林晓')
      await onScreen(page, 'input#phone-input').fill('13800138000')
      await textOnScreen(page, '参加过').click()
      await textOnScreen(page, 'M').click()
      await textOnScreen(page, '居民身份证').click()
      await onScreen(page, 'input#insurance-id-number').fill('62010219900307123 1')
      await onScreen(page, 'input#insurance-emergency-name').fill('林大海')
      await onScreen(page, 'input#insurance-emergency-phone').fill('13900139000')
      await onScreen(page, '#privacy-consent').click()
      await onScreen(page, '#submit-sign-up').click()
      await onScreen(page, '#field-insurance-idNumber .form-field__error')
        .filter({ hasText: '校验位' })
        .waitFor()
      await textOnScreen(page, '请阅读并同意保险信息的收集说明').waitFor()
      await assertAccessible(page, 'the form with its messages')
      assert.equal(emulator.store.collection('signups').find({ callId: MINQIN, name: '林晓' }).length, 0)

      await onScreen(page, 'input#insurance-id-number').fill(ID_NUMBER)
      const consent = onScreen(page, '#insurance-consent')
      assert.equal(await consent.getAttribute('aria-checked'), 'false')
      await consent.click()
      assert.equal(await consent.getAttribute('aria-checked'), 'true')
      await onScreen(page, '#submit-sign-up').click()
      const success = onScreen(page, '.success-page__title').filter({ hasText: '报名成功' })
      const refusal = onScreen(page, '.taro-modal__content, .form-field__error')
      await success.or(refusal).first().waitFor({ timeout: 20_000 })
      assert.equal(
        await refusal.count(),
        0,
        await refusal
          .first()
          .innerText()
          .catch(() => ''),
      )

      const [stored] = emulator.store.collection('insuranceDetails').all()
      assert.ok(stored, 'stored')
      assert.ok(!JSON.stringify(stored).includes(ID_NUMBER), 'sealed')
      assert.equal((stored.masked as { idNumber: string }).idNumber, '6201**********123X')
      const phone = await page.evaluate(() => JSON.stringify(window.localStorage))
      assert.ok(!phone.includes(ID_NUMBER) && !phone.includes('林大海'), 'the phone keeps no copy')
    } finally {
      await context.close()
    }
  },
)

test(
  'the owner sees the number masked in the roster and in full only in the logged insurance list',
  { skip },
  async () => {
    assert.ok(emulator && browser)
    const context = await phoneContext(browser, 'organizer')
    const page = await context.newPage()
    try {
      await page.goto(`${emulator.url}/#/packages/ngo/roster/index?id=${MINQIN}`)
      const entry = onScreen(page, '.roster-entry').filter({ hasText: '林晓' })
      await entry.filter({ hasText: '6201**********123X' }).waitFor({ timeout: 20_000 })
      assert.ok(!(await page.content()).includes(ID_NUMBER), 'the page holds only the masked number')
      await assertAccessible(page, 'the roster with 投保名单')

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        (async () => {
          await onScreen(page, '#export-insurance').click()
          await onScreen(page, '.taro-modal__confirm, .taro-model__confirm').click()
        })(),
      ])
      assert.match(download.suggestedFilename(), /^投保名单-.*\.xlsx$/)
      const book = new ExcelJS.Workbook()
      await book.xlsx.readFile(await download.path())
      const cells: string[] = []
      book.worksheets[0].eachRow((row) =>
        cells.push(...(row.values as unknown[]).map((v) => String(v ?? ''))),
      )
      assert.ok(cells.includes(ID_NUMBER) && cells.includes('林大海'), 'in full, in the owner’s list')
      const logs = emulator.store.collection('insuranceExports').all()
      assert.equal(logs.length, 1)
      assert.equal(logs[0].callId, MINQIN)
    } finally {
      await context.close()
    }
  },
)

test(
  'a family: each child gives an ID next to their name, the phone keeps none of them',
  { skip },
  async () => {
    assert.ok(emulator && browser)
    const context = await phoneContext(browser, 'volunteer2')
    const page = await context.newPage()
    try {
      await page.goto(detailUrl(emulator, CAMP))
      await onScreen(page, '#sign-up-button').click({ timeout: 20_000 })
      await textOnScreen(page, '保险信息').waitFor()
      await onScreen(page, 'input#name-input').fill('梅丽')
      await onScreen(page, 'input#phone-input').fill('13900135678')
      await textOnScreen(page, '美术').click()
      await onScreen(page, '#add-companion').click()
      await onScreen(page, 'input#companion-name-0').fill('梅小树')
      await onScreen(page, '#companion-kind-0 .choice').filter({ hasText: '儿童' }).click()
      await onScreen(page, 'input#companion-age-0').fill('8')
      await onScreen(page, '#field-insurance-idType .choice').filter({ hasText: '居民身份证' }).click()
      await onScreen(page, 'input#insurance-id-number').fill(ID_NUMBER)
      await onScreen(page, 'input#insurance-emergency-name').fill('梅大海')
      await onScreen(page, 'input#insurance-emergency-phone').fill('13900139000')
      await onScreen(page, '#insurance-consent').click()
      await onScreen(page, '#privacy-consent').click()

      // the child's ID is asked by name, and refused next to it until given
      await textOnScreen(page, '同行人 1（梅小树）的证件号码 *').waitFor()
      await onScreen(page, '#submit-sign-up').click()
      await onScreen(page, '#field-insurance-companions-0-idNumber .form-field__error')
        .filter({ hasText: '请填写证件号码' })
        .waitFor()
      await assertAccessible(page, 'the family form with its messages')
      assert.equal(emulator.store.collection('signups').find({ callId: CAMP, name: '梅丽' }).length, 0)

      await onScreen(page, '#field-insurance-companions-0-idType .choice')
        .filter({ hasText: '居民身份证' })
        .click()
      await onScreen(page, 'input#insurance-companion-id-0').fill(CHILD_ID)
      await onScreen(page, '#submit-sign-up').click()
      await onScreen(page, '.success-page__title')
        .filter({ hasText: '报名成功' })
        .waitFor({ timeout: 20_000 })

      const stored = emulator.store.collection('insuranceDetails').find({ callId: CAMP })
      assert.equal(stored.length, 1)
      const companions = stored[0].companions as { masked: string }[]
      assert.deepEqual(
        companions.map((c) => c.masked),
        [`4403**********${CHILD_ID.slice(-4)}`],
      )
      assert.ok(!JSON.stringify(stored).includes(CHILD_ID), 'sealed')
      const phone = await page.evaluate(() => JSON.stringify(window.localStorage))
      assert.ok(!phone.includes(CHILD_ID) && !phone.includes(ID_NUMBER), 'the phone keeps no copy')
    } finally {
      await context.close()
    }
  },
)
