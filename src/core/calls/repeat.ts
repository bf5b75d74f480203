// Sessions made by repetition (「每周六 09:00–11:30，共 8 次」): the rule the organizer picks, the sessions it
// makes, and the rule checked as the form and the server read it. Days are China days (UTC+8, no DST).
import type { CallSession, RepeatRule } from '@core/model'
import { chinaDayStart, chinaWeekday, DAY_MS } from '@core/shared/china-time'
import {
  asInput,
  type FieldErrors,
  finish,
  type Input,
  notAnObject,
  type Validation,
} from '@core/shared/validation'
import { MAX_SESSIONS } from './slots'

const MINUTE_MS = 60_000
const LAST_MINUTE = 24 * 60 - 1

/**
 * The sessions a rule makes, ids `s<firstId>`, `s<firstId + 1>`, …: on each day it selects from `from`'s China day,
 * up to `until`'s China day (inclusive) or `count` sessions, never more than MAX_SESSIONS.
 */
export function sessionsFromRule(rule: RepeatRule, firstId = 1): CallSession[] {
  return generate(rule, MAX_SESSIONS, firstId)
}

function generate(rule: RepeatRule, limit: number, firstId: number): CallSession[] {
  const weekdays = rule.every === 'week' ? new Set(rule.weekdays ?? []) : undefined
  const max = Math.min(limit, rule.count ?? limit)
  const lastDay = rule.until === undefined ? Infinity : chinaDayStart(rule.until)
  const sessions: CallSession[] = []
  const first = chinaDayStart(rule.from)
  // a weekly rule adds a session at least every 7 days, so 7 × max days is enough, whatever `until` is (and a
  // moment past Date's range, whose weekday is NaN, cannot walk forever)
  const stop = Math.min(lastDay, first + 7 * max * DAY_MS)
  for (let day = first; sessions.length < max && day <= stop; day += DAY_MS) {
    if (weekdays && !weekdays.has(chinaWeekday(day))) continue
    sessions.push({
      id: `s${firstId + sessions.length}`,
      startAt: day + rule.startMinute * MINUTE_MS,
      endAt: day + rule.endMinute * MINUTE_MS,
    })
  }
  return sessions
}

/** A repetition rule from untrusted input: each bad field gets its own message; weekdays come back sorted. */
export function validateRepeatRule(value: unknown): Validation<RepeatRule> {
  const input = asInput(value)
  if (!input) return notAnObject()
  const errors: FieldErrors = {}

  const every = input.every
  if (every === undefined || every === null || every === '') errors.every = '请选择重复方式'
  else if (every !== 'day' && every !== 'week') errors.every = '重复方式应为每天或每周'

  // `weekdays` is read only for a weekly rule; a daily one ignores it (a form may keep the last choice)
  let weekdays: number[] | undefined
  if (every === 'week') weekdays = readWeekdays(input.weekdays, errors)

  const minute = { min: 0, max: LAST_MINUTE }
  const startMinute = readInteger(input, 'startMinute', '开始时间', minute, errors, '请选择开始时间')
  const endMinute = readInteger(input, 'endMinute', '结束时间', minute, errors, '请选择结束时间')
  if (startMinute !== undefined && endMinute !== undefined && endMinute <= startMinute) {
    errors.endMinute = '结束时间应晚于开始时间'
  }

  const moment = { min: 0, max: Number.MAX_SAFE_INTEGER }
  const from = readInteger(input, 'from', '开始日期', moment, errors, '请选择开始日期')
  const until = readInteger(input, 'until', '结束日期', moment, errors)
  const count = readInteger(input, 'count', '重复次数', { min: 1, max: MAX_SESSIONS }, errors)
  const hasUntil = !isAbsent(input.until)
  const hasCount = !isAbsent(input.count)
  if (!hasUntil && !hasCount) errors.until = '请选择结束日期或重复次数'
  else if (hasUntil && hasCount) errors.until = '结束日期和重复次数只能选一个'
  else if (until !== undefined && from !== undefined && chinaDayStart(until) < chinaDayStart(from)) {
    errors.until = '结束日期不能早于开始日期'
  }

  if (Object.keys(errors).length > 0) return { ok: false, fields: errors }
  const rule: RepeatRule = {
    every: every as RepeatRule['every'],
    ...(weekdays ? { weekdays } : {}),
    startMinute: startMinute as number,
    endMinute: endMinute as number,
    from: from as number,
    ...(until !== undefined ? { until } : { count: count as number }),
  }
  // only `until` can make too few or too many: `count` is already 1..MAX_SESSIONS
  const made = generate(rule, MAX_SESSIONS + 1, 1).length
  if (made === 0) errors.until = '这段日期里没有所选的星期几，请调整日期'
  else if (made > MAX_SESSIONS) errors.until = `最多${MAX_SESSIONS}个批次，请提前结束日期`
  return finish(errors, rule)
}

function isAbsent(raw: unknown): boolean {
  return raw === undefined || raw === null
}

/** A whole number in range; absent gives undefined, with `missing` as its message when it is required. */
function readInteger(
  input: Input,
  key: string,
  label: string,
  range: { min: number; max: number },
  errors: FieldErrors,
  missing?: string,
): number | undefined {
  const raw = input[key]
  if (isAbsent(raw)) {
    if (missing) errors[key] = missing
  } else if (typeof raw !== 'number' || !Number.isFinite(raw)) errors[key] = `${label}应为数字`
  else if (!Number.isInteger(raw)) errors[key] = `${label}应为整数`
  else if (raw < range.min || raw > range.max) {
    // a count has a range people can act on; a minute or a date out of range came from a broken form
    errors[key] = key === 'count' ? `重复次数应在${range.min}到${range.max}次之间` : `${label}无效`
  } else return raw
  return undefined
}

function readWeekdays(raw: unknown, errors: FieldErrors): number[] | undefined {
  if (isAbsent(raw) || (Array.isArray(raw) && raw.length === 0)) {
    errors.weekdays = '请选择每周哪几天'
    return undefined
  }
  if (!Array.isArray(raw)) {
    errors.weekdays = '每周哪几天应为一组数字'
    return undefined
  }
  if (!raw.every((day) => Number.isInteger(day) && day >= 0 && day <= 6)) {
    errors.weekdays = '星期几应为 0（周日）到 6（周六）'
    return undefined
  }
  if (new Set(raw).size !== raw.length) {
    errors.weekdays = '星期几不能重复'
    return undefined
  }
  return [...(raw as number[])].sort((a, b) => a - b)
}
