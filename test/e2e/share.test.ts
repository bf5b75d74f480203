// Recruiting through a poster, in the H5 build against the local WeChat Cloud: 阿梅 has a poster made, 小林 opens
// the call from its code (`?scene=`), looks at the poster, signs up; the organizer's stats count one sign-up from
// the poster for 阿梅, and 我的 tells 阿梅 whom she brought. Needs `dist/h5` and `dist/cloudfunctions`.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Browser } from 'playwright-core'
import type { Emulator } from '@emulator/index'
import { PERSONAS } from '@core/shared/demo-personas'
import type { ApiResult } from '@core/shared/errors'
import type { PosterResponse } from '@core/sharing/poster'
import type { CallShareStatsResponse, MyRecruitsResponse } from '@core/sharing/contract'
import {
  launchChromium,
  onScreen,
  phoneContext,
  startLocalCloud,
  textOnScreen,
  whyNotRunnable,
} from './harness'

const MINQIN_TITLE = '民勤梭梭林植树志愿者招募'
const persona = (key: string) => PERSONAS.find((p) => p.key === key)?.openid ?? ''

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

async function door<T>(fn: string, body: object, openid: string): Promise<T> {
  assert.ok(emulator)
  const res = await fetch(`${emulator.url}/functions/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
    body: JSON.stringify(body),
  })
  const result = (await res.json()) as ApiResult<T>
  if (!result.ok) throw new Error(`${fn} failed: ${JSON.stringify(result)}`)
  return result.data
}

test(
  'a sign-up through a poster code counts for the poster and its sharer',
  { skip, timeout: 180_000 },
  async () => {
    assert.ok(emulator && browser)
    // 阿梅 has her poster made: its code's scene carries the call and her referrer code
    const poster = await door<PosterResponse>('poster', { callId: 'mq-trees' }, persona('volunteer2'))
    assert.match(poster.scene, /^mq-trees~[0-9a-z]{6}$/)
    // what the demo data already holds (阿梅's shares brought a few of its volunteers)
    const stats = () =>
      door<CallShareStatsResponse>(
        'api',
        { action: 'callShareStats', callId: 'mq-trees' },
        persona('organizer'),
      )
    const before = await stats()
    const recruitedBefore = (
      await door<MyRecruitsResponse>('api', { action: 'myRecruits' }, persona('volunteer2'))
    ).count
    const amei = (s: CallShareStatsResponse) => s.topRecruiters.find((r) => r.name === '梅*')?.count ?? 0

    const context = await phoneContext(browser, 'volunteer')
    const page = await context.newPage()
    const pageErrors: string[] = []
    page.on('pageerror', (err) => pageErrors.push(String(err)))
    try {
      // 小林 scans it: WeChat opens the detail page with `scene` (URL-encoded, as the H5 build accepts it too)
      await page.goto(`${emulator.url}/#/pages/call-detail/index?scene=${encodeURIComponent(poster.scene)}`)
      await onScreen(page, '.detail-page__title')
        .filter({ hasText: MINQIN_TITLE })
        .waitFor({ timeout: 20_000 })

      // 生成海报 → the preview shows the PNG from cloud storage
      await onScreen(page, '#make-poster-button').click()
      const preview = onScreen(page, '#poster-preview img')
      await preview.waitFor({ timeout: 30_000 })
      await page.waitForFunction(
        () => {
          const img = document.querySelector('#poster-preview img') as HTMLImageElement | null
          return img !== null && img.complete && img.naturalWidth > 0
        },
        undefined,
        { timeout: 30_000 },
      )
      assert.deepEqual(
        await preview.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]),
        [750, 1334],
      )
      await onScreen(page, '#save-poster-button').waitFor()
      // a tap on the dimmed page beside the poster, below the title bar, closes it
      await onScreen(page, '.share-poster__mask').click({ position: { x: 10, y: 100 } })

      // sign up
      await onScreen(page, '#sign-up-button').filter({ hasText: '我要报名' }).click()
      await textOnScreen(page, '隐私说明').waitFor()
      await onScreen(page, 'input#name-input').fill('林晓')
      await onScreen(page, 'input#phone-input').fill('13800138000')
      await textOnScreen(page, '参加过').click()
      await textOnScreen(page, 'M').click()
      await onScreen(page, '#privacy-consent').click()
      await onScreen(page, '#submit-sign-up').click()
      await onScreen(page, '.success-page__title').filter({ hasText: '报名成功' }).waitFor()
      assert.deepEqual(pageErrors, [])
    } finally {
      await context.close()
    }

    // the organizer's stats: one more sign-up from the poster, recruited by 阿梅 (梅丽 on her own sign-up, masked)
    const after = await stats()
    assert.equal(after.bySource.poster, before.bySource.poster + 1)
    assert.equal(after.total, before.total + 1)
    assert.equal(amei(after), amei(before) + 1)

    // 阿梅's 我的 says whom she brought
    const mine = await (await phoneContext(browser, 'volunteer2')).newPage()
    await mine.goto(`${emulator.url}/#/pages/mine/index`)
    await textOnScreen(mine, `你已带来 ${recruitedBefore + 1} 位志愿者`).waitFor({ timeout: 20_000 })
    await mine.context().close()
  },
)
