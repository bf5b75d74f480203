import { test } from 'node:test'
import assert from 'node:assert/strict'
import { calendarEntry, icsText } from '@core/calls/calendar'
import { isReminderDue, reminderDueAt, reminderId } from '@core/messages/reminders'
import { DEFAULT_TEMPLATES, templateData, templateKindOf } from '@core/messages/templates'

const HOUR = 3_600_000
const START = Date.UTC(2026, 4, 11, 1, 0) // 09:00 in China

test('a reminder falls due at the lead before the start and stays due until the start', () => {
  assert.equal(reminderDueAt({ startAt: START }), START - 24 * HOUR)
  assert.equal(reminderDueAt({ startAt: START, reminderLeadHours: 2 }), START - 2 * HOUR)
  assert.equal(isReminderDue({ startAt: START }, START - 24 * HOUR - 1), false)
  assert.equal(isReminderDue({ startAt: START }, START - 24 * HOUR), true)
  assert.equal(isReminderDue({ startAt: START }, START), false)
  assert.notEqual(
    reminderId('c_o', START),
    reminderId('c_o', START + HOUR),
    'a moved start is a new reminder',
  )
})

test('template values are clipped to WeChat’s limits by keyword type', () => {
  const template = {
    id: 't',
    title: 'x',
    fields: { thing1: 'title', phrase2: 'state', character_string3: 'code', time4: 'time', thing5: 'none' },
  }
  const data = templateData(template, {
    title: '一二三四五六七八九十一二三四五六七八九十一二',
    state: '已报名成功了啊',
    code: 'ab c-1'.repeat(10),
    time: '2026-05-11 09:00',
  })
  assert.equal([...data.thing1.value].length, 20)
  assert.ok(data.thing1.value.endsWith('…'))
  assert.equal(data.phrase2.value, '已报名成功')
  assert.equal(data.character_string3.value.length, 32)
  assert.doesNotMatch(data.character_string3.value, /\s/)
  assert.equal(data.time4.value, '2026-05-11 09:00')
  assert.equal(data.thing5.value, '—', 'WeChat refuses an empty value')
  assert.equal(templateKindOf('reminder'), 'starting')
  assert.equal(DEFAULT_TEMPLATES[templateKindOf('cancelled')].title, '活动变更/取消通知')
})

test('the calendar file has the call’s times in UTC, its place, an alarm, and folded lines', () => {
  const entry = calendarEntry({
    _id: 'mq-trees',
    title: '民勤梭梭林植树志愿者招募，一起去沙漠边缘种下第一棵梭梭',
    city: '甘肃·民勤',
    address: '民勤县西渠镇',
    startAt: START,
    endAt: START + 8 * HOUR,
  })
  const ics = icsText(entry, START - 24 * HOUR)
  assert.match(ics, /DTSTART:20260511T010000Z\r\n/)
  assert.match(ics, /DTEND:20260511T090000Z\r\n/)
  assert.match(ics, /LOCATION:甘肃·民勤 民勤县西渠镇\r\n/)
  assert.match(ics, /TRIGGER:-PT120M/)
  assert.ok(ics.replace(/\r\n /g, '').includes(`SUMMARY:${entry.title}\r\n`), 'a long title unfolds whole')
  for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, line)
})
