// A volunteer's record of hours (我的 → 志愿时长) and the NGO's export of them. Only confirmed hours count: in the
// totals, per NGO, per year and in the spreadsheet; hours awaiting confirmation are shown as such and add nothing.
import { chinaYear } from '@core/shared/china-time'
import type { CallCard } from '@core/calls/contract'
import type { HoursEvent, MyHoursResponse } from './contract'
import { formatChinaTime } from '@core/shared/china-time'
import type { Call, SignUp } from '@core/model'
import { sessionOfSlot, slotOfSignUp } from '@core/calls/slots'

/** Only sign-ups with a confirmed seat on the day belong to the record (a seat not yet used is not an event). */
export function hoursEventStatus(
  signUp: Pick<SignUp, 'status' | 'hoursConfirmedAt'>,
): HoursEvent['status'] | null {
  if (signUp.status === 'no_show') return 'no_show'
  if (signUp.status !== 'attended') return null
  return signUp.hoursConfirmedAt !== undefined ? 'confirmed' : 'pending'
}

/** The hours that count for a sign-up: confirmed ones, else 0. */
export function countedHours(signUp: Pick<SignUp, 'status' | 'hours' | 'hoursConfirmedAt'>): number {
  return signUp.status === 'attended' && signUp.hoursConfirmedAt !== undefined ? (signUp.hours ?? 0) : 0
}

/**
 * The record from the volunteer's events, each with its call (and, on a call of several sessions, the session
 * served: its words, its start, the role); latest first, a year counted by the session's start.
 */
export function hoursRecord(
  items: { signUp: SignUp; call: CallCard; session?: { label: string; startAt: number }; role?: string }[],
): MyHoursResponse {
  const events: HoursEvent[] = []
  const byNgo = new Map<string, { ngoId: string; ngoName: string; hours: number }>()
  const byYear = new Map<number, number>()
  let total = 0
  for (const { signUp, call, session, role } of items) {
    const status = hoursEventStatus(signUp)
    if (!status) continue
    const event: HoursEvent = {
      signUpId: signUp._id,
      call,
      status,
      hours: status === 'no_show' ? 0 : (signUp.hours ?? 0),
    }
    if (session) {
      event.session = session.label
      event.sessionStartAt = session.startAt
    }
    if (role) event.role = role
    // a party checks in and out together: each companion served the volunteer's hours (none for a no-show)
    if (signUp.companions?.length)
      event.companions = signUp.companions.map((companion) => ({ ...companion, hours: event.hours }))
    events.push(event)
    const hours = countedHours(signUp)
    if (status !== 'confirmed') continue
    total += hours
    const ngo = byNgo.get(call.ngoId) ?? { ngoId: call.ngoId, ngoName: call.ngoName, hours: 0 }
    ngo.hours += hours
    byNgo.set(call.ngoId, ngo)
    const year = chinaYear(session?.startAt ?? call.startAt)
    byYear.set(year, (byYear.get(year) ?? 0) + hours)
  }
  return {
    total,
    byNgo: [...byNgo.values()].sort((a, b) => b.hours - a.hours || a.ngoName.localeCompare(b.ngoName)),
    byYear: [...byYear.entries()].map(([year, hours]) => ({ year, hours })).sort((a, b) => b.year - a.year),
    events: events.sort(
      (a, b) => (b.sessionStartAt ?? b.call.startAt) - (a.sessionStartAt ?? a.call.startAt),
    ),
  }
}

/** Columns of the hours export, as a report to the national volunteer service system asks for them. */
export const HOURS_SHEET_HEADERS = [
  '序号',
  '姓名',
  '手机号',
  '活动名称',
  '服务日期',
  '服务地点',
  '签到时间',
  '签退时间',
  '服务时长(小时)',
  '确认时间',
  '备注/修改原因',
]

/**
 * Confirmed hours only (anything else is left out), by the call's start, then name. A row per person: each
 * companion (同行人) right after their volunteer, with the same times and hours and, under 备注, whose party it is.
 */
export function hoursSheet(items: { signUp: SignUp; call: Call }[]): string[][] {
  const counted = items
    .filter(({ signUp }) => hoursEventStatus(signUp) === 'confirmed')
    .sort((a, b) => a.call.startAt - b.call.startAt || a.signUp.name.localeCompare(b.signUp.name))
  const rows: string[][] = []
  for (const { signUp, call } of counted) {
    const row = personRow(signUp, call)
    rows.push([String(rows.length + 1), ...row])
    for (const companion of signUp.companions ?? []) {
      const who = companion.kind === 'child' ? `儿童 ${companion.age ?? '?'} 岁` : '成人'
      const [, , ...rest] = row
      rows.push([
        String(rows.length + 1),
        companion.name,
        '',
        ...rest.slice(0, -1),
        `同行人（${who}），同行于 ${signUp.name}`,
      ])
    }
  }
  return rows
}

/** A volunteer's row of the hours export, without its number. */
function personRow(signUp: SignUp, call: Call): string[] {
  const time = (at: number | undefined) => (at === undefined ? '' : formatChinaTime(at))
  const notes = [
    signUp.walkIn ? '现场登记' : '',
    ...(signUp.hoursEdits ?? []).map((e) => `时长由 ${e.from} 改为 ${e.to}：${e.reason}`),
  ].filter((note) => note !== '')
  return [
    signUp.name,
    signUp.phone,
    call.title,
    // the day of the session served (a call of one session: its own)
    formatChinaTime((sessionOfSlot(call, slotOfSignUp(signUp)) ?? call).startAt).slice(0, 10),
    `${call.city} ${call.address}`.trim(),
    time(signUp.checkedInAt),
    time(signUp.checkedOutAt),
    String(countedHours(signUp)),
    time(signUp.hoursConfirmedAt),
    notes.join('；'),
  ]
}
