// Sessions made by repetition: the days a rule selects in China time, and every bad rule refused with a message.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { sessionsFromRule, validateRepeatRule } from '@core/calls/repeat'
import { MAX_SESSIONS } from '@core/calls/slots'
import type { RepeatRule } from '@core/model'

const HOUR = 3_600_000

/** A China wall-clock time as epoch ms, written without the code under test: UTC of the same digits, minus 8 h. */
function china(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute) - 8 * HOUR
}

const NINE = 9 * 60
const HALF_PAST_ELEVEN = 11 * 60 + 30

test('every Saturday 09:00–11:30 from a Wednesday, 8 times: the next 8 Saturdays, China time', () => {
  // 2026-03-11 is a Wednesday; 20:00 that day in China
  const rule: RepeatRule = {
    every: 'week',
    weekdays: [6],
    startMinute: NINE,
    endMinute: HALF_PAST_ELEVEN,
    from: china(2026, 3, 11, 20),
    count: 8,
  }
  const saturdays: [number, number][] = [
    [3, 14],
    [3, 21],
    [3, 28],
    [4, 4],
    [4, 11],
    [4, 18],
    [4, 25],
    [5, 2],
  ]
  assert.deepEqual(
    sessionsFromRule(rule),
    saturdays.map(([month, day], i) => ({
      id: `s${i + 1}`,
      startAt: china(2026, month, day, 9),
      endAt: china(2026, month, day, 11, 30),
    })),
  )
})

test('ids start at firstId, for sessions added after existing ones', () => {
  const rule: RepeatRule = {
    every: 'day',
    startMinute: 600,
    endMinute: 660,
    from: china(2026, 3, 11),
    count: 3,
  }
  assert.deepEqual(
    sessionsFromRule(rule, 5).map((s) => s.id),
    ['s5', 's6', 's7'],
  )
})

test('the China day of `from` counts, even when that moment is still the day before in UTC', () => {
  // 2026-03-14 01:00 in China is Friday 17:00 UTC: the Saturday is the first session
  const rule: RepeatRule = {
    every: 'week',
    weekdays: [6],
    startMinute: NINE,
    endMinute: HALF_PAST_ELEVEN,
    from: china(2026, 3, 14, 1),
    count: 1,
  }
  assert.deepEqual(sessionsFromRule(rule), [
    { id: 's1', startAt: china(2026, 3, 14, 9), endAt: china(2026, 3, 14, 11, 30) },
  ])
})

test("`until` includes its own China day, at any time on it; a session on `from`'s day counts too", () => {
  const rule: RepeatRule = {
    every: 'week',
    weekdays: [6],
    startMinute: NINE,
    endMinute: HALF_PAST_ELEVEN,
    from: china(2026, 3, 14, 23), // Saturday, late: its session is still made (it is the day that counts)
    until: china(2026, 3, 28, 0, 1), // a minute into the last Saturday
  }
  assert.deepEqual(
    sessionsFromRule(rule).map((s) => s.startAt),
    [china(2026, 3, 14, 9), china(2026, 3, 21, 9), china(2026, 3, 28, 9)],
  )
  const dayBefore = { ...rule, until: china(2026, 3, 27, 23, 59) }
  assert.equal(sessionsFromRule(dayBefore).length, 2)
})

test('every day until a date: one session a day, both ends included', () => {
  const rule: RepeatRule = {
    every: 'day',
    startMinute: 18 * 60,
    endMinute: 20 * 60,
    from: china(2026, 3, 30, 12),
    until: china(2026, 4, 2, 12),
  }
  assert.deepEqual(sessionsFromRule(rule), [
    { id: 's1', startAt: china(2026, 3, 30, 18), endAt: china(2026, 3, 30, 20) },
    { id: 's2', startAt: china(2026, 3, 31, 18), endAt: china(2026, 3, 31, 20) },
    { id: 's3', startAt: china(2026, 4, 1, 18), endAt: china(2026, 4, 1, 20) },
    { id: 's4', startAt: china(2026, 4, 2, 18), endAt: china(2026, 4, 2, 20) },
  ])
})

test('Tuesdays and Thursdays, across a month and a year boundary', () => {
  // 2025-12-25 is a Thursday; 2025-12-30 a Tuesday; 2026-01-01 a Thursday
  const rule: RepeatRule = {
    every: 'week',
    weekdays: [4, 2],
    startMinute: 14 * 60,
    endMinute: 16 * 60 + 15,
    from: china(2025, 12, 24),
    count: 5,
  }
  assert.deepEqual(
    sessionsFromRule(rule).map((s) => [s.startAt, s.endAt]),
    [
      [china(2025, 12, 25, 14), china(2025, 12, 25, 16, 15)],
      [china(2025, 12, 30, 14), china(2025, 12, 30, 16, 15)],
      [china(2026, 1, 1, 14), china(2026, 1, 1, 16, 15)],
      [china(2026, 1, 6, 14), china(2026, 1, 6, 16, 15)],
      [china(2026, 1, 8, 14), china(2026, 1, 8, 16, 15)],
    ],
  )
})

test('the first minute and the last minute of a China day', () => {
  const rule: RepeatRule = {
    every: 'day',
    startMinute: 0,
    endMinute: 1439,
    from: china(2026, 2, 28),
    count: 2,
  }
  assert.deepEqual(sessionsFromRule(rule), [
    { id: 's1', startAt: china(2026, 2, 28, 0), endAt: china(2026, 2, 28, 23, 59) },
    { id: 's2', startAt: china(2026, 3, 1, 0), endAt: china(2026, 3, 1, 23, 59) },
  ])
})

test('never more than MAX_SESSIONS, whatever the rule says', () => {
  const rule: RepeatRule = {
    every: 'day',
    startMinute: NINE,
    endMinute: HALF_PAST_ELEVEN,
    from: china(2026, 1, 1),
    until: china(2027, 1, 1),
  }
  const sessions = sessionsFromRule(rule)
  assert.equal(sessions.length, MAX_SESSIONS)
  assert.equal(sessions.at(-1)?.id, `s${MAX_SESSIONS}`)
  assert.deepEqual(sessionsFromRule({ ...rule, until: undefined, count: 500 }).length, MAX_SESSIONS)
  // a weekly rule with no day selects nothing (and stops walking)
  assert.deepEqual(sessionsFromRule({ ...rule, every: 'week', weekdays: [], until: undefined, count: 3 }), [])
})

// --- validation ---

const GOOD = {
  every: 'week',
  weekdays: [6, 2],
  startMinute: NINE,
  endMinute: HALF_PAST_ELEVEN,
  from: china(2026, 3, 11),
  count: 8,
}

function fieldsOf(input: unknown): Record<string, string> {
  const result = validateRepeatRule(input)
  assert.equal(result.ok, false, `accepted ${JSON.stringify(input)}`)
  return result.ok ? {} : result.fields
}

test('a good rule is accepted, weekdays sorted; a daily rule drops any weekdays', () => {
  assert.deepEqual(validateRepeatRule(GOOD), { ok: true, value: { ...GOOD, weekdays: [2, 6] } })
  const daily = { every: 'day', weekdays: [1], startMinute: 0, endMinute: 1439, from: 0, until: 0 }
  assert.deepEqual(validateRepeatRule({ ...daily, junk: 'ignored' }), {
    ok: true,
    value: { every: 'day', startMinute: 0, endMinute: 1439, from: 0, until: 0 },
  })
  const untilNull = { ...GOOD, until: null }
  assert.equal(validateRepeatRule(untilNull).ok, true, 'null is absent')
})

test('not an object', () => {
  for (const input of [null, undefined, 'week', 7, [GOOD]]) {
    assert.deepEqual(fieldsOf(input), { request: '请求格式不正确' })
  }
})

test('the way of repeating', () => {
  assert.deepEqual(fieldsOf({ ...GOOD, every: undefined }), { every: '请选择重复方式' })
  for (const every of ['month', 'Week', 7, { $ne: null }]) {
    assert.deepEqual(fieldsOf({ ...GOOD, every }), { every: '重复方式应为每天或每周' })
  }
})

test('weekdays for a weekly rule: some, each 0..6 once', () => {
  assert.deepEqual(fieldsOf({ ...GOOD, weekdays: [] }), { weekdays: '请选择每周哪几天' })
  assert.deepEqual(fieldsOf({ ...GOOD, weekdays: undefined }), { weekdays: '请选择每周哪几天' })
  for (const weekdays of [6, '6', { 0: 6 }]) {
    assert.deepEqual(fieldsOf({ ...GOOD, weekdays }), { weekdays: '每周哪几天应为一组数字' })
  }
  for (const weekdays of [[7], [-1], [1.5], ['6'], [null], [NaN], [{}]]) {
    assert.deepEqual(fieldsOf({ ...GOOD, weekdays }), { weekdays: '星期几应为 0（周日）到 6（周六）' })
  }
  assert.deepEqual(fieldsOf({ ...GOOD, weekdays: [6, 6] }), { weekdays: '星期几不能重复' })
})

test('start and end minutes: whole minutes of one day, the end after the start', () => {
  assert.deepEqual(fieldsOf({ ...GOOD, startMinute: undefined, endMinute: null }), {
    startMinute: '请选择开始时间',
    endMinute: '请选择结束时间',
  })
  assert.deepEqual(fieldsOf({ ...GOOD, startMinute: '540' }), { startMinute: '开始时间应为数字' })
  assert.deepEqual(fieldsOf({ ...GOOD, startMinute: { h: 9 } }), { startMinute: '开始时间应为数字' })
  assert.deepEqual(fieldsOf({ ...GOOD, startMinute: Infinity }), { startMinute: '开始时间应为数字' })
  assert.deepEqual(fieldsOf({ ...GOOD, startMinute: 540.5 }), { startMinute: '开始时间应为整数' })
  assert.deepEqual(fieldsOf({ ...GOOD, startMinute: -1 }), { startMinute: '开始时间无效' })
  assert.deepEqual(fieldsOf({ ...GOOD, endMinute: 1440 }), { endMinute: '结束时间无效' })
  assert.deepEqual(fieldsOf({ ...GOOD, endMinute: true }), { endMinute: '结束时间应为数字' })
  assert.deepEqual(fieldsOf({ ...GOOD, endMinute: NINE }), { endMinute: '结束时间应晚于开始时间' })
  assert.deepEqual(fieldsOf({ ...GOOD, endMinute: NINE - 1 }), { endMinute: '结束时间应晚于开始时间' })
})

test('from: a moment, required', () => {
  assert.deepEqual(fieldsOf({ ...GOOD, from: undefined }), { from: '请选择开始日期' })
  assert.deepEqual(fieldsOf({ ...GOOD, from: '2026-03-11' }), { from: '开始日期应为数字' })
  assert.deepEqual(fieldsOf({ ...GOOD, from: 1.5 }), { from: '开始日期应为整数' })
  assert.deepEqual(fieldsOf({ ...GOOD, from: -1 }), { from: '开始日期无效' })
  assert.deepEqual(fieldsOf({ ...GOOD, from: 2 ** 60 }), { from: '开始日期无效' })
})

test('until or count, exactly one', () => {
  assert.deepEqual(fieldsOf({ ...GOOD, count: undefined }), { until: '请选择结束日期或重复次数' })
  assert.deepEqual(fieldsOf({ ...GOOD, until: china(2026, 4, 30) }), {
    until: '结束日期和重复次数只能选一个',
  })
})

test('count: a whole number from 1 to MAX_SESSIONS', () => {
  const range = `重复次数应在1到${MAX_SESSIONS}次之间`
  assert.deepEqual(fieldsOf({ ...GOOD, count: 0 }), { count: range })
  assert.deepEqual(fieldsOf({ ...GOOD, count: -3 }), { count: range })
  assert.deepEqual(fieldsOf({ ...GOOD, count: MAX_SESSIONS + 1 }), { count: range })
  assert.deepEqual(fieldsOf({ ...GOOD, count: 2.5 }), { count: '重复次数应为整数' })
  assert.deepEqual(fieldsOf({ ...GOOD, count: '8' }), { count: '重复次数应为数字' })
  assert.deepEqual(fieldsOf({ ...GOOD, count: [8] }), { count: '重复次数应为数字' })
  assert.equal(validateRepeatRule({ ...GOOD, count: MAX_SESSIONS }).ok, true)
})

test('until: a moment not before the first day, making 1..MAX_SESSIONS sessions', () => {
  const noCount = { ...GOOD, count: undefined }
  assert.deepEqual(fieldsOf({ ...noCount, until: { date: 1 } }), { until: '结束日期应为数字' })
  assert.deepEqual(fieldsOf({ ...noCount, until: china(2026, 3, 10, 23, 59) }), {
    until: '结束日期不能早于开始日期',
  })
  // the same China day as from (earlier in it) is fine for a daily rule: one session
  const daily = { ...noCount, every: 'day', from: china(2026, 3, 11, 20), until: china(2026, 3, 11, 8) }
  assert.equal(validateRepeatRule(daily).ok, true)
  // Wednesday to Friday selects no Tuesday or Saturday
  assert.deepEqual(fieldsOf({ ...noCount, until: china(2026, 3, 13) }), {
    until: '这段日期里没有所选的星期几，请调整日期',
  })
  // Saturday 3-14, Tuesday 3-17, …: two a week, so the 60th is Tuesday 3-17 + 29 weeks = 10-06
  const lastOk = china(2026, 10, 6)
  const accepted = validateRepeatRule({ ...noCount, until: lastOk })
  assert.equal(accepted.ok && sessionsFromRule(accepted.value).length, MAX_SESSIONS)
  // Saturday 10-10 would be the 61st
  assert.deepEqual(fieldsOf({ ...noCount, until: china(2026, 10, 10) }), {
    until: `最多${MAX_SESSIONS}个批次，请提前结束日期`,
  })
})

test('every bad field is reported at once', () => {
  assert.deepEqual(fieldsOf({ every: 'week', weekdays: [9], startMinute: 'x', endMinute: -5, from: null }), {
    weekdays: '星期几应为 0（周日）到 6（周六）',
    startMinute: '开始时间应为数字',
    endMinute: '结束时间无效',
    from: '请选择开始日期',
    until: '请选择结束日期或重复次数',
  })
})
