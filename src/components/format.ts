// How times read in the app: 「3月12日 周四 08:30」, in the phone's own time zone (China's, for our volunteers).
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'

dayjs.locale('zh-cn')

function dayLabel(at: dayjs.Dayjs): string {
  return at.year() === dayjs().year() ? at.format('M月D日 ddd') : at.format('YYYY年M月D日 ddd')
}

/** 「3月12日 周四 08:30」 */
export function formatTime(epochMs: number): string {
  const at = dayjs(epochMs)
  return `${dayLabel(at)} ${at.format('HH:mm')}`
}

/** 「3月12日 周四 08:30–17:00」, or both ends in full when the activity spans days */
export function formatTimeRange(startMs: number, endMs: number): string {
  const start = dayjs(startMs)
  const end = dayjs(endMs)
  if (start.isSame(end, 'day')) return `${formatTime(startMs)}–${end.format('HH:mm')}`
  return `${formatTime(startMs)} 至 ${formatTime(endMs)}`
}
