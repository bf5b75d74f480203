// China time on any machine: the day, weekday and clock of a moment as read in China (UTC+8, no DST).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  chinaClock,
  chinaDayStart,
  chinaMonthDay,
  chinaWeekday,
  WEEKDAY_NAMES,
} from '@core/shared/china-time'

const HOUR = 3_600_000

test('a moment late in the UTC day is already the next day in China', () => {
  // 2026-03-13 17:30 UTC = 2026-03-14 01:30 in China, a Saturday
  const at = Date.UTC(2026, 2, 13, 17, 30)
  assert.equal(chinaMonthDay(at), '3月14日')
  assert.equal(chinaWeekday(at), 6)
  assert.equal(WEEKDAY_NAMES[chinaWeekday(at)], '周六')
  assert.equal(chinaClock(at), '01:30')
  assert.equal(chinaDayStart(at), Date.UTC(2026, 2, 14) - 8 * HOUR)
})

test('the weekday names start on Sunday, like getUTCDay', () => {
  assert.equal(WEEKDAY_NAMES.length, 7)
  // 2026-03-15 12:00 China time is a Sunday
  assert.equal(WEEKDAY_NAMES[chinaWeekday(Date.UTC(2026, 2, 15, 4))], '周日')
})
