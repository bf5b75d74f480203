import { test } from 'node:test'
import assert from 'node:assert/strict'
import { encodeCursor } from '@core/shared/cursor'
import {
  validateCancelSignUp,
  validateGetCall,
  validateListCalls,
  validateMySignUps,
  validateSignUpForm,
} from '@core/calls/validate'
import type { Validation } from '@core/shared/validation'
import { NOW, QUESTIONS } from './fixtures'

const GOOD_FORM = {
  callId: 'mq-trees',
  name: '  林晓 ',
  phone: '138 0013 8000',
  answers: { planted: '没有', skills: ['拍照', '挖坑'], words: '  加油  ', city: '' },
  privacyConsent: true,
}

function fieldsOf<T>(result: Validation<T>): Record<string, string> {
  assert.equal(result.ok, false, 'expected the input to be refused')
  return result.ok ? {} : result.fields
}

function valueOf<T>(result: Validation<T>): T {
  if (!result.ok) assert.fail(`expected the input to pass: ${JSON.stringify(result.fields)}`)
  return result.value
}

test('a good sign-up form comes back clean: trimmed, digits only, empty optional answers left out', () => {
  const value = valueOf(validateSignUpForm({ ...GOOD_FORM, extra: 'ignored', openid: 'oForged' }, QUESTIONS))
  assert.deepEqual(value, {
    callId: 'mq-trees',
    name: '林晓',
    phone: '13800138000',
    answers: { planted: '没有', skills: ['挖坑', '拍照'], words: '加油' },
    privacyConsent: true,
    companions: [],
  })
})

test('missing required fields are each named', () => {
  const fields = fieldsOf(validateSignUpForm({}, QUESTIONS))
  assert.deepEqual(Object.keys(fields).sort(), [
    'answers.planted',
    'answers.skills',
    'callId',
    'name',
    'phone',
    'privacyConsent',
  ])
  assert.equal(fields.name, '请填写姓名')
  assert.equal(fields.phone, '请填写手机号')
  assert.equal(fields['answers.planted'], '请选择一项')
  assert.equal(fields['answers.skills'], '请至少选择一项')
})

test('names are 1 to 20 characters, counted as characters', () => {
  assert.equal(fieldsOf(validateSignUpForm({ ...GOOD_FORM, name: '   ' }, QUESTIONS)).name, '请填写姓名')
  assert.equal(
    valueOf(validateSignUpForm({ ...GOOD_FORM, name: '林'.repeat(20) }, QUESTIONS)).name,
    '林'.repeat(20),
  )
  assert.equal(
    fieldsOf(validateSignUpForm({ ...GOOD_FORM, name: '林'.repeat(21) }, QUESTIONS)).name,
    '姓名不能超过20个字',
  )
  assert.equal(
    valueOf(validateSignUpForm({ ...GOOD_FORM, name: '𠮷'.repeat(20) }, QUESTIONS)).name.length,
    40,
  )
})

test('phones must be mainland mobile numbers', () => {
  for (const phone of [
    '1380013800',
    '138001380000',
    '12800138000',
    '23800138000',
    '1380013800a',
    '+8613800138000',
  ]) {
    assert.equal(
      fieldsOf(validateSignUpForm({ ...GOOD_FORM, phone }, QUESTIONS)).phone,
      '请填写正确的11位手机号',
      phone,
    )
  }
  assert.equal(
    valueOf(validateSignUpForm({ ...GOOD_FORM, phone: '199-1234-5678' }, QUESTIONS)).phone,
    '19912345678',
  )
})

test('wrong types get a clear message, not a crash', () => {
  const fields = fieldsOf(
    validateSignUpForm(
      { callId: 42, name: ['林'], phone: 13800138000, answers: 'yes', privacyConsent: 'true' },
      QUESTIONS,
    ),
  )
  assert.equal(fields.callId, '活动编号应为文字')
  assert.equal(fields.name, '姓名应为文字')
  assert.equal(fields.phone, '手机号应为文字')
  assert.equal(fields.answers, '问题的回答格式不正确')
  assert.equal(fields.privacyConsent, '请阅读并同意隐私说明')
  assert.deepEqual(fieldsOf(validateSignUpForm(null, QUESTIONS)), { request: '请求格式不正确' })
  assert.deepEqual(fieldsOf(validateSignUpForm([GOOD_FORM], QUESTIONS)), { request: '请求格式不正确' })
})

test('privacy consent must be exactly true', () => {
  for (const privacyConsent of [false, 'true', 1, undefined]) {
    const fields = fieldsOf(validateSignUpForm({ ...GOOD_FORM, privacyConsent }, QUESTIONS))
    assert.deepEqual(Object.keys(fields), ['privacyConsent'], String(privacyConsent))
  }
})

test('answers are checked against the call’s own questions', () => {
  const withAnswers = (answers: unknown) => validateSignUpForm({ ...GOOD_FORM, answers }, QUESTIONS)
  const good = { planted: '没有', skills: ['浇水'] }
  assert.equal(fieldsOf(withAnswers({ ...good, ghost: 'x' }))['answers.ghost'], '活动没有这个问题')
  assert.equal(fieldsOf(withAnswers({ ...good, planted: '也许' }))['answers.planted'], '请从选项中选择')
  assert.equal(fieldsOf(withAnswers({ ...good, planted: ['没有'] }))['answers.planted'], '请选择一项')
  assert.equal(
    fieldsOf(withAnswers({ ...good, skills: ['浇水', '唱歌'] }))['answers.skills'],
    '请从选项中选择',
  )
  assert.equal(fieldsOf(withAnswers({ ...good, skills: '浇水' }))['answers.skills'], '回答格式不正确')
  assert.equal(fieldsOf(withAnswers({ ...good, skills: [] }))['answers.skills'], '请至少选择一项')
  assert.equal(fieldsOf(withAnswers({ ...good, city: '北'.repeat(11) }))['answers.city'], '不能超过10个字')
  assert.equal(fieldsOf(withAnswers({ ...good, city: 7 }))['answers.city'], '回答应为文字')
  assert.equal(
    fieldsOf(withAnswers({ ...good, words: '话'.repeat(1001) }))['answers.words'],
    '不能超过1000个字',
  )
  assert.deepEqual(valueOf(withAnswers({ ...good, skills: ['浇水', '浇水'], size: '' })).answers, good)
  assert.deepEqual(
    valueOf(withAnswers({ ...good, words: '话'.repeat(1000) })).answers.words,
    '话'.repeat(1000),
  )
})

test('a call without questions accepts no answers but an empty or missing set', () => {
  assert.deepEqual(valueOf(validateSignUpForm({ ...GOOD_FORM, answers: undefined }, [])).answers, {})
  assert.deepEqual(valueOf(validateSignUpForm({ ...GOOD_FORM, answers: {} }, [])).answers, {})
  assert.ok(fieldsOf(validateSignUpForm(GOOD_FORM, []))['answers.planted'])
})

test('a raw referrer openid is ignored, never passed on: only a referrer code credits anyone', () => {
  for (const referrer of ['oJUSHOU_demo_volunteer_amei0', 'x', 42, { $ne: 1 }]) {
    const value = valueOf(validateSignUpForm({ ...GOOD_FORM, referrer }, QUESTIONS))
    assert.equal('referrer' in value, false, JSON.stringify(referrer))
  }
})

test('getCall and cancelSignUp need a short id', () => {
  for (const validate of [validateGetCall, validateCancelSignUp]) {
    assert.deepEqual(valueOf(validate({ callId: 'mq-trees', other: 1 })), { callId: 'mq-trees' })
    assert.equal(fieldsOf(validate({})).callId, '缺少活动编号')
    assert.equal(fieldsOf(validate({ callId: 7 })).callId, '活动编号应为文字')
    assert.equal(fieldsOf(validate({ callId: { $gt: '' } })).callId, '活动编号应为文字')
    assert.equal(fieldsOf(validate({ callId: 'x'.repeat(33) })).callId, '活动编号无效')
    assert.equal(fieldsOf(validate({ callId: 'a/b' })).callId, '活动编号无效')
  }
})

test('mySignUps takes nothing but an object', () => {
  assert.deepEqual(valueOf(validateMySignUps({ action: 'mySignUps', openid: 'oForged' })), {})
  assert.equal(validateMySignUps('x').ok, false)
})

test('listCalls filters are cleaned and bounded', () => {
  assert.deepEqual(valueOf(validateListCalls({})), {})
  assert.deepEqual(
    valueOf(validateListCalls({ city: ' 北京 ', tag: '环保', keyword: '', from: NOW, to: NOW + 1 })),
    {
      city: '北京',
      tag: '环保',
      from: NOW,
      to: NOW + 1,
    },
  )
  const cursor = encodeCursor({ startAt: NOW, id: 'mq-trees' })
  assert.deepEqual(valueOf(validateListCalls({ cursor })).after, { startAt: NOW, id: 'mq-trees' })

  const fields = fieldsOf(
    validateListCalls({
      city: 3,
      tag: '签'.repeat(21),
      keyword: '词'.repeat(31),
      from: '2025-05-01',
      to: -1,
    }),
  )
  assert.equal(fields.city, '城市应为文字')
  assert.equal(fields.tag, '标签不能超过20个字')
  assert.equal(fields.keyword, '关键词不能超过30个字')
  assert.equal(fields.from, '开始日期应为数字')
  assert.equal(fields.to, '结束日期无效')
  assert.equal(fieldsOf(validateListCalls({ from: NOW, to: NOW })).to, '结束日期应晚于开始日期')
  assert.equal(fieldsOf(validateListCalls({ from: NaN })).from, '开始日期应为数字')
  assert.equal(fieldsOf(validateListCalls({ cursor: 'garbage' })).cursor, '分页标记无效，请刷新列表')
  assert.equal(fieldsOf(validateListCalls({ cursor: 12 })).cursor, '分页标记无效，请刷新列表')
})
