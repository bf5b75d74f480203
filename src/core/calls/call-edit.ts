// The organizer's edits of a call (updateCall): what may change, how the result must hang together, and what
// actually changed (a retried edit changes nothing, so it neither bumps the version nor notifies anyone again).
import { readReminderLead } from '@core/messages/reminders'
import { CANCEL_LEAD_MAX_HOURS, canCancel } from './rules'
import { lastStart } from './slots'
import type { UpdateCallRequest } from './contract'
import type { Call } from '@core/model'
import {
  asInput,
  type FieldErrors,
  finish,
  notAnObject,
  readId,
  readText,
  readTime,
  type Validation,
} from '@core/shared/validation'
import { CITY_MAX_LENGTH } from './validate'

export const ADDRESS_MAX_LENGTH = 100
export const CAPACITY_MAX = 10_000

type Location = { lat: number; lng: number }

/** The edit, cleaned: fields left out are absent; `null` removes an optional field. */
export type CallEdit = UpdateCallRequest

/** Fields whose change the volunteers are told about. */
export const TIME_AND_PLACE = ['startAt', 'endAt', 'city', 'address', 'location'] as const

const EDITABLE = [
  'startAt',
  'endAt',
  'signupDeadline',
  'cancelCutoff',
  'cancelLeadHours',
  'city',
  'address',
  'location',
  'capacity',
  'reminderLeadHours',
] as const

type Editable = (typeof EDITABLE)[number]
/** the optional fields an edit may remove (with null) */
type Removable = 'cancelCutoff' | 'cancelLeadHours' | 'location'

export function validateUpdateCall(input: unknown): Validation<CallEdit> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const edit: CallEdit = { callId: readId(fields, 'callId', '活动编号', errors) }
  const times = { startAt: '开始时间', endAt: '结束时间', signupDeadline: '报名截止时间' } as const
  for (const [key, label] of Object.entries(times) as [keyof typeof times, string][]) {
    const value = readTime(fields, key, label, errors)
    if (value !== undefined) edit[key] = value
  }
  if (fields.cancelCutoff === null) edit.cancelCutoff = null
  else {
    const cutoff = readTime(fields, 'cancelCutoff', '取消截止时间', errors)
    if (cutoff !== undefined) edit.cancelCutoff = cutoff
  }
  if (fields.cancelLeadHours === null) edit.cancelLeadHours = null
  else {
    const lead = readCancelLead(fields, errors)
    if (lead !== undefined) edit.cancelLeadHours = lead
  }
  const city = readText(fields, 'city', { label: '城市', required: false, max: CITY_MAX_LENGTH }, errors)
  if (city !== undefined) edit.city = city
  const address = readText(
    fields,
    'address',
    { label: '地址', required: false, max: ADDRESS_MAX_LENGTH },
    errors,
  )
  if (address !== undefined) edit.address = address
  if (fields.location === null) edit.location = null
  else if (fields.location !== undefined) {
    const location = readLocation(fields.location)
    if (location) edit.location = location
    else errors.location = '位置无效'
  }
  if (fields.capacity !== undefined) {
    const capacity = fields.capacity
    if (
      typeof capacity !== 'number' ||
      !Number.isInteger(capacity) ||
      capacity < 1 ||
      capacity > CAPACITY_MAX
    )
      errors.capacity = `名额应为 1 到 ${CAPACITY_MAX} 的整数`
    else edit.capacity = capacity
  }
  const lead = readReminderLead(fields, errors)
  if (lead !== undefined) edit.reminderLeadHours = lead
  if (Object.keys(errors).length === 0 && !EDITABLE.some((key) => key in edit))
    errors.request = '没有要修改的内容'
  return finish(errors, edit)
}

/**
 * The call as it would be after the edit must still make sense at `now`; per-field messages if not.
 *
 * A published call keeps its times ahead of the people on it: its start cannot move to now or earlier (whoever
 * holds a seat or a waitlist place could no longer cancel: cancelSignUp refuses once a call has started, see
 * canCancel), and while anyone is signed up its sign-up deadline and cancel cutoff cannot move from ahead to
 * behind now (sign-up would close, every cancellation would count as late, without anyone deciding so). A time
 * the edit leaves as it is is not judged: the editor sends every time, and a call past its deadline stays
 * editable. A draft is judged when it is published (checkPublishable).
 */
export function checkEditedCall(call: Call, edit: CallEdit, now: number): FieldErrors {
  const errors: FieldErrors = {}
  const startAt = edit.startAt ?? call.startAt
  const endAt = edit.endAt ?? call.endAt
  const deadline = edit.signupDeadline ?? call.signupDeadline
  const cutoff = edit.cancelCutoff === undefined ? call.cancelCutoff : (edit.cancelCutoff ?? undefined)
  if (endAt <= startAt) errors.endAt = '结束时间应晚于开始时间'
  // on a call of several sessions, sign-ups run until the last one starts
  const latest = call.sessions?.length ? lastStart(call) : startAt
  if (deadline > latest) errors.signupDeadline = '报名截止时间不能晚于开始时间'
  if (cutoff !== undefined && cutoff > latest) errors.cancelCutoff = '取消截止时间不能晚于开始时间'
  if (edit.capacity !== undefined && edit.capacity < call.confirmed)
    errors.capacity = capacityTooSmall(call.confirmed)
  if (call.status === 'open' || call.status === 'closed') {
    if (startAt !== call.startAt && !canCancel({ startAt }, now)) errors.startAt = '开始时间不能早于现在'
    const signedUp = call.confirmed + call.waitlisted > 0
    if (signedUp && !errors.signupDeadline && movesBehind(call.signupDeadline, deadline, now))
      errors.signupDeadline = '已有人报名，报名截止时间不能早于现在'
    if (signedUp && !errors.cancelCutoff && movesBehind(call.cancelCutoff, cutoff, now))
      errors.cancelCutoff = '已有人报名，取消截止时间不能早于现在'
  }
  return errors
}

/** `cancelLeadHours`: whole hours, 1 to a week; undefined when absent. */
export function readCancelLead(fields: Record<string, unknown>, errors: FieldErrors): number | undefined {
  const lead = fields.cancelLeadHours
  if (lead === undefined || lead === null) return undefined
  if (typeof lead === 'number' && Number.isInteger(lead) && lead >= 1 && lead <= CANCEL_LEAD_MAX_HOURS)
    return lead
  errors.cancelLeadHours = `临时退出的时限应为 1 到 ${CANCEL_LEAD_MAX_HOURS} 小时`
  return undefined
}

/** A time (undefined: none, as good as never) that was still ahead of `now` and would be at or behind it. */
function movesBehind(before: number | undefined, after: number | undefined, now: number): boolean {
  return (before === undefined || before > now) && after !== undefined && after <= now
}

export function capacityTooSmall(confirmed: number): string {
  return `名额不能少于已报名的 ${confirmed} 人`
}

/** What the edit really changes: values to set, optional fields to remove, and whether volunteers are told. */
export interface CallChanges {
  set: Partial<Pick<Call, Editable>>
  remove: Removable[]
  timeOrPlace: boolean
}

export function changesOf(call: Call, edit: CallEdit): CallChanges {
  const changes: CallChanges = { set: {}, remove: [], timeOrPlace: false }
  const set = changes.set as Record<string, unknown>
  for (const key of EDITABLE) {
    const value = edit[key]
    if (value === undefined) continue
    if (value === null) {
      if (call[key as Removable] === undefined) continue
      changes.remove.push(key as Removable)
    } else if (key === 'location') {
      if (sameLocation(call.location, value as Location)) continue
      set[key] = value
    } else if (call[key] === value) continue
    else set[key] = value
    if ((TIME_AND_PLACE as readonly string[]).includes(key)) changes.timeOrPlace = true
  }
  return changes
}

/** Whether the edit names a time or place field at all (a retried one then re-queues what it may have missed). */
export function touchesTimeOrPlace(edit: CallEdit): boolean {
  return TIME_AND_PLACE.some((key) => edit[key] !== undefined)
}

function readLocation(raw: unknown): Location | null {
  const value = asInput(raw)
  if (!value) return null
  const { lat, lng } = value
  if (typeof lat !== 'number' || typeof lng !== 'number') return null
  if (!(Math.abs(lat) <= 90 && Math.abs(lng) <= 180)) return null
  return { lat, lng }
}

function sameLocation(a: Location | undefined, b: Location): boolean {
  return a !== undefined && a.lat === b.lat && a.lng === b.lng
}
