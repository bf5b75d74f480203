// Certificates in the H5 build against the local cloud: a volunteer with confirmed hours (written to the store)
// opens 志愿服务证明 → the picture appears → the test reads the picture's QR as a scanner would → that opens
// 证书查验, which says 真实有效; the same code with a different hours figure says 与记录不符; a stranger finds
// 证书查验 on 我的. Set E2E_SCREENSHOTS=<folder> to keep screenshots of the pages and the certificate.
// Needs `dist/h5` and `dist/cloudfunctions`.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import type { Browser, Page } from 'playwright-core'
import type { Emulator } from '@emulator/index'
import { readCode, VERIFY_PAGE } from '@core/certificates/certificate'
import { PERSONAS } from '@core/shared/demo-personas'
import type { Call, SignUp } from '@core/model'
import {
  launchChromium,
  onScreen,
  phoneContext,
  startLocalCloud,
  textOnScreen,
  whyNotRunnable,
} from './harness'

const CALL_ID = 'mq-spring-sand'
const VOLUNTEER = PERSONAS.find((p) => p.key === 'volunteer')?.openid ?? ''
const SIGN_UP_ID = `${CALL_ID}_${VOLUNTEER}`
const SCREENSHOTS = process.env.E2E_SCREENSHOTS

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

async function keep(name: string, content: Buffer | Page): Promise<void> {
  if (!SCREENSHOTS) return
  mkdirSync(SCREENSHOTS, { recursive: true })
  const file = join(SCREENSHOTS, name)
  if (Buffer.isBuffer(content)) writeFileSync(file, content)
  else await content.screenshot({ path: file, fullPage: true })
}

test(
  'certificate → its picture’s QR → 证书查验 says 真实有效; an altered hours figure says 与记录不符',
  { skip, timeout: 120_000 },
  async () => {
    assert.ok(emulator && browser)
    const emu = emulator
    const signUp = emu.store.collection('signups').get(SIGN_UP_ID) as unknown as SignUp | undefined
    assert.ok(signUp, 'the demo has the volunteer at the past call')
    const call = emu.store.collection('calls').get(CALL_ID) as unknown as Call
    // the NGO checked the volunteer out and confirmed 3.5 hours
    emu.store.collection('signups').update(
      { _id: SIGN_UP_ID },
      {
        $set: {
          status: 'attended',
          checkedInAt: call.startAt,
          checkedOutAt: call.startAt + 210 * 60_000,
          hours: 3.5,
          hoursConfirmedAt: call.endAt + 3_600_000,
          hoursConfirmedBy: PERSONAS.find((p) => p.key === 'organizer')?.openid,
        },
      },
      false,
    )

    const volunteer = await (await phoneContext(browser, 'volunteer')).newPage()
    const stranger = await (await phoneContext(browser)).newPage()
    const pageErrors: string[] = []
    for (const page of [volunteer, stranger]) page.on('pageerror', (err) => pageErrors.push(String(err)))
    try {
      await volunteer.goto(`${emu.url}/#/packages/volunteer/certificate/index?signUpId=${SIGN_UP_ID}`)
      const image = onScreen(volunteer, '#certificate-image img, img#certificate-image')
      await image.waitFor()
      await volunteer.waitForFunction(() =>
        Array.from(document.querySelectorAll('img')).some((img) => img.complete && img.naturalWidth === 1080),
      )
      const shownCode = (await onScreen(volunteer, '#certificate-code').innerText()).trim()
      assert.match(shownCode, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
      assert.match((await onScreen(volunteer, '#certificate-no').innerText()).trim(), /^JS\d{4}-/)
      await keep('certificate-page.png', volunteer)

      // the picture, as saved to the album: 1080×1528, and its QR opens 证书查验 with the printed code
      const src = await image.getAttribute('src')
      assert.ok(src)
      const file = Buffer.from(await (await fetch(src)).arrayBuffer())
      await keep('certificate.png', file)
      const png = PNG.sync.read(file)
      assert.deepEqual([png.width, png.height], [1080, 1528])
      const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
      assert.ok(qr, 'the certificate’s QR reads')
      const [page, query] = qr.data.split('?')
      assert.equal(page, VERIFY_PAGE)
      assert.equal(readCode(qr.data), shownCode.replace(/-/g, ''))

      // a stranger scans it: the page opens with the scene and checks at once
      await stranger.goto(`${emu.url}/#/${VERIFY_PAGE}?${query}`)
      const verdict = onScreen(stranger, '#verify-verdict')
      await verdict.getByText('真实有效').waitFor()
      const result = onScreen(stranger, '#verify-result')
      await result.getByText('林晓').waitFor()
      await result.getByText('3.5 小时').waitFor()
      await result.getByText(call.title).waitFor()
      await keep('verify-genuine.png', stranger)

      // the same code typed with the paper's hours figure changed: 与记录不符, with what was really issued
      await onScreen(stranger, 'input#verify-hours').fill('35')
      await onScreen(stranger, '#verify-submit').click()
      await verdict.getByText('与记录不符').waitFor()
      await result.getByText(/证明上的服务时长（35 小时）与签发记录（3.5 小时）不符/).waitFor()
      await keep('verify-altered.png', stranger)

      // a stranger finds 证书查验 on 我的 without signing in; a mistyped code is explained, nothing sent
      await stranger.goto(`${emu.url}/#/pages/mine/index`)
      // its entry on 我的 (the title bar may still read 证书查验 while 我的 comes in)
      await onScreen(stranger, '#verify-entry').click()
      // the router keeps the earlier 证书查验 in the DOM and may still show it while the new one slides in
      await onScreen(stranger, 'input#verify-code').last().fill('ABC')
      await onScreen(stranger, '#verify-submit').last().click()
      await textOnScreen(stranger, '验证码是 12 位字母和数字，请核对').waitFor()
      assert.deepEqual(pageErrors, [])
    } finally {
      await volunteer.context().close()
      await stranger.context().close()
    }
  },
)
