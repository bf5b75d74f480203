import { test } from 'node:test'
import assert from 'node:assert/strict'
import { noticeMessage } from '@core/messages/messages'
import { validateNotifyVolunteers } from '@core/messages/validate'
import { addressedStatuses, readsNotice } from '@core/messages/notices'
import { chinaDayKey, chinaDayStart } from '@core/shared/china-time'
import { makeCall, makeSignUp, NOW } from './fixtures'

const valid = { callId: 'trees', text: '  明早八点集合  ', audience: 'confirmed', requestId: 'tap1' }

test('a notice: trimmed text of 2–200 characters, an audience, a request id', () => {
  const ok = validateNotifyVolunteers(valid)
  assert.deepEqual(ok, { ok: true, value: { ...valid, text: '明早八点集合' } })
  assert.ok(validateNotifyVolunteers({ ...valid, text: '𠮷'.repeat(200) }).ok, 'characters, not UTF-16 units')
  const fieldsOf = (input: object) => {
    const result = validateNotifyVolunteers(input)
    return result.ok ? {} : result.fields
  }
  assert.equal(fieldsOf({ ...valid, text: ' 好 ' }).text, '通知至少2个字')
  assert.equal(fieldsOf({ ...valid, text: '好'.repeat(201) }).text, '通知不能超过200个字')
  assert.equal(fieldsOf({ ...valid, text: '   ' }).text, '请填写通知内容')
  assert.equal(fieldsOf({ ...valid, text: ['数组'] }).text, '通知应为文字')
  assert.ok(fieldsOf({ ...valid, audience: 'waitlisted' }).audience)
  assert.ok(fieldsOf({ ...valid, requestId: undefined }).requestId)
  assert.ok(fieldsOf({ ...valid, callId: '../x' }).callId)
  assert.equal(validateNotifyVolunteers('text').ok, false)
})

test('who a notice addresses and who reads it', () => {
  assert.deepEqual(addressedStatuses('confirmed'), ['confirmed', 'attended'])
  assert.deepEqual(addressedStatuses('all'), ['confirmed', 'attended', 'waitlisted'])
  assert.equal(readsNotice('waitlisted', 'confirmed'), false)
  assert.equal(readsNotice('waitlisted', 'all'), true)
  assert.equal(readsNotice('no_show', 'confirmed'), true)
  assert.equal(readsNotice('cancelled', 'all'), false)
})

test('the daily limit counts China days', () => {
  const midnight = Date.UTC(2026, 2, 11, 16, 0) // 2026-03-12 00:00 in China
  assert.equal(chinaDayKey(midnight - 1), '20260311')
  assert.equal(chinaDayKey(midnight), '20260312')
  assert.equal(chinaDayStart(midnight + 5 * 3_600_000), midnight)
  assert.equal(chinaDayStart(midnight - 1), midnight - 86_400_000)
})

test('a notice message: one per sign-up and notice, its note clipped to a thing field', () => {
  const call = makeCall()
  const signUp = makeSignUp()
  const text = '集合地点改到镇政府西门，请带好手套、水壶和防晒帽，谢谢大家'
  const m = noticeMessage(call, signUp, { _id: 'trees_20260312_1', text }, NOW)
  assert.equal(m._id, `notice_${signUp._id}_trees_20260312_1`)
  assert.equal(m.kind, 'notice')
  assert.equal(m.openid, signUp.openid)
  assert.equal(m.data.note, '集合地点改到镇政府西门，请带好手套、水…')
  assert.equal(Array.from(m.data.note).length, 20)
  assert.deepEqual(noticeMessage(call, signUp, { _id: 'trees_20260312_1', text }, NOW + 1)._id, m._id)
})
