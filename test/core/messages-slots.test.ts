// Messages about a sign-up speak of its slot: its session's time and place, its role's name; reminders fall due per
// session; a session's own edit and cancel have their own messages, one per sign-up and edit.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { emptySlots, signUpIdFor } from '@core/calls/slots'
import {
  cancelledMessage,
  changedMessage,
  noteFor,
  noticeMessage,
  promotedMessage,
  sessionCancelledMessage,
  sessionChangedMessage,
  slotFacts,
} from '@core/messages/messages'
import {
  dueSessions,
  reminderId,
  reminderMessage,
  reminderSession,
  staleReminderReason,
} from '@core/messages/reminders'
import { DEFAULT_TEMPLATES, templateData } from '@core/messages/templates'
import { formatChinaTime } from '@core/shared/china-time'
import type { Call, CallSession, Message } from '@core/model'
import { DAY, HOUR, makeCall, makeSignUp, NOW } from './fixtures'

const S1: CallSession = { id: 's1', startAt: NOW + 10 * DAY, endAt: NOW + 10 * DAY + 4 * HOUR }
const S2: CallSession = {
  id: 's2',
  startAt: NOW + 17 * DAY,
  endAt: NOW + 17 * DAY + 4 * HOUR,
  address: '民勤县红沙梁乡',
}
const S3: CallSession = { id: 's3', startAt: NOW + 24 * DAY, endAt: NOW + 24 * DAY + 4 * HOUR }

function seasonCall(overrides: Partial<Call> = {}): Call {
  const base = makeCall({
    startAt: S1.startAt,
    endAt: S3.endAt,
    sessions: [S1, S2, S3],
    roles: [
      { id: 'r1', name: '引导员', description: '', capacity: 4 },
      { id: 'r2', name: '后勤保障与物资发放组长', description: '', capacity: 2 },
    ],
    ...overrides,
  })
  return { ...base, slots: emptySlots(base) }
}

const inSlot = (slot: string) => makeSignUp({ _id: signUpIdFor('mq-trees', makeSignUp().openid, slot), slot })

function assertFits(message: Message): void {
  for (const [field, value] of Object.entries(message.data))
    if (field !== 'time') assert.ok([...value].length <= 20, `${field}: ${value}`)
  // every value as the template would send it: nothing clipped further
  const sent = templateData(DEFAULT_TEMPLATES.changed, message.data)
  for (const [keyword, source] of Object.entries(DEFAULT_TEMPLATES.changed.fields))
    assert.equal(sent[keyword].value, message.data[source] || '—')
}

test('a call of one session: the messages read as before (its own start and address, no role)', () => {
  const call = makeCall()
  const signUp = makeSignUp()
  assert.deepEqual(slotFacts(call, signUp), { startAt: call.startAt, place: '甘肃·民勤 民勤县西渠镇' })
  const promoted = promotedMessage(call, signUp, NOW)
  assert.deepEqual(promoted.data, {
    title: '民勤梭梭林植树志愿者招募',
    time: formatChinaTime(call.startAt),
    place: '甘肃·民勤 民勤县西渠镇',
    note: '候补成功，你已获得名额',
  })
  const reminder = reminderMessage(call, signUp, NOW)
  assert.equal(reminder._id, reminderId(signUp._id, call.startAt))
  assert.equal(reminder.data.note, '活动即将开始，请准时到达')
  assert.deepEqual(dueSessions(call, call.startAt - HOUR), [
    { id: 's1', startAt: call.startAt, endAt: call.endAt },
  ])
})

test('promoted, changed, cancelled, notice and reminder messages carry the slot’s session, place and role', () => {
  const call = seasonCall()
  const s2 = inSlot('s2-r1')
  const joined = new Date(NOW - HOUR)
  const promoted = promotedMessage(call, { ...s2, waitlistedAt: joined }, NOW)
  assert.equal(promoted._id, `promoted_${s2._id}_${joined.getTime()}`)
  assert.equal(promoted.data.time, formatChinaTime(S2.startAt), 'that session’s time, not the call’s first')
  assert.equal(promoted.data.place, '甘肃·民勤 民勤县红沙梁乡', 'the session’s own place')
  assert.equal(promoted.data.note, '引导员 · 候补成功，你已获得名额')

  const s3 = inSlot('s3-r2')
  const changed = changedMessage({ ...call, editVersion: 2 }, s3, NOW)
  assert.equal(changed.data.time, formatChinaTime(S3.startAt))
  assert.equal(changed.data.place, '甘肃·民勤 民勤县西渠镇', 'no place of its own: the call’s')
  assert.equal(changed.data.note, '后勤保障与物资发放组长 · 活动时间或…', 'a long role name cuts the note')

  const cancelled = cancelledMessage(call, s2, NOW, '沙尘暴预警')
  assert.equal(cancelled._id, `cancelled_${s2._id}`)
  assert.deepEqual(
    [cancelled.data.time, cancelled.data.place, cancelled.data.note],
    [formatChinaTime(S2.startAt), '甘肃·民勤 民勤县红沙梁乡', '沙尘暴预警'],
  )
  const notice = noticeMessage(call, s3, { _id: 'n1', text: '明早八点集合' }, NOW)
  assert.equal(notice.data.time, formatChinaTime(S3.startAt))
  assert.equal(notice.data.note, '明早八点集合')

  const reminder = reminderMessage(call, s2, NOW)
  assert.equal(reminder._id, reminderId(s2._id, S2.startAt))
  assert.equal(reminder.data.time, formatChinaTime(S2.startAt))
  assert.equal(reminder.data.note, '引导员 · 活动即将开始，请准时到达')
  for (const m of [promoted, changed, cancelled, notice, reminder]) assertFits(m)

  // a session's address naming its city is not prefixed again; a sign-up of no session of the call reads the call
  const named = seasonCall({ sessions: [S1, { ...S2, address: '甘肃·民勤 红沙梁乡' }, S3] })
  assert.equal(slotFacts(named, s2).place, '甘肃·民勤 红沙梁乡')
  assert.equal(slotFacts(call, inSlot('s9-r1')).startAt, call.startAt)
  assert.equal(noteFor('短'), '短')
})

test('a session’s own edit: one message per sign-up and edit version, with the session as edited', () => {
  const call = seasonCall()
  const signUp = inSlot('s2-r1')
  const moved: CallSession = { ...S2, startAt: S2.startAt + 2 * HOUR, endAt: S2.endAt + 2 * HOUR }
  const first = sessionChangedMessage(call, moved, signUp, 5, NOW)
  assert.equal(first._id, `changed_${signUp._id}_s2_v5`)
  assert.equal(first.kind, 'changed')
  assert.equal(first.data.time, formatChinaTime(moved.startAt), 'the new time, not the stored call’s')
  assert.equal(first.data.place, '甘肃·民勤 民勤县红沙梁乡')
  assert.equal(first.data.note, '引导员 · 本场时间或地点有变动')
  assert.equal(sessionChangedMessage(call, moved, signUp, 5, NOW + HOUR)._id, first._id, 'a retry: the same')
  assert.notEqual(sessionChangedMessage(call, moved, signUp, 6, NOW)._id, first._id, 'a later edit: another')
  assert.notEqual(
    first._id,
    changedMessage({ ...call, editVersion: 5 }, signUp, NOW)._id,
    'never the whole call’s',
  )
  // the session s1 of a call of one session keeps the old sign-up id: its message ids still differ
  const plain = makeCall()
  assert.equal(
    sessionChangedMessage(
      plain,
      { id: 's1', startAt: plain.startAt, endAt: plain.endAt },
      makeSignUp(),
      1,
      NOW,
    )._id,
    `changed_${makeSignUp()._id}_s1_v1`,
  )
  assertFits(first)
})

test('a session’s cancel: one message per sign-up, the reason or 「本场活动已取消」', () => {
  const call = seasonCall()
  const signUp = inSlot('s3-r1')
  const told = sessionCancelledMessage(call, S3, signUp, '  ', NOW)
  assert.equal(told._id, `cancelled_${signUp._id}_s3`)
  assert.equal(told.kind, 'cancelled')
  assert.equal(told.data.time, formatChinaTime(S3.startAt))
  assert.equal(told.data.note, '引导员 · 本场活动已取消')
  assert.equal(sessionCancelledMessage(call, S3, signUp, '场地临时关闭', NOW + 1)._id, told._id)
  assert.equal(sessionCancelledMessage(call, S3, signUp, '场地临时关闭', NOW).data.note, '场地临时关闭')
  assert.notEqual(told._id, cancelledMessage(call, signUp, NOW)._id, 'never the whole call’s')
  assertFits(sessionCancelledMessage(call, S3, signUp, '因'.repeat(40), NOW))
})

test('reminders fall due per session, not for a cancelled one, and go stale when it moves or is cancelled', () => {
  const call = seasonCall({ sessions: [S1, S2, { ...S3, cancelledAt: NOW }] })
  assert.deepEqual(dueSessions(call, S1.startAt - DAY - 1), [])
  assert.deepEqual(
    dueSessions(call, S1.startAt - DAY).map((s) => s.id),
    ['s1'],
  )
  assert.deepEqual(
    dueSessions(call, S2.startAt - 1).map((s) => s.id),
    ['s2'],
  )
  assert.deepEqual(dueSessions(call, S3.startAt - HOUR), [], 'cancelled')
  assert.deepEqual(
    dueSessions({ ...call, reminderLeadHours: 2 }, S2.startAt - 3 * HOUR),
    [],
    'the call’s lead for every session',
  )
  assert.equal(reminderSession(call, inSlot('s2-r2'))?.id, 's2')
  assert.equal(reminderSession(call, inSlot('s7-r2')), undefined)
  assert.equal(reminderSession(makeCall(), makeSignUp())?.id, 's1')

  const signUp = inSlot('s2-r1')
  const id = reminderId(signUp._id, S2.startAt)
  const due = S2.startAt - HOUR
  assert.equal(staleReminderReason(id, signUp, call, due), '')
  assert.match(staleReminderReason(id, { ...signUp, status: 'cancelled' }, call, due), /no longer confirmed/)
  assert.match(staleReminderReason(id, signUp, { ...call, status: 'cancelled' }, due), /no longer on/)
  assert.match(staleReminderReason(id, signUp, call, S2.startAt), /started/)
  const moved = { ...call, sessions: [S1, { ...S2, startAt: S2.startAt + HOUR }, S3] }
  assert.match(staleReminderReason(id, signUp, moved, due), /moved/)
  const off = { ...call, sessions: [S1, { ...S2, cancelledAt: NOW }, S3] }
  assert.match(staleReminderReason(id, signUp, off, due), /session was cancelled/)
})
