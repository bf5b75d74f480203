// Calls of several sessions in the H5 build, against the local cloud: a tree planting of three sessions × two roles
// (the first on now, the second in an hour and a half, the third next week) and a past one of two sessions, written
// to the store. The organizer's 签到 screen opens on session 1, the organizer picks session 2, and the QR read off
// the screen (jsQR) checks a volunteer of session 2 into session 2 only; a personal code acts in the session shown.
// The roster filtered by session and role shows the right people, each row with its session and role, and exports
// the same rows; 工时确认 shows one session; the volunteer's 志愿时长 lists each session as its own line, the
// certificate of the past call lists both sessions served, and 证书查验 shows them. axe on every one of these
// pages: no serious or critical violations. Set E2E_SCREENSHOTS=<folder> to keep a full-height screenshot of each
// (and some at 2× text). Needs `dist/h5` and `dist/cloudfunctions`.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import type { Browser, Page } from 'playwright-core'
import type { Emulator } from '@emulator/index'
import { sessionLabel } from '@core/calls/session-text'
import { emptySlots, signUpIdFor } from '@core/calls/slots'
import { PERSONAS } from '@core/shared/demo-personas'
import type { Call, CallRole, CallSession, SignUp } from '@core/model'
import { axeViolations, describeViolations } from './axe'
import {
  launchChromium,
  onScreen,
  phoneContext,
  startLocalCloud,
  textOnScreen,
  whyNotRunnable,
} from './harness'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const SCREENSHOTS = process.env.E2E_SCREENSHOTS
const openidOf = (key: string) => PERSONAS.find((p) => p.key === key)?.openid ?? ''
const XIAOLIN = openidOf('volunteer')
const AMEI = openidOf('volunteer2')
const ORGANIZER = openidOf('organizer')
/** volunteers who exist only as sign-ups (28 characters, like an openid) */
const WANG = 'oJUSHOU_e2e_volunteer_wang00'
const CHEN = 'oJUSHOU_e2e_volunteer_chen00'
const ZHAO = 'oJUSHOU_e2e_volunteer_zhao00'

const LIVE = 'e2e-three-sessions'
const PAST = 'e2e-past-sessions'
const ROLES: CallRole[] = [
  { id: 'r1', name: '植树', description: '挖坑、栽苗', capacity: 5 },
  { id: 'r2', name: '后勤', description: '发放工具', capacity: 2 },
]

const skip = whyNotRunnable()
let emulator: Emulator | undefined
let browser: Browser | undefined
let live: CallSession[] = []
let past: CallSession[] = []

before(async () => {
  if (skip) return
  emulator = await startLocalCloud()
  browser = await launchChromium()
  seed(emulator)
})

after(async () => {
  await browser?.close()
  await emulator?.stop()
})

/** A demo call made into one of several sessions with the roles above, its slots counting `rows`' seats. */
function sessionsCall(
  emu: Emulator,
  _id: string,
  title: string,
  sessions: CallSession[],
  rows: SignUp[],
): Call {
  const demo = emu.store.collection('calls').get('mq-trees') as unknown as Call
  const base: Call = {
    ...demo,
    _id,
    title,
    startAt: sessions[0].startAt,
    endAt: sessions[sessions.length - 1].endAt,
    signupDeadline: sessions[0].startAt - DAY,
    cancelCutoff: undefined,
    sessions,
    roles: ROLES,
    capacity: sessions.length * 7,
    confirmed: rows.length,
    waitlisted: 0,
  }
  const slots = emptySlots(base) ?? {}
  for (const row of rows) slots[row.slot ?? ''].confirmed += 1
  return { ...base, slots }
}

let phones = 0

function row(callId: string, openid: string, name: string, slot: string, more: Partial<SignUp> = {}): SignUp {
  const now = Date.now()
  phones += 1
  return {
    _id: signUpIdFor(callId, openid, slot),
    callId,
    openid,
    name,
    phone: `1380013${String(8000 + phones)}`,
    answers: {},
    status: 'confirmed',
    slot,
    createdAt: now - 3 * DAY,
    updatedAt: now - 3 * DAY,
    ...more,
  }
}

function seed(emu: Emulator): void {
  const now = Date.now()
  // session 1 is on now, session 2 starts in an hour and a half (its check-in is open), session 3 next week
  live = [
    { id: 's1', startAt: now - HOUR, endAt: now + HOUR },
    { id: 's2', startAt: now + 90 * MINUTE, endAt: now + 4 * HOUR },
    { id: 's3', startAt: now + 7 * DAY, endAt: now + 7 * DAY + 3 * HOUR },
  ]
  const liveRows = [
    row(LIVE, XIAOLIN, '林晓', 's1-r1'),
    row(LIVE, WANG, '王堃', 's1-r2'),
    row(LIVE, AMEI, '梅丽', 's2-r2'),
    row(LIVE, CHEN, '陈一', 's2-r1'),
    row(LIVE, ZHAO, '赵四', 's3-r1'),
  ]
  // two weeks and one week ago, 09:00–12:00 China time: 小林 served both, hours confirmed
  const day = Math.floor((now + 8 * HOUR) / DAY) * DAY - 8 * HOUR + 9 * HOUR
  past = [
    { id: 's1', startAt: day - 14 * DAY, endAt: day - 14 * DAY + 3 * HOUR },
    { id: 's2', startAt: day - 7 * DAY, endAt: day - 7 * DAY + 3 * HOUR },
  ]
  const served = (session: CallSession, hours: number): Partial<SignUp> => ({
    status: 'attended',
    checkedInAt: session.startAt,
    checkedOutAt: session.endAt,
    hours,
    hoursConfirmedAt: session.endAt + DAY,
    hoursConfirmedBy: ORGANIZER,
  })
  const pastRows = [
    row(PAST, XIAOLIN, '林晓', 's1-r1', served(past[0], 3)),
    row(PAST, XIAOLIN, '林晓', 's2-r2', served(past[1], 2.5)),
  ]
  emu.store
    .collection('calls')
    .insert([
      sessionsCall(emu, LIVE, '三场植树日', live, liveRows),
      { ...sessionsCall(emu, PAST, '两场护林巡查', past, pastRows), status: 'closed' },
    ] as never)
  emu.store.collection('signups').insert([...liveRows, ...pastRows] as never)
}

/** A screenshot of the whole page at 375 px: the window made as tall as the page on screen scrolls. */
async function keep(name: string, page: Page): Promise<void> {
  if (!SCREENSHOTS) return
  mkdirSync(SCREENSHOTS, { recursive: true })
  const size = page.viewportSize() ?? { width: 375, height: 667 }
  const height = await page.evaluate(() =>
    Math.max(
      ...Array.from(document.querySelectorAll<HTMLElement>('.taro_page, body')).map((e) => e.scrollHeight),
    ),
  )
  await page.setViewportSize({ width: size.width, height: Math.min(height + 100, 6000) })
  await page.screenshot({ path: join(SCREENSHOTS, name) })
  await page.setViewportSize(size)
}

/** The same at twice the text size (the reader's font size), to look at: nothing is asserted. */
async function keepLarge(name: string, page: Page): Promise<void> {
  if (!SCREENSHOTS) return
  const style = await page.addStyleTag({ content: 'html { font-size: 32px }' })
  await page.waitForTimeout(300)
  await keep(name, page)
  await style.evaluate((node) => (node as unknown as { remove: () => void }).remove())
}

async function assertAccessible(page: Page, where: string, screenshot: string): Promise<void> {
  // let transitions and lazy images settle: axe reads computed colours
  await page.waitForTimeout(400)
  const violations = await axeViolations(page)
  assert.deepEqual(
    violations.map((v) => v.id),
    [],
    `${where}: serious or critical axe violations:\n${describeViolations(violations)}`,
  )
  await keep(screenshot, page)
}

/** What a scanner pointed at the organizer's screen reads: the QR element's pixels, decoded. */
async function scanQrOnScreen(page: Page): Promise<string> {
  const qr = onScreen(page, '#checkin-qr')
  await qr.waitFor()
  const png = PNG.sync.read(await qr.screenshot())
  const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  assert.ok(read, 'the QR on the check-in screen reads')
  return read.data
}

const signUp = (emu: Emulator, id: string) => emu.store.collection('signups').get(id) as unknown as SignUp

describe('a call of several sessions', () => {
  test(
    '签到: the organizer picks session 2 and its code checks a volunteer into session 2',
    { skip, timeout: 180_000 },
    async () => {
      assert.ok(emulator && browser)
      const emu = emulator
      const organizer = await (await phoneContext(browser, 'organizer')).newPage()
      const volunteer = await (await phoneContext(browser, 'volunteer2')).newPage()
      const pageErrors: string[] = []
      for (const page of [organizer, volunteer]) page.on('pageerror', (err) => pageErrors.push(String(err)))
      try {
        await organizer.goto(`${emu.url}/#/packages/ngo/checkin/index?callId=${LIVE}`)
        await textOnScreen(organizer, '三场植树日').waitFor()
        // it opens on the session running now, marked 当前, with its own people
        const first = onScreen(organizer, '#checkin-session-s1')
        await first.waitFor()
        assert.equal(await first.getAttribute('aria-pressed'), 'true')
        assert.equal((await first.innerText()).trim(), `${sessionLabel(live[0])} · 当前`)
        await onScreen(organizer, `#attendee-${signUpIdFor(LIVE, XIAOLIN, 's1-r1')}`).waitFor()
        await onScreen(organizer, '#checkin-code-session')
          .getByText(`仅限本场：${sessionLabel(live[0])}`)
          .waitFor()

        // session 2, chosen by keyboard: its list, its code
        const second = onScreen(organizer, '#checkin-session-s2')
        await second.focus()
        await organizer.keyboard.press('Enter')
        await onScreen(organizer, '#checkin-code-session')
          .getByText(`仅限本场：${sessionLabel(live[1])}`)
          .waitFor()
        assert.equal(await second.getAttribute('aria-pressed'), 'true')
        const ameiRow = onScreen(organizer, `#attendee-${signUpIdFor(LIVE, AMEI, 's2-r2')}`)
        await ameiRow.getByText(/后勤/).waitFor()
        await onScreen(organizer, `#attendee-${signUpIdFor(LIVE, CHEN, 's2-r1')}`).waitFor()
        assert.equal(
          await onScreen(organizer, `#attendee-${signUpIdFor(LIVE, XIAOLIN, 's1-r1')}`).count(),
          0,
          "session 1's people are not on session 2's list",
        )
        await textOnScreen(organizer, '本场名单 · 2').waitFor()
        await assertAccessible(organizer, 'the check-in screen of session 2', 'sessions-ngo-checkin.png')

        const code = await scanQrOnScreen(organizer)
        assert.match(code, new RegExp(`^c\\.${LIVE}\\.s2\\.in\\.`))
        await volunteer.goto(`${emu.url}/#/packages/volunteer/checkin/index?code=${encodeURIComponent(code)}`)
        const done = onScreen(volunteer, '#checkin-done')
        await done.getByText('签到成功').waitFor()
        await onScreen(volunteer, '#checkin-session')
          .getByText(`本场：${sessionLabel(live[1])} · 后勤`)
          .waitFor()
        assert.equal(signUp(emu, signUpIdFor(LIVE, AMEI, 's2-r2')).status, 'attended')
        await assertAccessible(
          volunteer,
          'the volunteer checked into session 2',
          'sessions-volunteer-checkin.png',
        )

        // the organizer's list of session 2 shows her checked in
        await ameiRow.getByText(/^已签到/).waitFor({ timeout: 15_000 })

        // 小林 holds a seat in session 1 only: her personal code on session 2's screen is refused, naming her
        // session, and records nothing; on session 1's screen it checks her into session 1
        const xiaolin = await (await phoneContext(browser, 'volunteer')).newPage()
        await xiaolin.goto(`${emu.url}/#/packages/volunteer/checkin/index`)
        // her rotating code, not the offline pass the page shows while that code is on its way (and, under load,
        // before it: the pass can arrive first)
        await onScreen(xiaolin, '#my-checkin-code').waitFor()
        const personal = (await onScreen(xiaolin, '.my-code__text').innerText()).trim()
        await xiaolin.context().close()
        const xiaolinRow = signUpIdFor(LIVE, XIAOLIN, 's1-r1')
        await onScreen(organizer, 'input#personal-code').fill(personal)
        await textOnScreen(organizer, '核验签到').click()
        await onScreen(organizer, 'body')
          .getByText(`此人报名的是 ${sessionLabel(live[0])}，不是本场（${sessionLabel(live[1])}）`)
          .waitFor()
        assert.equal(signUp(emu, xiaolinRow).status, 'confirmed')
        await onScreen(organizer, '#checkin-session-s1').click()
        await onScreen(organizer, `#attendee-${xiaolinRow}`).waitFor()
        await textOnScreen(organizer, '核验签到').click()
        await onScreen(organizer, `#attendee-${xiaolinRow}`)
          .getByText(/^已签到/)
          .waitFor()
        assert.equal(signUp(emu, xiaolinRow).status, 'attended')
        await onScreen(organizer, '#checkin-session-s2').click()
        await ameiRow.waitFor()
        await textOnScreen(organizer, '工时确认').click()
        // 工时确认 opens on the same session; 全部场次 lists every row with its session and role
        const hoursChip = onScreen(organizer, '#hours-session-s2')
        await hoursChip.waitFor()
        assert.equal(await hoursChip.getAttribute('aria-pressed'), 'true')
        await onScreen(organizer, `#hours-${signUpIdFor(LIVE, AMEI, 's2-r2')}`)
          .getByText('后勤')
          .waitFor()
        await assertAccessible(organizer, 'the hours page of session 2', 'sessions-ngo-hours.png')
        await onScreen(organizer, '#hours-session-all').click()
        await onScreen(organizer, `#hours-${signUpIdFor(LIVE, XIAOLIN, 's1-r1')}`)
          .getByText(`${sessionLabel(live[0])} · 植树`)
          .waitFor()

        // session 3 is next week: its code cannot be had yet, and the screen says why; its list is its own
        await organizer.goBack()
        await onScreen(organizer, '#checkin-session-s3').click()
        await textOnScreen(organizer, '本场名单 · 1').waitFor()
        await onScreen(organizer, `#attendee-${signUpIdFor(LIVE, ZHAO, 's3-r1')}`).waitFor()
        const closed = onScreen(organizer, '.checkin-code__blank').filter({ hasNotText: '正在生成' })
        await closed.waitFor()
        assert.equal(await onScreen(organizer, '#checkin-qr').count(), 0)
        await assertAccessible(
          organizer,
          'the check-in screen of a later session',
          'sessions-ngo-checkin-later.png',
        )
        await keepLarge('sessions-ngo-checkin-2x.png', organizer)
        assert.deepEqual(pageErrors, [])
      } finally {
        await organizer.context().close()
        await volunteer.context().close()
      }
    },
  )

  test(
    'the roster filtered by session and role shows the right people',
    { skip, timeout: 120_000 },
    async () => {
      assert.ok(emulator && browser)
      const emu = emulator
      const page = await (await phoneContext(browser, 'organizer')).newPage()
      const pageErrors: string[] = []
      page.on('pageerror', (err) => pageErrors.push(String(err)))
      const names = async () =>
        (await onScreen(page, '.roster-entry__name').allInnerTexts()).map((n) => n.trim()).sort()
      try {
        await page.goto(`${emu.url}/#/packages/ngo/roster/index?id=${LIVE}`)
        await textOnScreen(page, '已报名 5').waitFor()
        assert.deepEqual(await names(), ['林晓', '梅丽', '王堃', '赵四', '陈一'].sort())
        await onScreen(page, `#roster-${signUpIdFor(LIVE, ZHAO, 's3-r1')}`)
          .getByText(`${sessionLabel(live[2])} · 植树`)
          .waitFor()

        await onScreen(page, '#roster-session-s1').click()
        await textOnScreen(page, '已报名 2').waitFor()
        assert.deepEqual(await names(), ['林晓', '王堃'].sort())
        await page.getByRole('button', { name: '植树', exact: true }).press('Enter')
        await textOnScreen(page, '已报名 1').waitFor()
        assert.deepEqual(await names(), ['林晓'])
        assert.equal(await onScreen(page, '#roster-role-r1').getAttribute('aria-pressed'), 'true')
        // the export takes the same filter: one row, with its session and role
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          textOnScreen(page, '导出所选 Excel').click(),
        ])
        const book = new ExcelJS.Workbook()
        await book.xlsx.readFile(await download.path())
        const rows: string[][] = []
        book.worksheets[0].eachRow((r) =>
          rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))),
        )
        assert.deepEqual(rows[0].slice(0, 5), ['序号', '姓名', '手机号', '场次', '岗位'])
        assert.deepEqual(
          rows.slice(1).map((r) => [r[1], r[3], r[4]]),
          [['林晓', sessionLabel(live[0]), '植树']],
        )
        await assertAccessible(page, 'the roster filtered by session and role', 'sessions-ngo-roster.png')

        // the role alone, over every session
        await onScreen(page, '#roster-session-all').click()
        await textOnScreen(page, '已报名 3').waitFor()
        assert.deepEqual(await names(), ['林晓', '赵四', '陈一'].sort())

        // nobody does logistics in session 3: the page says so
        await onScreen(page, '#roster-session-s3').click()
        await onScreen(page, '#roster-role-r2').click()
        await textOnScreen(page, '所选场次和岗位里这里还没有人').waitFor()
        await assertAccessible(page, 'the roster filtered to nobody', 'sessions-ngo-roster-empty.png')
        await keepLarge('sessions-ngo-roster-2x.png', page)
        assert.deepEqual(pageErrors, [])
      } finally {
        await page.context().close()
      }
    },
  )

  test(
    '志愿时长 lists each session; the certificate and 证书查验 list both sessions served',
    { skip, timeout: 120_000 },
    async () => {
      assert.ok(emulator && browser)
      const emu = emulator
      const page = await (await phoneContext(browser, 'volunteer')).newPage()
      const pageErrors: string[] = []
      page.on('pageerror', (err) => pageErrors.push(String(err)))
      try {
        await page.goto(`${emu.url}/#/packages/volunteer/hours/index`)
        const first = onScreen(page, `#event-${signUpIdFor(PAST, XIAOLIN, 's1-r1')}`)
        const second = onScreen(page, `#event-${signUpIdFor(PAST, XIAOLIN, 's2-r2')}`)
        await first.getByText(`${sessionLabel(past[0])} · 植树`).waitFor()
        await first.getByText('3 小时').waitFor()
        await second.getByText(`${sessionLabel(past[1])} · 后勤`).waitFor()
        await second.getByText('2.5 小时').waitFor()
        await assertAccessible(page, '志愿时长 with sessions', 'sessions-volunteer-hours.png')
        await keepLarge('sessions-volunteer-hours-2x.png', page)

        await second.getByText(/志愿服务证明/).click()
        const list = onScreen(page, '#certificate-sessions')
        await list.getByText('服务场次 · 共 2 场').waitFor()
        await list.getByText(/ · 植树$/).waitFor()
        await list.getByText(/ · 后勤$/).waitFor()
        await textOnScreen(page, '累计 5.5 小时').waitFor()
        await onScreen(page, '#certificate-image img, img#certificate-image').waitFor({ timeout: 30_000 })
        await assertAccessible(page, 'the certificate of two sessions', 'sessions-volunteer-certificate.png')
        await keepLarge('sessions-volunteer-certificate-2x.png', page)

        await onScreen(page, '#certificate-verify').click()
        await onScreen(page, '#verify-verdict').getByText('真实有效').waitFor()
        const sessions = onScreen(page, '#verify-sessions')
        await sessions.getByText(/ · 植树，3 小时$/).waitFor()
        await sessions.getByText(/ · 后勤，2.5 小时$/).waitFor()
        await onScreen(page, '#verify-result').getByText('2 场，累计 5.5 小时').waitFor()
        await assertAccessible(page, '证书查验 of two sessions', 'sessions-volunteer-verify.png')
        await keepLarge('sessions-volunteer-verify-2x.png', page)
        assert.deepEqual(pageErrors, [])
      } finally {
        await page.context().close()
      }
    },
  )
})
