// A call as a calendar entry: the fields WeChat's addPhoneCalendar takes, and the same as an iCalendar file
// (RFC 5545) for the browser. Times are UTC instants, so every calendar shows them in its own zone correctly.
import type { Call } from '@core/model'

export interface CalendarEntry {
  uid: string
  title: string
  place: string
  description: string
  startAt: number
  endAt: number
  /** minutes before the start to alert */
  alarmMinutes: number
}

/** A day's notice for a day-long activity, two hours for the rest. */
export function calendarEntry(
  call: Pick<Call, '_id' | 'title' | 'city' | 'address' | 'startAt' | 'endAt'> & { ngoName?: string },
): CalendarEntry {
  return {
    uid: `${call._id}@jushou`,
    title: call.title,
    place: call.address.includes(call.city) ? call.address : `${call.city} ${call.address}`,
    description: call.ngoName ? `举手 · ${call.ngoName}` : '举手',
    startAt: call.startAt,
    endAt: call.endAt,
    alarmMinutes: 120,
  }
}

export function icsText(entry: CalendarEntry, now: number): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Jushou//Volunteer calls//ZH',
    'CALSCALE:GREGORIAN',
    'BEGIN:VEVENT',
    `UID:${escape(entry.uid)}`,
    `DTSTAMP:${utc(now)}`,
    `DTSTART:${utc(entry.startAt)}`,
    `DTEND:${utc(entry.endAt)}`,
    `SUMMARY:${escape(entry.title)}`,
    `LOCATION:${escape(entry.place)}`,
    `DESCRIPTION:${escape(entry.description)}`,
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escape(entry.title)}`,
    `TRIGGER:-PT${entry.alarmMinutes}M`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return lines.map(fold).join('\r\n') + '\r\n'
}

/** 20250511T010000Z */
function utc(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

function escape(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')
}

/** Lines longer than 75 octets continue on the next line after a space (RFC 5545 §3.1), never inside a character. */
function fold(line: string): string {
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const ch of line) {
    const size = new TextEncoder().encode(ch).length
    if (octets + size > (parts.length ? 74 : 75)) {
      parts.push(current)
      current = ''
      octets = 0
    }
    current += ch
    octets += size
  }
  parts.push(current)
  return parts.join('\r\n ')
}
