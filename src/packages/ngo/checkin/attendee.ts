// How one attendance reads on the organizer's screens: 未签到 / 已签到 08:31 / 已签退 11:02 / 缺席.
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import type { AttendanceView } from '@core/attendance/contract'

dayjs.extend(utc)

/** 「08:31」 in China time, where the activity happens */
export function clockTime(epochMs: number): string {
  return dayjs(epochMs)
    .utcOffset(8 * 60)
    .format('HH:mm')
}

export function presenceText(entry: AttendanceView): string {
  if (entry.status === 'no_show') return '缺席'
  if (entry.checkedOutAt) return `已签退 ${clockTime(entry.checkedOutAt)}`
  if (entry.checkedInAt) return `已签到 ${clockTime(entry.checkedInAt)}`
  return '未签到'
}

/** What the organizer can do for this person by hand now: check them in, out, or nothing. */
export function nextMark(entry: AttendanceView): 'in' | 'out' | null {
  if (entry.status === 'no_show' || entry.checkedOutAt) return null
  return entry.checkedInAt ? 'out' : 'in'
}
