// How times read in the app: 「3月12日 周四 08:30」 in China time (UTC+8) on every phone, like a train ticket:
// the activities happen in China, so a volunteer travelling abroad still sees when to be there.
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import 'dayjs/locale/zh-cn'

dayjs.extend(utc)
dayjs.locale('zh-cn')

const CHINA_OFFSET_MINUTES = 8 * 60

function chinaTime(epochMs?: number): dayjs.Dayjs {
  return dayjs(epochMs).utcOffset(CHINA_OFFSET_MINUTES)
}

function dayLabel(at: dayjs.Dayjs): string {
  return at.year() === chinaTime().year() ? at.format('M月D日 ddd') : at.format('YYYY年M月D日 ddd')
}

/** 「3月12日 周四 08:30」 */
export function formatTime(epochMs: number): string {
  const at = chinaTime(epochMs)
  return `${dayLabel(at)} ${at.format('HH:mm')}`
}

/** 「3月12日 周四 08:30–17:00」, or both ends in full when the activity spans days */
export function formatTimeRange(startMs: number, endMs: number): string {
  const start = chinaTime(startMs)
  const end = chinaTime(endMs)
  if (start.format('YYYY-MM-DD') === end.format('YYYY-MM-DD'))
    return `${formatTime(startMs)}–${end.format('HH:mm')}`
  return `${formatTime(startMs)} 至 ${formatTime(endMs)}`
}
