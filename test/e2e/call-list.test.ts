// The call list as a volunteer meets it first: filter chips stay where they are when tapped, a search finds an
// NGO by its name, an empty search says what was searched, and an NGO under review has no public call.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser, Page } from 'playwright-core'
import type { Emulator } from '@emulator/index'
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

async function chips(page: Page): Promise<string[]> {
  return page.locator('.chip-row').first().locator('.chip').allInnerTexts()
}

async function cardTitles(page: Page): Promise<string[]> {
  return page.locator('.call-card .call-card__title').allInnerTexts()
}

test(
  'chips keep their order, NGO names are searchable, unverified NGOs are not listed',
  { skip },
  async () => {
    assert.ok(emulator && browser)
    const page = await (await phoneContext(browser)).newPage()
    await page.goto(emulator.url + '/')
    // the whole first page is drawn (its foot shows once every card is)
    await onScreen(page, '.calls-page__more').waitFor({ timeout: 20_000 })
    assert.ok((await cardTitles(page)).length > 4)
    assert.equal(await page.locator('.call-card').filter({ hasText: '西涌海滩净滩行动' }).count(), 0)

    const before = await chips(page)
    await textOnScreen(page, '北京').first().click()
    await onScreen(page, '.chip--active').filter({ hasText: '北京' }).waitFor()
    await page.waitForTimeout(500)
    assert.deepEqual(await chips(page), before, 'a tap does not reorder the chips')
    await textOnScreen(page, '全部').first().click()

    await onScreen(page, 'input#search-input').fill('银龄')
    await onScreen(page, 'input#search-input').press('Enter')
    // the old list stays until the search answers: wait until every card shown is one of 银龄陪伴计划's
    await page.waitForFunction(() => {
      const cards = Array.from(document.querySelectorAll('.call-card'))
      return cards.length > 0 && cards.every((card) => card.textContent?.includes('银龄陪伴计划'))
    })
    assert.ok((await cardTitles(page)).length > 0)

    await onScreen(page, 'input#search-input').fill('没有这个词')
    await onScreen(page, 'input#search-input').press('Enter')
    await textOnScreen(page, '没有找到与“没有这个词”相关的活动').waitFor()
  },
)
