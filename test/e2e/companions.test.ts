// 同行人 in the H5 build, in headless Chromium, against the local WeChat Cloud running the built `api` function: a
// family (an adult and two children) signing up on a call with 3 places left, a child's age outside the call's
// range refused under its field, and the roster listing the children under their parent; then a waiting pair
// promoted only once 2 places are free, while a single who joined after it is not promoted ahead of it.
// E2E_SCREENSHOTS=<folder> keeps pictures. Needs `dist/h5` and `dist/cloudfunctions`.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import type { Emulator } from '@emulator/index'
import { PERSONAS, type Persona } from '@core/shared/demo-personas'
import { signUpIdFor } from '@core/calls/slots'
import type { Call, SignUp } from '@core/model'
import { axeViolations } from './axe'
import {
  detailUrl,
  launchChromium,
  onScreen,
  phoneContext,
  startLocalCloud,
  textOnScreen,
  whyNotRunnable,
} from './harness'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const SCREENSHOTS = process.env.E2E_SCREENSHOTS

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

async function shoot(part: Locator, name: string): Promise<void> {
  if (SCREENSHOTS) await part.screenshot({ path: join(SCREENSHOTS, `${name}.png`) })
}

function openid(key: Persona['key']): string {
  const persona = PERSONAS.find((p) => p.key === key)
  assert.ok(persona)
  return persona.openid
}

/** An open call of 民勤治沙 in three days, allowing companions; `overrides` shape the case. */
function addCall(emu: Emulator, overrides: Partial<Call> & Pick<Call, '_id' | 'title'>): Call {
  const now = Date.now()
  const startAt = now + 3 * DAY
  const call: Call = {
    ngoId: 'rescue-minqin',
    description: '带上孩子，一起在沙漠边缘种下梭梭。',
    cover: '',
    tags: ['环保', '亲子'],
    city: '甘肃·民勤',
    address: '红崖山水库东侧治沙站',
    startAt,
    endAt: startAt + 4 * HOUR,
    signupDeadline: startAt - DAY,
    capacity: 10,
    waitlist: false,
    questions: [],
    status: 'open',
    confirmed: 0,
    waitlisted: 0,
    companions: { max: 3, children: { minAge: 4, maxAge: 12 } },
    createdAt: now - DAY,
    updatedAt: now - DAY,
    ...overrides,
  }
  emu.store.collection('calls').insert([call as unknown as Record<string, unknown>])
  return call
}

/** Someone holding a seat on `call` (its `confirmed` counter must already count them). */
function addSeat(emu: Emulator, call: Call, who: string, name: string): void {
  const signUp: SignUp = {
    _id: signUpIdFor(call._id, who),
    callId: call._id,
    openid: who,
    name,
    phone: '13912345678',
    answers: {},
    status: 'confirmed',
    createdAt: call.createdAt + HOUR,
    updatedAt: call.createdAt + HOUR,
  }
  emu.store.collection('signups').insert([signUp as unknown as Record<string, unknown>])
}

/** The `api` function as another phone calls it (a volunteer not among the personas). */
async function api(emu: Emulator, action: string, body: object, who: string): Promise<unknown> {
  const res = await fetch(`${emu.url}/functions/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': who },
    body: JSON.stringify({ action, ...body }),
  })
  const result = (await res.json()) as { ok: boolean; data?: unknown }
  assert.ok(result.ok, JSON.stringify(result))
  return result.data
}

function row(emu: Emulator, callId: string, who: string): SignUp | undefined {
  return emu.store.collection('signups').get(signUpIdFor(callId, who)) as SignUp | undefined
}

function counters(emu: Emulator, callId: string): [number, number] {
  const call = emu.store.collection('calls').get(callId) as unknown as Call
  return [call.confirmed, call.waitlisted]
}

async function fillVolunteer(page: Page): Promise<void> {
  await onScreen(page, 'input#name-input').fill('林晓')
  await onScreen(page, 'input#phone-input').fill('13800138000')
}

async function addCompanion(page: Page, index: number, name: string, child?: { age: string }): Promise<void> {
  await onScreen(page, '#add-companion').click()
  await onScreen(page, `input#companion-name-${index}`).fill(name)
  if (child) {
    await onScreen(page, `#companion-kind-${index} .choice`).filter({ hasText: '儿童' }).click()
    await onScreen(page, `input#companion-age-${index}`).fill(child.age)
  }
}

test(
  'a family of three signs up on a call with 3 places left and is listed together in the roster',
  { skip, timeout: 150_000 },
  async () => {
    assert.ok(emulator && browser)
    const emu = emulator
    const call = addCall(emu, {
      _id: 'cp-family',
      title: '亲子植树：梭梭林（同行人测试）',
      capacity: 5,
      confirmed: 2,
    })
    addSeat(emu, call, openid('volunteer2'), '梅丽')
    addSeat(emu, call, 'oTEST_companions_seated_0001', '周峰')

    const context = await phoneContext(browser, 'volunteer')
    const page = await context.newPage()
    const pageErrors: string[] = []
    page.on('pageerror', (err) => pageErrors.push(String(err)))
    try {
      await page.goto(detailUrl(emu, call._id))
      await textOnScreen(page, '当前身份：志愿者 小林').waitFor({ timeout: 20_000 })
      await textOnScreen(page, '仅剩 3 个名额').waitFor()
      await textOnScreen(page, '每人最多可带 3 位同行人（含 4–12 岁儿童）').waitFor()
      await onScreen(page, '#sign-up-button').click()

      await fillVolunteer(page)
      await textOnScreen(page, '共 1 人，占 1 个名额').waitFor()
      await addCompanion(page, 0, '林小树', { age: '8' })
      await addCompanion(page, 1, '林小苗', { age: '3' }) // younger than the call's range
      await textOnScreen(page, '共 3 人，占 3 个名额').waitFor()
      // a closed app loses nothing: the draft brings the companions back
      await page.reload()
      await onScreen(page, '#draft-restored').waitFor({ timeout: 20_000 })
      assert.equal(await onScreen(page, 'input#companion-name-0').inputValue(), '林小树')
      assert.equal(await onScreen(page, 'input#companion-name-1').inputValue(), '林小苗')
      assert.equal(await onScreen(page, 'input#companion-age-1').inputValue(), '3')
      await textOnScreen(page, '共 3 人，占 3 个名额').waitFor()
      await onScreen(page, '#privacy-consent').click()
      await onScreen(page, '#submit-sign-up').click()
      await textOnScreen(page, '儿童年龄需在 4–12 岁之间').waitFor()
      assert.equal(row(emu, call._id, openid('volunteer')), undefined, 'nothing was sent')
      await shoot(onScreen(page, '#field-companions'), 'companions-form-error')
      assert.deepEqual(await axeViolations(page), [], 'the form with companions is accessible')

      await onScreen(page, 'input#companion-age-1').fill('5')
      await onScreen(page, '#submit-sign-up').filter({ hasText: '提交报名' }).click()

      await onScreen(page, '.success-page__title').filter({ hasText: '报名成功' }).waitFor()
      const party = onScreen(page, '#success-party')
      await party.getByText('共 3 人，占 3 个名额').waitFor()
      await party.getByText('同行：林小树（儿童 8 岁）').waitFor()
      await party.getByText('同行：林小苗（儿童 5 岁）').waitFor()
      await shoot(onScreen(page, '.summary'), 'companions-success')

      const mine = row(emu, call._id, openid('volunteer'))
      assert.equal(mine?.status, 'confirmed')
      assert.equal(mine?.party, 3)
      assert.deepEqual(
        mine?.companions?.map((c) => [c.name, c.kind, c.age]),
        [
          ['林小树', 'child', 8],
          ['林小苗', 'child', 5],
        ],
      )
      assert.deepEqual(counters(emu, call._id), [5, 0], 'the three took the last 3 places')

      // the call's page now shows it full; 我的 shows who comes along
      await textOnScreen(page, '返回活动').click()
      await onScreen(page, '#spots').getByText('已报名 5/5').waitFor()
      await textOnScreen(page, '查看我的报名').click()
      await onScreen(page, `#signup-${call._id}`).getByText('共 3 人 · 同行：林小树、林小苗').waitFor()
      assert.deepEqual(pageErrors, [])
    } finally {
      await context.close()
    }

    // the organizer's roster lists the children under their parent, and counts people
    const organizer = await phoneContext(browser, 'organizer')
    const roster = await organizer.newPage()
    try {
      await roster.goto(`${emu.url}/#/packages/ngo/roster/index?id=${call._id}`)
      const entry = onScreen(roster, '.roster-entry').filter({ hasText: '林晓' })
      await entry.getByText('共 3 人（含同行人）').waitFor({ timeout: 20_000 })
      await entry.getByText('同行：林小树（儿童 8 岁）').waitFor()
      await entry.getByText('同行：林小苗（儿童 5 岁）').waitFor()
      await textOnScreen(roster, '已报名 5').waitFor()
      await shoot(entry, 'companions-roster')
      assert.deepEqual(await axeViolations(roster), [], 'the roster with companions is accessible')
    } finally {
      await organizer.close()
    }
  },
)

test(
  'a waiting pair is promoted only when 2 places are free, and a later single is not promoted ahead of it',
  { skip, timeout: 150_000 },
  async () => {
    assert.ok(emulator && browser)
    const emu = emulator
    const call = addCall(emu, {
      _id: 'cp-pair',
      title: '周末压沙（整组候补测试）',
      capacity: 3,
      confirmed: 3,
      waitlist: true,
      companions: { max: 2 },
    })
    const seated = ['oTEST_companions_seated_0002', 'oTEST_companions_seated_0003']
    addSeat(emu, call, openid('volunteer2'), '梅丽')
    addSeat(emu, call, seated[0], '周峰')
    addSeat(emu, call, seated[1], '吴桐')

    const context = await phoneContext(browser, 'volunteer')
    const page = await context.newPage()
    try {
      await page.goto(detailUrl(emu, call._id))
      await textOnScreen(page, '当前身份：志愿者 小林').waitFor({ timeout: 20_000 })
      await onScreen(page, '#sign-up-button').filter({ hasText: '加入候补' }).click()
      await fillVolunteer(page)
      await addCompanion(page, 0, '林森')
      // adults only on this call: no 成人/儿童 choice to make
      assert.equal(await onScreen(page, '#companion-kind-0').count(), 0)
      await textOnScreen(page, '共 2 人，占 2 个名额').waitFor()
      await onScreen(page, '#privacy-consent').click()
      await onScreen(page, '#submit-sign-up').filter({ hasText: '提交并加入候补' }).click()
      await onScreen(page, '.success-page__title').filter({ hasText: '已加入候补，第 1 位' }).waitFor()
      await textOnScreen(page, '空出的名额够你们全体时按顺序整组递补，递补成功后会通知你').waitFor()
      await onScreen(page, '#success-party').getByText('共 2 人一起候补').waitFor()
      assert.deepEqual(counters(emu, call._id), [3, 2])

      // a single volunteer joins after them, from another phone
      const later = 'oTEST_companions_later_00001'
      await api(
        emu,
        'signUp',
        { callId: call._id, name: '郑一', phone: '13700137000', privacyConsent: true },
        later,
      )
      assert.equal(row(emu, call._id, later)?.status, 'waitlisted')
      assert.deepEqual(counters(emu, call._id), [3, 3])

      // one place is given back: the pair does not fit, and the single behind them stays in the queue
      await api(emu, 'cancelSignUp', { callId: call._id }, seated[0])
      assert.equal(row(emu, call._id, openid('volunteer'))?.status, 'waitlisted')
      assert.equal(row(emu, call._id, later)?.status, 'waitlisted', 'not promoted ahead of the pair')
      assert.deepEqual(counters(emu, call._id), [2, 3])
      await page.goto(detailUrl(emu, call._id))
      await onScreen(page, '.action-bar').getByText('候补第 1 位', { exact: true }).waitFor()
      // the free place is held for the pair at the head of the queue: not offered to newcomers
      await onScreen(page, '#spots').getByText('已满 · 可候补').waitFor()
      await shoot(onScreen(page, '#spots'), 'companions-pair-waiting')

      // a second place: the pair moves up together, the single still waits
      await api(emu, 'cancelSignUp', { callId: call._id }, seated[1])
      assert.equal(row(emu, call._id, openid('volunteer'))?.status, 'confirmed')
      assert.equal(row(emu, call._id, later)?.status, 'waitlisted')
      assert.deepEqual(counters(emu, call._id), [3, 1])
      await page.goto(detailUrl(emu, call._id))
      await onScreen(page, '.action-bar').getByText('已确认', { exact: true }).waitFor()
      await textOnScreen(page, '由候补递补').waitFor()
      const promoted = emu.store.collection('messages').find({ kind: 'promoted', callId: call._id })
      assert.deepEqual(
        promoted.map((m) => m.openid),
        [openid('volunteer')],
      )
    } finally {
      await context.close()
    }
  },
)

test(
  "我的 → 志愿时长 shows a child's hours under the guardian's event, apart from the guardian's own total",
  { skip, timeout: 90_000 },
  async () => {
    assert.ok(emulator && browser)
    const emu = emulator
    const startAt = Date.now() - 10 * DAY
    const call = addCall(emu, {
      _id: 'cp-hours',
      title: '亲子护林（工时测试）',
      startAt,
      endAt: startAt + 3 * HOUR,
      signupDeadline: startAt - DAY,
      status: 'closed',
      confirmed: 2,
      createdAt: startAt - 5 * DAY,
    })
    const attended: SignUp = {
      _id: signUpIdFor(call._id, openid('volunteer')),
      callId: call._id,
      openid: openid('volunteer'),
      name: '林晓',
      phone: '13800138000',
      answers: {},
      status: 'attended',
      companions: [{ name: '林小树', kind: 'child', age: 8 }],
      party: 2,
      checkedInAt: startAt,
      checkedOutAt: startAt + 3 * HOUR,
      hours: 3,
      hoursConfirmedAt: startAt + 4 * HOUR,
      hoursConfirmedBy: openid('organizer'),
      createdAt: startAt - 2 * DAY,
      updatedAt: startAt + 4 * HOUR,
    }
    emu.store.collection('signups').insert([attended as unknown as Record<string, unknown>])

    const context = await phoneContext(browser, 'volunteer')
    const page = await context.newPage()
    try {
      await page.goto(`${emu.url}/#/packages/volunteer/hours/index`)
      const event = onScreen(page, `#event-${attended._id}`)
      await event.getByText('同行儿童：林小树（8 岁） · 3 小时').waitFor({ timeout: 20_000 })
      await shoot(event, 'companions-hours')
      assert.deepEqual(await axeViolations(page), [], 'the hours page with companions is accessible')
    } finally {
      await context.close()
    }
  },
)
