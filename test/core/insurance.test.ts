// 保险信息: the 居民身份证 check (GB 11643 check character, a real birth date not in the future), the other ID
// formats, masking, the call's setting, the consent text and the retention date.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  idCheckChar,
  idNumberProblem,
  insuranceConsentText,
  insuranceDeleteAfter,
  maskIdNumber,
  maskName,
  normalizeIdNumber,
  readInsuranceSetting,
  validateInsuranceForm,
} from '@core/privacy/insurance'
import type { FieldErrors } from '@core/shared/validation'

const NOW = Date.UTC(2026, 10, 30, 4) // 2026-11-30 12:00 China time
const DAY = 24 * 60 * 60 * 1000

test('a 居民身份证号 passes with the GB 11643 check character, an X one included', () => {
  assert.equal(idCheckChar('11010519491231002'), 'X', 'the standard example')
  for (const number of ['11010519491231002X', '62010219900307123X', '440304198501010013'])
    assert.equal(idNumberProblem('mainland', number, NOW), null, number)
})

test('a wrong check character, a bad length or an impossible birth date is refused', () => {
  assert.match(idNumberProblem('mainland', '440304198501010014', NOW) ?? '', /校验位/)
  assert.match(idNumberProblem('mainland', '110105194912310021', NOW) ?? '', /校验位/, 'X typed as 1')
  assert.match(idNumberProblem('mainland', '44030419850101001', NOW) ?? '', /18位/)
  assert.match(idNumberProblem('mainland', '4403041985010100X3', NOW) ?? '', /18位/)
  // 2月30日, 13月, 0日 and 1899: no such birthday (the check character is made right to test the date alone)
  for (const date of ['19900230', '19901301', '19900100', '18991231']) {
    const first17 = `440304${date}001`
    assert.match(idNumberProblem('mainland', first17 + idCheckChar(first17), NOW) ?? '', /出生日期/, date)
  }
  const leap = '440304200002290013'.slice(0, 17)
  assert.equal(idNumberProblem('mainland', leap + idCheckChar(leap), NOW), null, '2000-02-29 is real')
  const future = '44030420261201001'
  assert.match(idNumberProblem('mainland', future + idCheckChar(future), NOW) ?? '', /不能晚于今天/)
})

test('typed with spaces, dashes or a small x it is read as printed', () => {
  assert.equal(normalizeIdNumber(' 1101 0519 4912 3100-2x '), '11010519491231002X')
})

test('the other ID types have their formats', () => {
  assert.equal(idNumberProblem('hkmo', 'H12345678', NOW), null)
  assert.equal(idNumberProblem('hkmo', 'M1234567890', NOW), null)
  assert.notEqual(idNumberProblem('hkmo', 'A12345678', NOW), null)
  assert.equal(idNumberProblem('taiwan', '12345678', NOW), null)
  assert.notEqual(idNumberProblem('taiwan', '1234567', NOW), null)
  assert.equal(idNumberProblem('passport', 'E12345678', NOW), null)
  assert.notEqual(idNumberProblem('passport', 'E1', NOW), null)
})

test('masking keeps the first 4 and the last 4, a short number 2 and 2', () => {
  assert.equal(maskIdNumber('620102199003071234'), '6201**********1234')
  assert.equal(maskIdNumber('12345678'), '12****78')
  assert.equal(maskName('王小明'), '王**')
})

test('the call setting: off when nothing is asked, retention 1…180 days, 30 by default', () => {
  const errors: FieldErrors = {}
  assert.equal(readInsuranceSetting({ idNumber: false, emergencyContact: false }, errors), undefined)
  assert.deepEqual(readInsuranceSetting({ idNumber: true }, errors), {
    idNumber: true,
    emergencyContact: false,
    retentionDays: 30,
  })
  assert.deepEqual(errors, {})
  readInsuranceSetting({ idNumber: true, retentionDays: 181 }, errors)
  readInsuranceSetting({ idNumber: true, retentionDays: 0 }, errors)
  assert.match(errors['insurance.retentionDays'], /1 到 180/)
})

test('details are deleted the retention days after the last session ends', () => {
  const call = {
    startAt: NOW,
    endAt: NOW + 5 * DAY,
    sessions: [
      { id: 's1', startAt: NOW, endAt: NOW + DAY },
      { id: 's2', startAt: NOW + 4 * DAY, endAt: NOW + 5 * DAY },
    ],
    insurance: { idNumber: true, emergencyContact: true, retentionDays: 7 },
  }
  assert.equal(insuranceDeleteAfter(call), NOW + 12 * DAY)
  assert.equal(insuranceDeleteAfter({ startAt: NOW, endAt: NOW + DAY }), NOW + 31 * DAY)
})

test('the consent says what, why, who sees it and when it goes', () => {
  const text = insuranceConsentText({ idNumber: true, emergencyContact: true, retentionDays: 14 }).join('')
  for (const words of ['证件号码', '紧急联系人', '活动意外险', '仅机构负责人', '活动结束 14 天后自动删除'])
    assert.ok(text.includes(words), words)
})

test('the form: per-field errors in Chinese, consent required, only what the call asks', () => {
  const setting = { idNumber: true, emergencyContact: true, retentionDays: 30 }
  const bad = validateInsuranceForm(
    { idType: 'mainland', idNumber: '440304198501010014', emergencyName: '', emergencyPhone: '12' },
    setting,
    NOW,
  )
  assert.equal(bad.ok, false)
  if (!bad.ok) {
    assert.match(bad.fields['insurance.idNumber'], /校验位/)
    assert.match(bad.fields['insurance.emergencyName'], /紧急联系人姓名/)
    assert.match(bad.fields['insurance.emergencyPhone'], /不正确/)
    assert.match(bad.fields['insurance.consent'], /同意/)
  }
  const good = validateInsuranceForm(
    {
      idType: 'mainland',
      idNumber: '44030419850101001 3',
      emergencyName: '林大海',
      emergencyPhone: '139-0013-9000',
      consent: true,
    },
    setting,
    NOW,
  )
  assert.deepEqual(good, {
    ok: true,
    value: {
      idType: 'mainland',
      idNumber: '440304198501010013',
      emergencyName: '林大海',
      emergencyPhone: '13900139000',
    },
  })
  const onlyContact = validateInsuranceForm(
    { idNumber: 'ignored', emergencyName: '林大海', emergencyPhone: '+85291234567', consent: true },
    { ...setting, idNumber: false },
    NOW,
  )
  assert.deepEqual(onlyContact, {
    ok: true,
    value: { emergencyName: '林大海', emergencyPhone: '+85291234567' },
  })
})
