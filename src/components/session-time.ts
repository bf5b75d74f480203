// The date and time pickers of the organizer's session editors speak China time (UTC+8 all year), whatever the
// phone's time zone: a picker's 'YYYY-MM-DD' and 'HH:mm' to and from epoch ms.
import { DAY_MS } from '@core/shared/china-time'

const OFFSET = 8 * 3_600_000
export const WEEK_MS = 7 * DAY_MS

const pad = (n: number) => String(n).padStart(2, '0')

/** '2025-05-11', the China day of a moment */
export function dateOf(ms: number): string {
  const d = new Date(ms + OFFSET)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** '09:00', the China time of day of a moment */
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

/** minutes after China midnight ↔ 'HH:mm' */
export function minuteOf(time: string): number {
  const [h, mi] = time.split(':').map(Number)
  return h * 60 + mi
}

export function clockOf(minute: number): string {
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`
}

/** A session moved to another day or start time keeps its length. */
export function moveStart(
  session: { startAt: number; endAt: number },
  date: string,
  time: string,
): { startAt: number; endAt: number } {
  const startAt = chinaMs(date, time)
  return { startAt, endAt: startAt + (session.endAt - session.startAt) }
}

/** The end on the start's China day at `time` (a session ending after midnight is set by its date elsewhere). */
export function endAtTime(startAt: number, time: string): number {
  return chinaMs(dateOf(startAt), time)
}
