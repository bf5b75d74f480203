// In the browser: an .ics file, which every phone and desktop calendar opens.
import { icsText } from '@core/calls/calendar'
import type { AddToCalendar } from './calendar'

export const addToCalendar: AddToCalendar = async (entry) => {
  const blob = new Blob([icsText(entry, Date.now())], { type: 'text/calendar;charset=utf-8' })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = `${entry.title.slice(0, 40)}.ics`
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
  return true
}
