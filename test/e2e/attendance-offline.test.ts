// Offline check-in in the H5 build: the volunteer opens 我的签到码 online (their offline pass is kept), the organizer
// downloads the session's roster; then the local cloud refuses every request (no signal at the site). The
// volunteer's page still shows a code (the kept pass); the organizer's screen turns to the kept roster, checks the
// pass in, refuses a forged one, checks the volunteer out by hand and says 「离线记录 N 条，联网后自动同步」. When
// the network returns the screen sends the records: the volunteer is checked in and out in the database.
// The call is moved to start in half an hour of real time (the browsers' clocks record the scans). Needs `dist/h5`
// and `dist/cloudfunctions`.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import type { Emulator } from '@emulator/index'
import { PERSONAS } from '@core/shared/demo-personas'
import type { SignUp } from '@core/model'
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

function signUp(emu: Emulator): SignUp {
  return emu.store.collection('signups').get(SIGN_UP_ID) as unknown as SignUp
}

async function keep(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true })
}

function walkInsOf(emu: Emulator): SignUp[] {
  return (emu.store.collection('signups').all() as unknown as SignUp[]).filter(
    (s) => s.callId === CALL_ID && s.walkIn === true,
  )
}

test(
  'no signal at the site: the kept pass and roster check the volunteer in and out, a walk-in is added, all synced when the network returns',
  { skip, timeout: 180_000 },
  async () => {
    assert.ok(emulator && browser)
    const emu = emulator
    const startAt = Date.now() + 30 * MINUTE
    emu.store
      .collection('calls')
      .update({ _id: CALL_ID }, { $set: { startAt, endAt: startAt + 9 * 60 * MINUTE } }, false)
    const organizer = await (await phoneContext(browser, 'organizer')).newPage()
    const volunteer = await (await phoneContext(browser, 'volunteer2')).newPage()
    const pageErrors: string[] = []
    for (const page of [organizer, volunteer]) page.on('pageerror', (err) => pageErrors.push(String(err)))
    try {
      // the day before, online: the volunteer's page keeps a pass, the organizer downloads the roster
      await volunteer.goto(`${emu.url}/#/packages/volunteer/checkin/index`)
      await onScreen(volunteer, '#my-checkin-code').waitFor()
      await organizer.goto(`${emu.url}/#/packages/ngo/checkin/index?callId=${CALL_ID}`)
      await onScreen(organizer, '#offline-download').click()
      await textOnScreen(organizer, '重新下载本场名单').waitFor()

      // at the site: no signal
      emu.network.online = false
      await volunteer.reload()
      await onScreen(volunteer, '#my-offline-pass').waitFor()
      const note = onScreen(volunteer, '#my-offline-pass-note')
      await note.getByText(/离线签到码/).waitFor()
      // amei has another call today too: she shows the planting's pass
      for (let i = 0; i < 5 && !(await note.innerText()).includes('民勤梭梭林植树'); i++) {
        await onScreen(volunteer, '#my-offline-pass-next').click()
      }
      const pass = (await onScreen(volunteer, '.my-code__text').innerText()).trim()
      assert.match(pass, new RegExp(`^q\\.${VOLUNTEER}\\.${CALL_ID}\\.s1\\.`))

      // the organizer's screen notices on its next read and turns to the kept roster
      const banner = onScreen(organizer, '#offline-banner')
      await banner.getByText('离线记录 0 条，联网后自动同步').waitFor({ timeout: 15_000 })
      // one character of the signature changed (not the last: its low bits are padding)
      const at = pass.length - 10
      const forged = pass.slice(0, at) + (pass[at] === 'A' ? 'B' : 'A') + pass.slice(at + 1)
      await onScreen(organizer, 'input#offline-code').fill(forged)
      await textOnScreen(organizer, '核验签到').click()
      await organizer
        .getByText(/签到码无效/)
        .first()
        .waitFor()
      await banner.getByText('离线记录 0 条，联网后自动同步').waitFor()

      await onScreen(organizer, 'input#offline-code').fill(pass)
      await textOnScreen(organizer, '核验签到').click()
      await banner.getByText('离线记录 1 条，联网后自动同步').waitFor()
      const row = onScreen(organizer, `#offline-attendee-${SIGN_UP_ID}`)
      await row.getByText(/^已签到/).waitFor()
      await row.getByText('手动签退').click()
      await banner.getByText('离线记录 2 条，联网后自动同步').waitFor()
      await row.getByText(/^已签退/).waitFor()
      // someone who came without signing up, added with no signal
      await onScreen(organizer, 'input#offline-walk-in-name').fill('王芳')
      await onScreen(organizer, 'input#offline-walk-in-phone').fill('13700137000')
      await textOnScreen(organizer, '添加并签到').click()
      await banner.getByText('离线记录 3 条，联网后自动同步').waitFor()
      const walkIn = onScreen(organizer, '#offline-attendee-walkin-13700137000')
      await walkIn.getByText('137****7000 · 现场报名').waitFor()
      await walkIn.getByText(/^已签到/).waitFor()
      await keep(organizer, 'checkin-offline-walk-in.png')
      assert.equal(signUp(emu).status, 'confirmed', 'nothing reached the function')
      assert.equal(walkInsOf(emu).length, 0)

      // the network returns: the screen sends both records and is back online
      emu.network.online = true
      await onScreen(organizer, `#attendee-${SIGN_UP_ID}`)
        .getByText(/^已签退/)
        .waitFor({ timeout: 20_000 })
      const row2 = signUp(emu)
      assert.equal(row2.status, 'attended')
      assert.ok(row2.checkedInAt && row2.checkedOutAt && row2.checkedOutAt >= row2.checkedInAt)
      assert.equal(await onScreen(organizer, '#offline-banner').count(), 0, 'nothing waits')
      const walkIns = walkInsOf(emu)
      assert.deepEqual(
        walkIns.map((w) => [w.name, w.phone, w.status]),
        [['王芳', '13700137000', 'attended']],
      )
      await onScreen(organizer, `#attendee-${walkIns[0]._id}`)
        .getByText(/^已签到/)
        .waitFor()
      assert.deepEqual(pageErrors, [])
    } finally {
      await organizer.context().close()
      await volunteer.context().close()
    }
  },
)
