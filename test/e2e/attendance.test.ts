// Check-in and hours end to end in the H5 build: the organizer opens the check-in screen of 民勤梭梭林植树; the
// test reads the QR off that screen as a scanner would (a screenshot of the code → jsQR); a code older than its
// window is refused with a clear message and records nothing; the current code checks the volunteer in; later the
// organizer checks everyone out and confirms the hours; the volunteer's 志愿时长 shows them, and the certificate's
// verification code checks out while the same code with an altered hours figure does not.
// The local cloud's clock is moved (the functions' clock; the browsers keep real time). Needs `dist/h5` and
// `dist/cloudfunctions`.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import type { Browser, Page } from 'playwright-core'
import type { Emulator } from '@emulator/index'
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

const CALL_ID = 'mq-trees'
const MINUTE = 60_000
const VOLUNTEER = PERSONAS.find((p) => p.key === 'volunteer2')?.openid ?? ''
const SIGN_UP_ID = `${CALL_ID}_${VOLUNTEER}`

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

/** What a scanner pointed at the organizer's screen reads: the QR element's pixels, decoded. */
async function scanQrOnScreen(page: Page): Promise<string> {
  const qr = onScreen(page, '#checkin-qr')
  await qr.waitFor()
  const png = PNG.sync.read(await qr.screenshot())
  const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  assert.ok(read, 'the QR on the check-in screen reads')
  return read.data
}

function signUp(emu: Emulator): SignUp {
  return emu.store.collection('signups').get(SIGN_UP_ID) as unknown as SignUp
}

test(
  'organizer shows the code → an expired code is refused → the current one checks in → check-out, confirm → 志愿时长 → certificate verified',
  { skip, timeout: 180_000 },
  async () => {
    assert.ok(emulator && browser)
    const emu = emulator
    const call = emu.store.collection('calls').get(CALL_ID) as unknown as Call
    const organizer = await (await phoneContext(browser, 'organizer')).newPage()
    const volunteer = await (await phoneContext(browser, 'volunteer2')).newPage()
    const pageErrors: string[] = []
    for (const page of [organizer, volunteer]) page.on('pageerror', (err) => pageErrors.push(String(err)))
    const checkInScreen = `${emu.url}/#/packages/ngo/checkin/index?callId=${CALL_ID}`
    const volunteerCheckIn = (code: string) =>
      volunteer.goto(`${emu.url}/#/packages/volunteer/checkin/index?code=${encodeURIComponent(code)}`)
    try {
      // half an hour before the start: the organizer opens the check-in screen
      emu.clock.set({ at: call.startAt - 30 * MINUTE })
      await organizer.goto(checkInScreen)
      await textOnScreen(organizer, call.title).waitFor()
      const oldCode = await scanQrOnScreen(organizer)
      assert.match(oldCode, new RegExp(`^c\\.${CALL_ID}\\.in\\.`))

      // two minutes later that code is past its window: refused, nothing recorded
      emu.clock.set({ at: call.startAt - 28 * MINUTE })
      await volunteerCheckIn(oldCode)
      const failed = onScreen(volunteer, '#checkin-failed')
      await failed.getByText('签到码已过期，请扫描现场最新的二维码').waitFor()
      assert.equal(signUp(emu).checkedInAt, undefined)
      assert.equal(signUp(emu).status, 'confirmed')

      // the screen's current code checks the volunteer in
      await organizer.reload()
      const code = await scanQrOnScreen(organizer)
      assert.notEqual(code, oldCode)
      await volunteerCheckIn(code)
      await onScreen(volunteer, '#checkin-done').getByText('签到成功').waitFor()
      await onScreen(volunteer, '#checkin-done').getByText(call.title).waitFor()
      assert.equal(signUp(emu).status, 'attended')
      assert.ok(signUp(emu).checkedInAt)
      // the organizer's list shows it (it reads itself again every few seconds)
      await onScreen(organizer, `#attendee-${SIGN_UP_ID}`)
        .getByText(/^已签到/)
        .waitFor()

      // about 3 h 18 min after the check-in: 全部签退 → 3.5 h under the default rule (18 minutes left over: 0.5 h)
      emu.clock.set({ at: call.startAt + 170 * MINUTE })
      await textOnScreen(organizer, '全部签退').click()
      await onScreen(organizer, '.taro-modal__confirm, .taro-model__confirm').click()
      await onScreen(organizer, `#attendee-${SIGN_UP_ID}`)
        .getByText(/^已签退/)
        .waitFor()
      assert.equal(signUp(emu).hours, 3.5)
      assert.equal(signUp(emu).hoursConfirmedAt, undefined)

      // unconfirmed hours do not count yet
      await volunteer.goto(`${emu.url}/#/packages/volunteer/hours/index`)
      await onScreen(volunteer, '#hours-total').getByText('0', { exact: true }).waitFor()
      await onScreen(volunteer, `#event-${SIGN_UP_ID}`).getByText('待确认').waitFor()

      // 工时确认 → 确认全部工时
      await textOnScreen(organizer, '工时确认').click()
      const entry = onScreen(organizer, `#hours-${SIGN_UP_ID}`)
      await entry.getByText('3.5 小时').waitFor()
      await entry.getByText('待确认').waitFor()
      await onScreen(organizer, '#confirm-all-hours').click()
      await onScreen(organizer, '.taro-modal__confirm, .taro-model__confirm').click()
      await entry.getByText('已确认').waitFor()
      assert.ok(signUp(emu).hoursConfirmedAt)

      // the volunteer's 志愿时长 counts them now
      await volunteer.reload()
      await onScreen(volunteer, '#hours-total').getByText('3.5', { exact: true }).waitFor()
      const event = onScreen(volunteer, `#event-${SIGN_UP_ID}`)
      await event.getByText('已确认').waitFor()
      await event.getByText('3.5 小时').waitFor()

      // 我的 says so too, not just 「已签到」, and leads to the certificate
      await volunteer.goto(`${emu.url}/#/pages/mine/index`)
      const row = onScreen(volunteer, '.signup-row').filter({ hasText: '时长已确认 3.5 小时' })
      await row.getByText('志愿服务证明').waitFor()
      await volunteer.goto(`${emu.url}/#/packages/volunteer/hours/index`)

      // its certificate: the verification code checks out; the same code with an altered hours figure does not
      await event.getByText(/志愿服务证明/).click()
      const codeText = onScreen(volunteer, '#certificate-code')
      await codeText.waitFor()
      const certificateCode = (await codeText.innerText()).trim()
      assert.match(certificateCode, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
      const verify = async (hours: string) => {
        await volunteer.goto(`${emu.url}/#/packages/volunteer/verify/index`)
        await volunteer.reload()
        await onScreen(volunteer, 'input#verify-code').fill(certificateCode)
        await onScreen(volunteer, 'input#verify-hours').fill(hours)
        await onScreen(volunteer, '#verify-submit').click()
        return onScreen(volunteer, '#verify-verdict')
      }
      await (await verify('3.5')).getByText('真实有效').waitFor()
      await (await verify('8')).getByText('与记录不符').waitFor()
      assert.deepEqual(pageErrors, [])
    } finally {
      await organizer.context().close()
      await volunteer.context().close()
    }
  },
)
