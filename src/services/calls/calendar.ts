// 「添加到手机日历」: Taro resolves `./calendar` to calendar.weapp.ts (WeChat's addPhoneCalendar) or calendar.h5.ts
// (an .ics download) by TARO_ENV; this file gives TypeScript the shared signature.
import type { CalendarEntry } from '@core/calls/calendar'

/** Resolves true when the entry was handed to the calendar, false when the person backed out. */
export type AddToCalendar = (entry: CalendarEntry) => Promise<boolean>

export const addToCalendar: AddToCalendar = () =>
  Promise.reject(new Error(`no calendar for TARO_ENV=${process.env.TARO_ENV}`))
