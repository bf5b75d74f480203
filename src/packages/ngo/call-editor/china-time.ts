// The editor's date and time pickers speak China time (UTC+8 all year), whatever the phone's time zone.
const OFFSET = 8 * 3_600_000
const DAY = 24 * 3_600_000

const pad = (n: number) => String(n).padStart(2, '0')

export function dateOf(ms: number): string {
  const d = new Date(ms + OFFSET)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

export function timeOf(ms: number): string {
  const d = new Date(ms + OFFSET)
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** '2025-05-11' + '09:00' in China → epoch ms */
export function chinaMs(date: string, time: string): number {
  const [y, m, d] = date.split('-').map(Number)
  const [h, mi] = time.split(':').map(Number)
  return Date.UTC(y, m - 1, d, h, mi) - OFFSET
}

/** A week from today at 09:00, China time: a sensible first guess for a new call. */
export function nextWeekAt9(now: number): number {
  return chinaMs(dateOf(now + 7 * DAY), '09:00')
}

export { DAY }
