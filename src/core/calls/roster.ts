// A call's roster as its organizers see it: tabs, counts, and the same rows as a spreadsheet.
import type { RosterEntry, RosterRequest, RosterTab } from './contract'
import { sessionLabel, sessionShortLabel } from './session-text'
import { hasSlots, parseSlotKey, roleOfSlot, rolesOf, sessionOfSlot, sessionsOf, slotOfSignUp } from './slots'
import { readRoleId, readSessionId } from '@core/attendance/validate'
import { partyOf } from './companions'
import { formatChinaTime } from '@core/shared/china-time'
import type { Call, Question, SignUp } from '@core/model'
import { type ApiError, fail } from '@core/shared/errors'
import {
  asInput,
  type FieldErrors,
  finish,
  notAnObject,
  readId,
  type Validation,
} from '@core/shared/validation'

type SlotsCall = Pick<Call, 'startAt' | 'endAt'> & Pick<Partial<Call>, 'sessions' | 'roles' | 'slots'>

export const ROSTER_TABS: { tab: RosterTab; label: string }[] = [
  { tab: 'confirmed', label: '已报名' },
  { tab: 'waitlisted', label: '候补' },
  { tab: 'cancelled', label: '已取消' },
  { tab: 'late', label: '临时退出' },
  { tab: 'walkIn', label: '现场登记' },
]

const STATUS_LABELS: Record<SignUp['status'], string> = {
  confirmed: '已报名',
  waitlisted: '候补',
  cancelled: '已取消',
  attended: '已签到',
  no_show: '缺席',
}

/**
 * Attended and absent volunteers held a seat: they stay under 已报名. A late drop-out has a tab of its own, and so
 * do walk-ins (they never signed up and hold no seat, so they are not counted among 已报名).
 */
export function rosterTab(signUp: Pick<SignUp, 'status' | 'lateDropOut' | 'walkIn'>): RosterTab {
  if (signUp.walkIn) return 'walkIn'
  if (signUp.status === 'waitlisted') return 'waitlisted'
  if (signUp.status === 'cancelled') return signUp.lateDropOut ? 'late' : 'cancelled'
  return 'confirmed'
}

/**
 * Seat holders in sign-up order, the waitlist in its order (ranked within its slot), then drop-outs, latest first.
 * With a call of several slots, each row says its slot, session and role.
 */
export function toRoster(signUps: readonly SignUp[], call?: SlotsCall): RosterEntry[] {
  const entries = signUps.map((s): RosterEntry => {
    const entry: RosterEntry = {
      _id: s._id,
      name: s.name,
      phone: s.phone,
      answers: s.answers,
      status: s.status,
      tab: rosterTab(s),
      createdAt: s.createdAt,
    }
    if (s.cancelledAt !== undefined) entry.cancelledAt = s.cancelledAt
    if (s.walkIn) entry.walkIn = true
    if (s.checkedInAt !== undefined) entry.checkedInAt = s.checkedInAt
    if (s.checkedOutAt !== undefined) entry.checkedOutAt = s.checkedOutAt
    if (s.hours !== undefined) entry.hours = s.hours
    if (s.companions && s.companions.length > 0) entry.companions = s.companions
    if (partyOf(s) > 1) entry.party = partyOf(s)
    if (call && hasSlots(call)) {
      const slot = slotOfSignUp(s)
      entry.slot = slot
      const session = sessionOfSlot(call, slot)
      if (session && sessionsOf(call).length > 1) entry.session = sessionLabel(session)
      const role = roleOfSlot(call, slot)
      if (role) entry.role = role.name
    }
    return entry
  })
  const byId = new Map(signUps.map((s) => [s._id, s]))
  const waitTime = (e: RosterEntry) => new Date(byId.get(e._id)?.waitlistedAt ?? 0).getTime()
  const order: RosterTab[] = ['confirmed', 'waitlisted', 'late', 'cancelled', 'walkIn']
  entries.sort((a, b) => {
    const byTab = order.indexOf(a.tab) - order.indexOf(b.tab)
    if (byTab !== 0) return byTab
    if (a.tab === 'waitlisted') return waitTime(a) - waitTime(b) || (a._id < b._id ? -1 : 1)
    if (a.tab === 'confirmed' || a.tab === 'walkIn') return a.createdAt - b.createdAt
    return (b.cancelledAt ?? 0) - (a.cancelledAt ?? 0)
  })
  // each slot has its own queue (a call of one slot: one queue, as before)
  const ranks = new Map<string, number>()
  for (const entry of entries) {
    if (entry.tab !== 'waitlisted') continue
    const slot = slotOfSignUp(byId.get(entry._id) ?? {})
    const rank = (ranks.get(slot) ?? 0) + 1
    ranks.set(slot, rank)
    entry.waitRank = rank
  }
  return entries
}

export function validateRoster(input: unknown): Validation<RosterRequest> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const callId = readId(fields, 'callId', '活动编号', errors)
  const sessionId = readSessionId(fields, errors)
  const roleId = readRoleId(fields, errors)
  const request: RosterRequest = { callId }
  if (sessionId !== undefined) request.sessionId = sessionId
  if (roleId !== undefined) request.roleId = roleId
  return finish(errors, request)
}

/**
 * Keeps the rows of one session and/or one role; the ids must be the call's own (else INVALID_INPUT naming the
 * field). No filter: every row.
 */
export function filterRoster(
  call: SlotsCall,
  entries: RosterEntry[],
  filter: Pick<RosterRequest, 'sessionId' | 'roleId'>,
): RosterEntry[] | ApiError {
  const { sessionId, roleId } = filter
  if (sessionId !== undefined && !sessionsOf(call).some((session) => session.id === sessionId))
    return fail('INVALID_INPUT', '活动没有这个场次', { sessionId: '活动没有这个场次' })
  if (roleId !== undefined && !rolesOf(call).some((role) => role.id === roleId))
    return fail('INVALID_INPUT', '活动没有这个岗位', { roleId: '活动没有这个岗位' })
  if (sessionId === undefined && roleId === undefined) return entries
  return entries.filter((entry) => {
    const slot = parseSlotKey(entry.slot ?? 's1')
    return (
      (sessionId === undefined || slot.sessionId === sessionId) &&
      (roleId === undefined || slot.roleId === roleId)
    )
  })
}

/** What the roster page filters by, for a call of several slots (nothing for a call of one). */
export function rosterFilters(call: SlotsCall): {
  sessions?: { id: string; label: string; cancelled: boolean }[]
  roles?: { id: string; name: string }[]
} {
  if (!hasSlots(call)) return {}
  const sessions = sessionsOf(call)
  const roles = rolesOf(call)
  return {
    ...(sessions.length > 1
      ? {
          sessions: sessions.map((session) => ({
            id: session.id,
            label: sessionShortLabel(session),
            cancelled: session.cancelledAt !== undefined,
          })),
        }
      : {}),
    ...(roles.length > 0 ? { roles: roles.map((role) => ({ id: role.id, name: role.name })) } : {}),
  }
}

/** People per tab: a volunteer with companions counts as the places they take, as the call's counters do. */
export function rosterCounts(entries: readonly RosterEntry[]): Record<RosterTab, number> {
  const counts: Record<RosterTab, number> = { confirmed: 0, waitlisted: 0, cancelled: 0, late: 0, walkIn: 0 }
  for (const entry of entries) counts[entry.tab] += entry.party ?? 1
  return counts
}

/**
 * The export: Chinese headers, one row per sign-up with every answer (choices joined by 、), then attendance
 * (check-in, check-out, hours so far; confirmed hours are reported by the hours export). A call of several
 * sessions has a 场次 column, a call with roles a 岗位 column (`columns`: rosterColumns). On a call allowing
 * companions every person has a row (an insurer counts people): each companion's row follows its volunteer's,
 * numbered under it (3.1, 3.2), with 身份 and 同行于 saying whose party it is.
 */
export function rosterSheet(
  questions: readonly Question[],
  entries: readonly RosterEntry[],
  columns: { session: boolean; role: boolean; insurance?: boolean; companions?: boolean } = {
    session: false,
    role: false,
  },
): { headers: string[]; rows: string[][] } {
  const headers = [
    '序号',
    '姓名',
    ...(columns.companions ? ['身份', '同行于'] : []),
    '手机号',
    ...(columns.session ? ['场次'] : []),
    ...(columns.role ? ['岗位'] : []),
    '状态',
    '候补顺序',
    '报名时间',
    ...questions.map((q) => q.title),
    '签到时间',
    '签退时间',
    '时长(小时)',
    ...(columns.insurance ? ['证件类型', '证件号码(打码)', '紧急联系人(打码)'] : []),
  ]
  const time = (at: number | undefined) => (at === undefined ? '' : formatChinaTime(at))
  const rows = entries.flatMap((e, i) => {
    const row = volunteerRow(e, i)
    if (!columns.companions) return [row]
    // a companion's row: the volunteer's slot, status, queue place and time; nothing the companion did not give
    const shared = (columns.session ? 1 : 0) + (columns.role ? 1 : 0) + 3
    const kept = row.slice(5, 5 + shared)
    const blank = row.slice(5 + shared).map(() => '')
    const companionRows = (e.companions ?? []).map((companion, j) => [
      `${i + 1}.${j + 1}`,
      companion.name,
      companion.kind === 'child' ? `同行儿童（${companion.age ?? '?'} 岁）` : '同行成人',
      e.name,
      '',
      ...kept,
      ...blank,
    ])
    return [row, ...companionRows]
  })
  return { headers, rows }

  function volunteerRow(e: RosterEntry, i: number): string[] {
    return [
      String(i + 1),
      e.name,
      ...(columns.companions ? ['报名人', ''] : []),
      e.phone,
      ...(columns.session ? [e.session ?? ''] : []),
      ...(columns.role ? [e.role ?? ''] : []),
      e.tab === 'late' ? '临时退出' : e.walkIn ? '现场登记' : STATUS_LABELS[e.status],
      e.waitRank === undefined ? '' : String(e.waitRank),
      formatChinaTime(e.createdAt),
      ...questions.map((q) => {
        const answer = e.answers[q.id]
        return Array.isArray(answer) ? answer.join('、') : (answer ?? '')
      }),
      time(e.checkedInAt),
      time(e.checkedOutAt),
      e.hours === undefined ? '' : String(e.hours),
      ...(columns.insurance
        ? [
            e.insurance?.idType ?? '',
            e.insurance?.idNumber ?? '',
            [e.insurance?.emergencyName, e.insurance?.emergencyPhone].filter(Boolean).join(' '),
          ]
        : []),
    ]
  }
}

/** Which slot columns a call's export has: 场次 for several sessions, 岗位 when it has roles. */
export function rosterColumns(call: SlotsCall & Pick<Partial<Call>, 'insurance' | 'companions'>): {
  session: boolean
  role: boolean
  insurance: boolean
  companions: boolean
} {
  return {
    session: hasSlots(call) && sessionsOf(call).length > 1,
    role: hasSlots(call) && rolesOf(call).length > 0,
    insurance: call.insurance !== undefined,
    companions: call.companions !== undefined,
  }
}

/**
 * The name an export is saved under on the organizer's phone: what it is, of which call, and when (China time),
 * e.g. 报名名单-民勤梭梭林植树志愿者招募-20261129-1430.xlsx. Characters a file system refuses become 「_」.
 */
export function exportFileName(kind: string, subject: string, now: number): string {
  const stamp = formatChinaTime(now).replace(/-/g, '').replace(' ', '-').replace(':', '')
  const safe = Array.from(subject.replace(/[\\/:*?"<>|\s]+/g, '_'))
    .slice(0, 40)
    .join('')
  return `${kind}-${safe}-${stamp}.xlsx`
}
