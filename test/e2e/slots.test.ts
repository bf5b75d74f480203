// A call of several sessions and roles in the H5 build, in headless Chromium, against the local WeChat Cloud running
// the built `api` function: the list card sums its places over its batches, the call's page lists every slot with
// its places, a volunteer picks several (one of them full: its waitlist) and signs up for all of them with one form,
// the success page says how each went, ticking a second role of a session replaces the first, and a seat given back from its
// row goes to the person waiting for that slot, as the page and the database show. axe-core checks the picker.
// Needs `dist/h5` and `dist/cloudfunctions`.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser, Page } from 'playwright-core'
import type { Emulator } from '@emulator/index'
import { PERSONAS, type Persona } from '@core/shared/demo-personas'
import { emptySlots, signUpIdFor, slotSpotsLeft, totalCapacity } from '@core/calls/slots'
import type { Call, CallRole, CallSession, SignUp } from '@core/model'
import { axeViolations, describeViolations } from './axe'
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

function openid(key: Persona['key']): string {
  const persona = PERSONAS.find((p) => p.key === key)
  assert.ok(persona)
  return persona.openid
}

const ROLES: CallRole[] = [
  { id: 'r1', name: '植树', description: '扎草方格、挖坑、栽苗、浇水', capacity: 20 },
  { id: 'r2', name: '后勤', description: '做饭、分发工具、拍照记录', capacity: 2 },
]

/**
 * 民勤治沙's three batches a week apart (each a day), 植树 20 and 后勤 2 places: 后勤 of the first batch is full with
 * one person waiting, 后勤 of the second has one place left; others hold a few seats. Counters agree with the rows.
 */
function addBatchCall(emu: Emulator): Call {
  const now = Date.now()
  const first = now + 5 * DAY
  const sessions: CallSession[] = [0, 1, 2].map((week) => ({
    id: `s${week + 1}`,
    startAt: first + week * 7 * DAY,
    endAt: first + week * 7 * DAY + 9 * HOUR,
  }))
  const base = { startAt: first, endAt: sessions[2].endAt, capacity: 0, sessions, roles: ROLES }
  const slots = emptySlots(base)
  assert.ok(slots)
  const rows: SignUp[] = []
  let n = 0
  const take = (slot: string, status: 'confirmed' | 'waitlisted') => {
    const person = `oFAKE_slots_test_${String(++n).padStart(11, '0')}`
    const at = now - DAY + n * HOUR
    rows.push({
      _id: signUpIdFor('slots-camp', person, slot),
      callId: 'slots-camp',
      openid: person,
      name: `志愿者${n}`,
      phone: `1390000${String(n).padStart(4, '0')}`,
      answers: {},
      status,
      slot,
      ...(status === 'waitlisted' ? { waitlistedAt: new Date(at) } : {}),
      createdAt: at,
      updatedAt: at,
    })
    slots[slot][status === 'confirmed' ? 'confirmed' : 'waitlisted'] += 1
  }
  take('s3-r2', 'confirmed')
  take('s3-r2', 'confirmed')
  take('s3-r2', 'waitlisted')
  take('s2-r2', 'confirmed')
  take('s1-r1', 'confirmed')
  take('s2-r1', 'confirmed')
  const sum = (field: 'confirmed' | 'waitlisted') => Object.values(slots).reduce((t, s) => t + s[field], 0)
  const call: Call = {
    _id: 'slots-camp',
    ngoId: 'rescue-minqin',
    title: '沙漠植树营（三批次测试）',
    description: '三批，每批一天，可以报名多批。',
    cover: '',
    tags: ['环保'],
    city: '甘肃·民勤',
    address: '红崖山水库东侧治沙站',
    startAt: first,
    endAt: sessions[2].endAt,
    signupDeadline: sessions[2].startAt - DAY,
    capacity: totalCapacity(slots),
    waitlist: true,
    questions: [],
    status: 'open',
    confirmed: sum('confirmed'),
    waitlisted: sum('waitlisted'),
    sessions,
    roles: ROLES,
    slots,
    maxSlotsPerPerson: 3,
    createdAt: now - 2 * DAY,
    updatedAt: now - 2 * DAY,
  }
  emu.store.collection('calls').insert([call as unknown as Record<string, unknown>])
  emu.store.collection('signups').insert(rows as unknown as Record<string, unknown>[])
  return call
}

/** Switches the H5 identity through the persona chip, as a person would (the app reloads). */
async function switchPersona(page: Page, label: string): Promise<void> {
  await onScreen(page, '#persona-chip').last().click()
  await onScreen(page, '.taro-actionsheet__cell').filter({ hasText: label }).click()
  await textOnScreen(page, `当前身份：${label}`).waitFor()
}

async function confirmDialog(page: Page, expected: string): Promise<void> {
  const dialog = onScreen(page, '.taro-modal__content')
  await dialog.getByText(expected, { exact: false }).waitFor()
  await dialog.locator('.taro-model__confirm').click()
  await dialog.waitFor({ state: 'hidden' })
}

async function fillForm(page: Page, name: string, phone: string): Promise<void> {
  await onScreen(page, 'input#name-input').fill(name)
  await onScreen(page, 'input#phone-input').fill(phone)
  await onScreen(page, '#privacy-consent').click()
}

function slotRow(page: Page, key: string) {
  return onScreen(page, `#slot-${key}`)
}

function storedCall(emu: Emulator, id: string): Call {
  const call = emu.store.collection('calls').get(id) as unknown as Call | undefined
  assert.ok(call)
  return call
}

test(
  'the list card of a call of three batches sums its places: 「3 个批次 · 还剩 N 个名额」',
  { skip, timeout: 60_000 },
  async () => {
    assert.ok(emulator && browser)
    const planting = storedCall(emulator, 'mq-spring-planting')
    const left = Object.values(planting.slots ?? {}).reduce((sum, slot) => sum + slotSpotsLeft(slot), 0)
    const context = await phoneContext(browser, 'volunteer')
    const page = await context.newPage()
    try {
      await page.goto(emulator.url + '/')
      const card = onScreen(page, '#call-mq-spring-planting')
      await card.waitFor({ timeout: 20_000 })
      await card.getByText(`3 个批次 · 还剩 ${left} 个名额`, { exact: true }).waitFor()
      // a call of one session keeps its words
      await onScreen(page, '#call-mq-trees').getByText('还剩 13 个名额', { exact: true }).waitFor()
    } finally {
      await context.close()
    }
  },
)

test(
  'a volunteer signs up for two slots and a full one’s waitlist with one form, gives one seat back, and the person waiting for it is promoted',
  { skip, timeout: 180_000 },
  async () => {
    assert.ok(emulator && browser)
    const emu = emulator
    const call = addBatchCall(emu)
    const context = await phoneContext(browser, 'volunteer')
    const page = await context.newPage()
    const pageErrors: string[] = []
    page.on('pageerror', (err) => pageErrors.push(String(err)))
    try {
      // 小林 opens the call: every slot with its places, nothing picked yet
      await page.goto(detailUrl(emu, call._id))
      await textOnScreen(page, '当前身份：志愿者 小林').waitFor({ timeout: 20_000 })
      await onScreen(page, '#slot-picker').waitFor()
      await textOnScreen(page, '可多选 · 每人最多报名 3 个场次').waitFor()
      await slotRow(page, 's3-r2').getByText('已满 · 可候补', { exact: true }).waitFor()
      await slotRow(page, 's2-r2').getByText('剩余 1 个名额', { exact: true }).waitFor()
      await slotRow(page, 's1-r1').getByText('剩余 19 个名额', { exact: true }).waitFor()
      await onScreen(page, '#sign-up-button').filter({ hasText: '请先选择场次' }).waitFor()

      // axe on the page with the picker, something ticked
      await slotRow(page, 's1-r1').click()
      assert.equal(await slotRow(page, 's1-r1').getAttribute('aria-checked'), 'true')
      await page.waitForTimeout(400)
      const violations = await axeViolations(page)
      assert.deepEqual(
        violations.map((v) => v.id),
        [],
        `the call's page with its slots: serious or critical axe violations:\n${describeViolations(violations)}`,
      )

      // two with places and a full one (its queue); a fourth is past the limit
      await slotRow(page, 's2-r2').click()
      await slotRow(page, 's3-r2').click()
      // one role per session: ticking 后勤 in batch one replaces its 植树, and back
      await slotRow(page, 's1-r2').click()
      assert.equal(await slotRow(page, 's1-r1').getAttribute('aria-checked'), 'false')
      await slotRow(page, 's1-r1').click()
      assert.equal(await slotRow(page, 's1-r2').getAttribute('aria-checked'), 'false')
      assert.equal(await slotRow(page, 's1-r1').getAttribute('aria-checked'), 'true')
      await textOnScreen(page, '其中 1 个场次已满，提交后加入候补，有人取消会按顺序自动递补').waitFor()
      await onScreen(page, '#sign-up-button').filter({ hasText: '报名所选 3 个场次' }).click()

      // the form lists what it signs up for, the full one marked
      const chosen = onScreen(page, '#chosen-slots')
      await chosen.getByText('报名场次 · 3 个', { exact: true }).waitFor()
      assert.equal(await chosen.locator('.chosen-slots__row').count(), 3)
      await chosen
        .locator('.chosen-slots__row')
        .filter({ hasText: '后勤' })
        .last() // batch three's, the full one
        .getByText('候补')
        .waitFor()
      await fillForm(page, '林晓', '13800138000')
      await onScreen(page, '#submit-sign-up').filter({ hasText: '提交报名（3 个场次）' }).click()

      // each slot's outcome
      await onScreen(page, '.success-page__title')
        .filter({ hasText: '报名成功' })
        .waitFor({ timeout: 30_000 })
      await onScreen(page, '#result-s1-r1').getByText('报名成功', { exact: true }).waitFor()
      await onScreen(page, '#result-s2-r2').getByText('报名成功', { exact: true }).waitFor()
      await onScreen(page, '#result-s3-r2').getByText('候补第 2 位', { exact: true }).waitFor()
      await textOnScreen(
        page,
        '2 个场次报名成功，1 个场次在候补。「民勤治沙」的组织者会通过手机号与你联系',
      ).waitFor()

      // the database: one row per slot, the slot counters and the call's sums moved together
      const rows = emu.store.collection('signups').find({ callId: call._id, openid: openid('volunteer') })
      assert.deepEqual(rows.map((row) => [row.slot, row.status]).sort(), [
        ['s1-r1', 'confirmed'],
        ['s2-r2', 'confirmed'],
        ['s3-r2', 'waitlisted'],
      ])
      let stored = storedCall(emu, call._id)
      assert.equal(stored.slots?.['s2-r2']?.confirmed, 2)
      assert.equal(stored.slots?.['s3-r2']?.waitlisted, 2)
      assert.equal(stored.confirmed, call.confirmed + 2)
      assert.equal(stored.waitlisted, call.waitlisted + 1)

      // back on the call: what 小林 holds is marked, the last place of 后勤 in batch two is gone
      await textOnScreen(page, '返回活动').click()
      await slotRow(page, 's1-r1').getByText('已报名', { exact: true }).waitFor()
      await slotRow(page, 's2-r2').getByText('已报名', { exact: true }).waitFor()
      await slotRow(page, 's3-r2').getByText('候补第 2 位', { exact: true }).waitFor()
      await slotRow(page, 's2-r2').getByText('已满 · 可候补', { exact: true }).waitFor()

      // 阿梅 joins the queue for 后勤 in batch two
      await switchPersona(page, '志愿者 阿梅')
      await page.goto(detailUrl(emu, call._id))
      await slotRow(page, 's2-r2').getByText('已满 · 可候补', { exact: true }).waitFor({ timeout: 20_000 })
      await slotRow(page, 's2-r2').click()
      await onScreen(page, '#sign-up-button').filter({ hasText: '报名所选 1 个场次' }).click()
      await fillForm(page, '梅丽', '13912345678')
      await onScreen(page, '#submit-sign-up').click()
      await onScreen(page, '.success-page__title')
        .filter({ hasText: '已加入候补' })
        .waitFor({ timeout: 30_000 })
      await onScreen(page, '#result-s2-r2').getByText('候补第 1 位', { exact: true }).waitFor()

      // 小林 gives back his seat in 后勤, batch two, from its row
      await switchPersona(page, '志愿者 小林')
      await page.goto(detailUrl(emu, call._id))
      await slotRow(page, 's2-r2').getByText('已报名', { exact: true }).waitFor({ timeout: 20_000 })
      await onScreen(page, '#cancel-s2-r2').click()
      await confirmDialog(page, '后勤 的报名吗？名额会让给其他志愿者。')
      // the page reads the call again: the seat went to 阿梅, so the slot is full again and 小林 could only queue
      await slotRow(page, 's2-r2').getByText('已报名', { exact: true }).waitFor({ state: 'detached' })
      await slotRow(page, 's2-r2').getByText('已满 · 可候补', { exact: true }).waitFor()
      assert.equal(await slotRow(page, 's2-r2').getAttribute('aria-checked'), 'false')
      await slotRow(page, 's1-r1').getByText('已报名', { exact: true }).waitFor()

      // the database: 小林's row cancelled, 阿梅 promoted, the counters unchanged in sum
      const mine = emu.store.collection('signups').get(signUpIdFor(call._id, openid('volunteer'), 's2-r2'))
      assert.equal(mine?.status, 'cancelled')
      const amei = emu.store.collection('signups').get(signUpIdFor(call._id, openid('volunteer2'), 's2-r2'))
      assert.equal(amei?.status, 'confirmed')
      assert.ok(typeof amei?.promotedAt === 'number')
      stored = storedCall(emu, call._id)
      assert.equal(stored.slots?.['s2-r2']?.confirmed, 2)
      assert.equal(stored.slots?.['s2-r2']?.waitlisted, 0)

      // 阿梅's page shows her seat
      await switchPersona(page, '志愿者 阿梅')
      await page.goto(detailUrl(emu, call._id))
      await slotRow(page, 's2-r2').getByText('已报名', { exact: true }).waitFor({ timeout: 20_000 })

      // 我的: one row per slot, named by its session and role
      await switchPersona(page, '志愿者 小林')
      await page.goto(`${emu.url}/#/pages/mine/index`)
      const row = onScreen(page, `#signup-${call._id}-s3-r2`)
      await row.waitFor({ timeout: 20_000 })
      await row.getByText('候补第 2 位', { exact: true }).waitFor()
      await row.locator('.signup-row__slot').filter({ hasText: '· 后勤' }).waitFor()
      await onScreen(page, `#signup-${call._id}-s1-r1`)
        .locator('.signup-row__slot')
        .filter({ hasText: '· 植树' })
        .waitFor()
      assert.equal(await onScreen(page, `#signup-${call._id}-s2-r2`).count(), 0)
      assert.deepEqual(pageErrors, [])
    } finally {
      await context.close()
    }
  },
)
