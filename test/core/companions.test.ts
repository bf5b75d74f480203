// 同行人: the party a sign-up takes, the companions checked against the call's rule, and the call editor's rule.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  companionRuleText,
  partyOf,
  partyText,
  readCompanionRule,
  readCompanions,
} from '@core/calls/companions'
import { validateSignUpForm } from '@core/calls/validate'
import { validateCallForm } from '@core/calls/call-form'
import { rosterCounts, rosterSheet, toRoster } from '@core/calls/roster'
import type { CompanionRule } from '@core/model'
import type { FieldErrors } from '@core/shared/validation'

const FAMILY: CompanionRule = { max: 2, children: { minAge: 6, maxAge: 12 } }

test('a sign-up takes a place for the volunteer and one for each companion', () => {
  assert.equal(partyOf({}), 1)
  assert.equal(partyOf({ companions: [] }), 1)
  assert.equal(partyOf({ companions: [{}, {}] }), 3)
  assert.equal(partyOf({ party: 3 }), 3, 'an erased row keeps its party without the names')
  assert.equal(partyText(3), '共 3 人，占 3 个名额')
})

test('companions within the rule are kept, cleaned', () => {
  const errors: FieldErrors = {}
  const companions = readCompanions(
    [
      { name: ' 王芳 ', kind: 'adult', age: 40 },
      { name: '王小明', kind: 'child', age: 6 },
    ],
    FAMILY,
    errors,
  )
  assert.deepEqual(errors, {})
  assert.deepEqual(companions, [
    { name: '王芳', kind: 'adult' },
    { name: '王小明', kind: 'child', age: 6 },
  ])
  assert.deepEqual(readCompanions(undefined, undefined, errors), [])
  assert.deepEqual(readCompanions([], undefined, errors), [])
  assert.deepEqual(errors, {}, 'nobody along is fine on any call')
})

test('each bad companion is named under its own field', () => {
  const errors: FieldErrors = {}
  readCompanions(
    [
      { name: '', kind: 'adult' },
      { name: '王小明', kind: 'child', age: 13 },
    ],
    FAMILY,
    errors,
  )
  assert.deepEqual(errors, {
    'companions.0.name': '请填写第 1 位同行人的姓名',
    'companions.1.age': '儿童年龄需在 6–12 岁之间',
  })
  const tooMany: FieldErrors = {}
  readCompanions(Array.from({ length: 1e5 }), FAMILY, tooMany)
  assert.deepEqual(tooMany, { companions: '每人最多带 2 位同行人' })
  const none: FieldErrors = {}
  readCompanions([{ name: '王芳', kind: 'adult' }], undefined, none)
  assert.deepEqual(none, { companions: '本活动不能带同行人' })
  const adultsOnly: FieldErrors = {}
  readCompanions([{ name: '王小明', kind: 'child', age: 8 }], { max: 1 }, adultsOnly)
  assert.deepEqual(adultsOnly, { 'companions.0.kind': '本活动不能带儿童' })
})

test('the sign-up form carries the companions and does not mix their errors with the volunteer’s', () => {
  const form = {
    callId: 'trees',
    name: '',
    phone: '13800138000',
    privacyConsent: true,
    companions: [{ name: '', kind: 'adult' }],
  }
  const checked = validateSignUpForm(form, [], FAMILY)
  assert.ok(!checked.ok)
  assert.equal(checked.fields.name, '请填写姓名')
  assert.equal(checked.fields['companions.0.name'], '请填写第 1 位同行人的姓名')
  const good = validateSignUpForm(
    { ...form, name: '王强', companions: [{ name: '王芳', kind: 'adult' }] },
    [],
    FAMILY,
  )
  assert.ok(good.ok)
  assert.deepEqual(good.value.companions, [{ name: '王芳', kind: 'adult' }])
})

test('the call editor’s rule: 不允许, 1–9 people, children of a range', () => {
  const errors: FieldErrors = {}
  assert.equal(readCompanionRule(undefined, errors), undefined)
  assert.equal(readCompanionRule({ max: 0 }, errors), undefined)
  assert.deepEqual(readCompanionRule({ max: 2 }, errors), { max: 2 })
  assert.deepEqual(readCompanionRule({ max: 3, children: { minAge: 3, maxAge: 12 } }, errors), {
    max: 3,
    children: { minAge: 3, maxAge: 12 },
  })
  assert.deepEqual(errors, {})
  const bad: FieldErrors = {}
  readCompanionRule({ max: 10 }, bad)
  readCompanionRule({ max: 2, children: { minAge: 10, maxAge: 6 } }, bad)
  assert.deepEqual(bad, {
    'companions.max': '同行人数需为 1–9 人',
    'companions.maxAge': '最大年龄不能小于最小年龄',
  })
  assert.equal(companionRuleText(undefined), '不可带同行人')
  assert.equal(
    companionRuleText({ max: 2, children: { minAge: 3, maxAge: 12 } }),
    '每人最多可带 2 位同行人（含 3–12 岁儿童）',
  )
})

test('the call form keeps the rule', () => {
  const start = Date.UTC(2027, 0, 10)
  const checked = validateCallForm({
    ngoId: 'ngo-minqin',
    title: '亲子植树',
    description: '带孩子一起种树',
    city: '北京',
    address: '奥森公园',
    startAt: start,
    endAt: start + 3 * 3600_000,
    signupDeadline: start - 86400_000,
    capacity: 20,
    companions: { max: 2, children: { minAge: 6, maxAge: 12 } },
  })
  assert.ok(checked.ok, JSON.stringify(checked))
  assert.deepEqual(checked.value.companions, { max: 2, children: { minAge: 6, maxAge: 12 } })
})

test('the roster lists companions under their volunteer, counts people, and exports a row per person', () => {
  const base = {
    callId: 'trees',
    phone: '13800138000',
    answers: {},
    createdAt: Date.UTC(2026, 10, 1),
    updatedAt: Date.UTC(2026, 10, 1),
  }
  const entries = toRoster([
    {
      ...base,
      _id: 'trees_a',
      openid: 'a',
      name: '林晓',
      status: 'confirmed',
      companions: [
        { name: '林小树', kind: 'child', age: 8 },
        { name: '王芳', kind: 'adult' },
      ],
      party: 3,
    },
    {
      ...base,
      _id: 'trees_b',
      openid: 'b',
      name: '周峰',
      status: 'confirmed',
      createdAt: base.createdAt + 1,
    },
  ])
  assert.equal(entries[0].party, 3)
  assert.equal(rosterCounts(entries).confirmed, 4, 'people, not sign-ups')
  const { headers, rows } = rosterSheet([], entries, { session: false, role: false, companions: true })
  assert.deepEqual(headers.slice(0, 6), ['序号', '姓名', '身份', '同行于', '手机号', '状态'])
  assert.deepEqual(
    rows.map((row) => row.slice(0, 6)),
    [
      ['1', '林晓', '报名人', '', '13800138000', '已报名'],
      ['1.1', '林小树', '同行儿童（8 岁）', '林晓', '', '已报名'],
      ['1.2', '王芳', '同行成人', '林晓', '', '已报名'],
      ['2', '周峰', '报名人', '', '13800138000', '已报名'],
    ],
  )
  assert.ok(rows.every((row) => row.length === headers.length))
  const plain = rosterSheet([], entries)
  assert.equal(plain.rows.length, 2, 'a call without companions keeps one row per sign-up')
})
