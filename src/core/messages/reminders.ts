// Reminders before a call starts. They are not stored when someone signs up: the `remind` run writes them when they
// fall due, from the calls and sign-ups as they are then, so a moved start or a cancelled sign-up needs no
// bookkeeping. A reminder's `_id` carries the start it announces: a call moved after its reminder was written
// gets a new one for the new time, and the old one (if still unsent) is recognised as stale and skipped.
import { fitText } from './messages'
import { formatChinaTime } from '@core/shared/china-time'
import type { Call, Message, SignUp } from '@core/model'
import type { FieldErrors } from '@core/shared/validation'

export type ReminderLead = 24 | 2

/** When no lead was chosen: a day before. */
export const DEFAULT_REMINDER_LEAD: ReminderLead = 24

export const REMINDER_LEADS: readonly ReminderLead[] = [24, 2]

const HOUR_MS = 3_600_000

/** The lead an organizer chose, from a call form or an edit: absent stays absent; only 24 or 2 hours are offered. */
export function readReminderLead(
  fields: Record<string, unknown>,
  errors: FieldErrors,
): ReminderLead | undefined {
  const value = fields.reminderLeadHours
  if (value === undefined) return undefined
  if ((REMINDER_LEADS as readonly unknown[]).includes(value)) return value as ReminderLead
  errors.reminderLeadHours = '活动提醒只能选开始前 24 小时或 2 小时'
  return undefined
}

export function reminderLeadMs(call: Pick<Call, 'reminderLeadHours'>): number {
  return (call.reminderLeadHours ?? DEFAULT_REMINDER_LEAD) * HOUR_MS
}

/** The moment a call's reminders fall due. */
export function reminderDueAt(call: Pick<Call, 'startAt' | 'reminderLeadHours'>): number {
  return call.startAt - reminderLeadMs(call)
}

/** Due and still useful: from `startAt − lead` until the start. */
export function isReminderDue(call: Pick<Call, 'startAt' | 'reminderLeadHours'>, now: number): boolean {
  return now >= reminderDueAt(call) && now < call.startAt
}

export function reminderId(signUpId: string, startAt: number): string {
  return `reminder_${signUpId}_${startAt}`
}

/** 活动开始提醒 for one confirmed volunteer. */
export function reminderMessage(
  call: Pick<Call, '_id' | 'title' | 'startAt' | 'city' | 'address'>,
  signUp: Pick<SignUp, '_id' | 'openid'>,
  now: number,
): Message {
  const place = call.address.includes(call.city) ? call.address : `${call.city} ${call.address}`
  return {
    _id: reminderId(signUp._id, call.startAt),
    kind: 'reminder',
    openid: signUp.openid,
    callId: call._id,
    signUpId: signUp._id,
    templateId: '',
    data: {
      title: fitText(call.title),
      time: formatChinaTime(call.startAt),
      place: fitText(place),
      note: '活动即将开始，请准时到达',
    },
    sendAt: now,
    status: 'pending',
    attempts: 0,
    leaseUntil: 0,
    lastError: '',
    createdAt: now,
  }
}
