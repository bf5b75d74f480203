// A call's roster as its organizers see it: tabs, counts, and the same rows as a spreadsheet.
import type { RosterEntry, RosterTab } from './contract'
import { formatChinaTime } from '@core/shared/china-time'
import type { Question, SignUp } from '@core/model'

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

/** Seat holders in sign-up order, the waitlist in its order (ranked), then drop-outs, latest first. */
export function toRoster(signUps: readonly SignUp[]): RosterEntry[] {
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
  let rank = 0
  for (const entry of entries) if (entry.tab === 'waitlisted') entry.waitRank = ++rank
  return entries
}

export function rosterCounts(entries: readonly RosterEntry[]): Record<RosterTab, number> {
  const counts: Record<RosterTab, number> = { confirmed: 0, waitlisted: 0, cancelled: 0, late: 0, walkIn: 0 }
  for (const entry of entries) counts[entry.tab]++
  return counts
}

/**
 * The export: Chinese headers, one row per sign-up with every answer (choices joined by 、), then attendance
 * (check-in, check-out, hours so far; confirmed hours are reported by the hours export).
 */
export function rosterSheet(
  questions: readonly Question[],
  entries: readonly RosterEntry[],
): { headers: string[]; rows: string[][] } {
  const headers = [
    '序号',
    '姓名',
    '手机号',
    '状态',
    '候补顺序',
    '报名时间',
    ...questions.map((q) => q.title),
    '签到时间',
    '签退时间',
    '时长(小时)',
  ]
  const time = (at: number | undefined) => (at === undefined ? '' : formatChinaTime(at))
  const rows = entries.map((e, i) => [
    String(i + 1),
    e.name,
    e.phone,
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
  ])
  return { headers, rows }
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
