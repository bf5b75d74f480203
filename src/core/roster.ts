// A call's roster as its organizers see it: tabs, counts, and the same rows as a spreadsheet.
import type { RosterEntry, RosterTab } from './ngo-api'
import { formatChinaTime } from './messages'
import type { Question, SignUp } from './types'

export const ROSTER_TABS: { tab: RosterTab; label: string }[] = [
  { tab: 'confirmed', label: '已报名' },
  { tab: 'waitlisted', label: '候补' },
  { tab: 'cancelled', label: '已取消' },
  { tab: 'late', label: '临时退出' },
]

const STATUS_LABELS: Record<SignUp['status'], string> = {
  confirmed: '已报名',
  waitlisted: '候补',
  cancelled: '已取消',
  attended: '已签到',
  no_show: '缺席',
}

/** Attended and absent volunteers held a seat: they stay under 已报名. A late drop-out has a tab of its own. */
export function rosterTab(signUp: Pick<SignUp, 'status' | 'lateDropOut'>): RosterTab {
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
    return entry
  })
  const byId = new Map(signUps.map((s) => [s._id, s]))
  const waitTime = (e: RosterEntry) => new Date(byId.get(e._id)?.waitlistedAt ?? 0).getTime()
  const order: RosterTab[] = ['confirmed', 'waitlisted', 'late', 'cancelled']
  entries.sort((a, b) => {
    const byTab = order.indexOf(a.tab) - order.indexOf(b.tab)
    if (byTab !== 0) return byTab
    if (a.tab === 'waitlisted') return waitTime(a) - waitTime(b) || (a._id < b._id ? -1 : 1)
    if (a.tab === 'confirmed') return a.createdAt - b.createdAt
    return (b.cancelledAt ?? 0) - (a.cancelledAt ?? 0)
  })
  let rank = 0
  for (const entry of entries) if (entry.tab === 'waitlisted') entry.waitRank = ++rank
  return entries
}

export function rosterCounts(entries: readonly RosterEntry[]): Record<RosterTab, number> {
  const counts: Record<RosterTab, number> = { confirmed: 0, waitlisted: 0, cancelled: 0, late: 0 }
  for (const entry of entries) counts[entry.tab]++
  return counts
}

/** The export: Chinese headers, one row per sign-up with every answer (choices joined by 、). */
export function rosterSheet(
  questions: readonly Question[],
  entries: readonly RosterEntry[],
): { headers: string[]; rows: string[][] } {
  const headers = ['序号', '姓名', '手机号', '状态', '候补顺序', '报名时间', ...questions.map((q) => q.title)]
  const rows = entries.map((e, i) => [
    String(i + 1),
    e.name,
    e.phone,
    e.tab === 'late' ? '临时退出' : STATUS_LABELS[e.status],
    e.waitRank === undefined ? '' : String(e.waitRank),
    formatChinaTime(e.createdAt),
    ...questions.map((q) => {
      const answer = e.answers[q.id]
      return Array.isArray(answer) ? answer.join('、') : (answer ?? '')
    }),
  ])
  return { headers, rows }
}
