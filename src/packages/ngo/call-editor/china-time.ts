// The editor's date and time pickers speak China time (UTC+8 all year), whatever the phone's time zone: the
// helpers are shared with the session editors (components/session-time.ts).
import { DAY_MS } from '@core/shared/china-time'
import { chinaMs, dateOf } from '@components/session-time'

export { chinaMs, dateOf, timeOf } from '@components/session-time'
export const DAY = DAY_MS

/** A week from today at 09:00, China time: a sensible first guess for a new call. */
export function nextWeekAt9(now: number): number {
  return chinaMs(dateOf(now + 7 * DAY), '09:00')
}
