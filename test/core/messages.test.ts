import { test } from 'node:test'
import assert from 'node:assert/strict'
import { changesOf, checkEditedCall, validateUpdateCall } from '@core/calls/call-edit'
import { cancelledMessage, changedMessage, fitText, promotedMessage } from '@core/messages/messages'
import { formatChinaTime } from '@core/shared/china-time'
import { isLateDropOut, lateFrom } from '@core/calls/rules'
import { HOUR, makeCall, makeSignUp, NOW } from './fixtures'

test('texts are cut to what a thing field takes, counted as characters', () => {
  assert.equal(fitText('短标题'), '短标题')
  assert.equal(fitText('长'.repeat(21)), '长'.repeat(19) + '…')
  assert.equal([...fitText('𠮷'.repeat(30))].length, 20)
})

test('times read in China time whatever the server’s zone', () => {
  assert.equal(formatChinaTime(Date.UTC(2025, 4, 1, 0, 30)), '2025-05-01 08:30')
  assert.equal(formatChinaTime(Date.UTC(2025, 11, 31, 16, 5)), '2026-01-01 00:05')
})

test('message ids say what they report: one per promotion, per edit version, per cancelled sign-up', () => {
  const call = makeCall({ address: '甘肃省武威市民勤县西渠镇治沙点很远很远的地方' })
  const joined = new Date(NOW - HOUR)
  const promoted = promotedMessage(call, makeSignUp({ waitlistedAt: joined }), NOW)
  assert.equal(promoted._id, `promoted_${makeSignUp()._id}_${joined.getTime()}`)
  assert.equal(promoted.status, 'pending')
  assert.equal(promoted.sendAt, NOW)
  assert.equal(promoted.openid, makeSignUp().openid)
  assert.equal(
    changedMessage({ ...call, editVersion: 3 }, makeSignUp(), NOW)._id,
    `changed_${makeSignUp()._id}_v3`,
  )
  const cancelled = cancelledMessage(call, makeSignUp(), NOW)
  assert.equal(cancelled._id, `cancelled_${makeSignUp()._id}`)
  assert.equal(cancelled.data.note, '活动已取消')
  for (const message of [promoted, cancelled])
    for (const value of Object.values(message.data)) assert.ok([...value].length <= 20, value)
})

test('a late drop-out is a cancel at or after the cutoff; no cutoff, never late', () => {
  const start = NOW + 48 * HOUR
  assert.equal(isLateDropOut(makeCall(), start, NOW), false)
  assert.equal(isLateDropOut(makeCall({ cancelCutoff: NOW }), start, NOW), true)
  assert.equal(isLateDropOut(makeCall({ cancelCutoff: NOW + 1 }), start, NOW), false)
})

test('a lead in hours makes each session late on its own: 24 hours before that session, whatever the cutoff', () => {
  const call = makeCall({ cancelLeadHours: 24, cancelCutoff: NOW - HOUR })
  assert.equal(isLateDropOut(call, NOW + 24 * HOUR, NOW), true, 'exactly 24 hours before')
  assert.equal(isLateDropOut(call, NOW + 24 * HOUR + 1, NOW), false)
  assert.equal(isLateDropOut(call, NOW + 7 * 24 * HOUR, NOW), false, 'a session a week away')
  assert.equal(lateFrom(call, NOW + 30 * HOUR), NOW + 6 * HOUR)
  assert.equal(lateFrom(makeCall({ cancelCutoff: NOW }), NOW + 30 * HOUR), NOW)
  assert.equal(lateFrom(makeCall(), NOW + 30 * HOUR), undefined)
})

test('an edit is cleaned, checked against the call, and reduced to what really changes', () => {
  const call = makeCall({ confirmed: 12 })
  const edit = validateUpdateCall({ callId: call._id, address: ' 新地址 ', capacity: 30, cancelCutoff: null })
  assert.ok(edit.ok)
  if (!edit.ok) return
  const changes = changesOf(call, edit.value)
  assert.deepEqual(changes, { set: { address: '新地址' }, remove: [], timeOrPlace: true })
  assert.deepEqual(checkEditedCall(call, { callId: call._id, capacity: 11 }, NOW), {
    capacity: '名额不能少于已报名的 12 人',
  })
  assert.ok(checkEditedCall(call, { callId: call._id, endAt: call.startAt }, NOW).endAt)
  assert.deepEqual(changesOf(call, { callId: call._id, startAt: call.startAt }).set, {})
  const bad = validateUpdateCall({ callId: call._id, startAt: -1, capacity: 0, location: { lat: 'x' } })
  assert.deepEqual(Object.keys(bad.ok ? {} : bad.fields).sort(), ['capacity', 'location', 'startAt'])
  assert.equal(validateUpdateCall({ callId: call._id }).ok, false, 'nothing to change')
})
