// Where a call stands for its organizers, said honestly: an open call whose day has come is 进行中, not 报名中,
// and one whose day has passed is 已结束 whatever its status. And the order the console lists them in: what is
// happening, then what is coming (soonest first), drafts, then the past (latest first), cancelled last.
import { hasStarted, isPast } from './rules'
import type { Call } from '@core/model'

export type CallPhase = 'draft' | 'recruiting' | 'signupClosed' | 'running' | 'ended' | 'cancelled'

export const CALL_PHASE_TEXT: Record<CallPhase, string> = {
  draft: '草稿',
  recruiting: '报名中',
  signupClosed: '报名截止',
  running: '进行中',
  ended: '已结束',
  cancelled: '已取消',
}

type Timed = Pick<Call, 'status' | 'startAt' | 'endAt'>

export function callPhase(call: Timed, now: number): CallPhase {
  if (call.status === 'draft' || call.status === 'cancelled') return call.status
  if (isPast(call, now)) return 'ended'
  if (hasStarted(call, now)) return 'running'
  return call.status === 'open' ? 'recruiting' : 'signupClosed'
}

const RANK: Record<CallPhase, number> = {
  running: 0,
  recruiting: 1,
  signupClosed: 1,
  draft: 2,
  ended: 3,
  cancelled: 4,
}

export function consoleOrder<T extends Timed>(calls: readonly T[], now: number): T[] {
  return [...calls].sort((a, b) => {
    const pa = callPhase(a, now)
    const pb = callPhase(b, now)
    if (RANK[pa] !== RANK[pb]) return RANK[pa] - RANK[pb]
    // the past and the cancelled: the latest first; everything else: the soonest first
    return RANK[pa] >= RANK.ended ? b.startAt - a.startAt : a.startAt - b.startAt
  })
}
