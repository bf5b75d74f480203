// 「添加到手机日历」: on WeChat its addPhoneCalendar; in the browser an .ics download.
import type { CalendarEntry } from '@core/calls/calendar'

/** Resolves true when the entry was handed to the calendar, false when the person backed out. */
export type AddToCalendar = (entry: CalendarEntry) => Promise<boolean>

export declare const addToCalendar: AddToCalendar
