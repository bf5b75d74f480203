// Dates and times as people in China read them (UTC+8 all year, no daylight saving), whatever the device's or the
// function's own time zone.

const CHINA_OFFSET_MS = 8 * 3_600_000
/** a China day is always this long (no daylight saving) */
export const DAY_MS = 24 * 3_600_000

/** 「周日」 … 「周六」, by `getUTCDay()` order (0 = Sunday) */
export const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const

/** 「2026年3月12日」, the day in China time. */
export function chinaDate(epochMs: number): string {
  const d = new Date(epochMs + CHINA_OFFSET_MS)
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}

export function chinaYear(epochMs: number): number {
  return new Date(epochMs + CHINA_OFFSET_MS).getUTCFullYear()
}

/** 2025-05-11 09:00, in China time (a `time` field). */
export function formatChinaTime(epochMs: number): string {
  const d = new Date(epochMs + CHINA_OFFSET_MS)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** 「20260312」: the China calendar day of a moment, as the daily limit counts. */
export function chinaDayKey(epochMs: number): string {
  return new Date(epochMs + CHINA_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '')
}

/** The moment the China day of `epochMs` began. */
export function chinaDayStart(epochMs: number): number {
  return epochMs - ((epochMs + CHINA_OFFSET_MS) % DAY_MS)
}

/** 0 = Sunday … 6 = Saturday, the weekday in China time. */
export function chinaWeekday(epochMs: number): number {
  return new Date(epochMs + CHINA_OFFSET_MS).getUTCDay()
}

/** 「3月12日」, the day in China time without the year. */
export function chinaMonthDay(epochMs: number): string {
  const d = new Date(epochMs + CHINA_OFFSET_MS)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}

/** 「09:00」, the time of day in China time. */
export function chinaClock(epochMs: number): string {
  return formatChinaTime(epochMs).slice(-5)
}
