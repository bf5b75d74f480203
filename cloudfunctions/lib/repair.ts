// Repairs the counters of calls from their sign-ups. A counter drifts only when an instance died between its two
// steps (waitlist.ts: "Drift"), leaving a seat or a queue place counted but unused. Recounting is safe only for a
// call nobody is in the middle of changing: every step writes `updatedAt` (on the call for counter steps, on the
// sign-up for row steps), so a call whose call and sign-ups have all been quiet for longer than any invocation
// can run has nothing in flight. The fix is conditional on the values read, so a change that starts meanwhile
// makes it a no-op rather than being overwritten.
import { isPast } from '../../src/core/rules'
import type { Call } from '../../src/core/types'
import { _ } from './cloud'
import { collection, count, find, updateWhere } from './db'
import { promote } from './waitlist'

/** Longer than any invocation may run (WeChat's limit is 60 s), with room for clock skew between instances. */
export const QUIET_MS = 3 * 60_000

const PAGE = 100

export interface RepairReport {
  /** calls looked at */
  checked: number
  /** calls whose counters were corrected */
  repaired: number
  /** calls left for the next run because something changed them recently */
  busy: number
  /** waitlisted volunteers given a seat */
  promoted: number
}

/** Every open or closed call that has not ended, a page at a time. */
export async function repairCounters(now: number): Promise<RepairReport> {
  const report: RepairReport = { checked: 0, repaired: 0, busy: 0, promoted: 0 }
  let after = ''
  for (;;) {
    const calls = await find<Call>(
      collection('calls')
        .where({ status: _.in(['open', 'closed']), _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .limit(PAGE),
    )
    for (const call of calls) {
      if (isPast(call, now)) continue
      report.checked++
      const outcome = await repairCall(call, now)
      if (outcome === 'repaired') report.repaired++
      if (outcome === 'busy') report.busy++
      report.promoted += await promote(call._id, now)
    }
    if (calls.length < PAGE) return report
    after = calls[calls.length - 1]._id
  }
}

export async function repairCall(call: Call, now: number): Promise<'ok' | 'repaired' | 'busy'> {
  const quietSince = now - QUIET_MS
  const signUps = collection('signups')
  const seats = await count(
    signUps.where({ callId: call._id, status: _.in(['confirmed', 'attended', 'no_show']) }),
  )
  const queued = await count(signUps.where({ callId: call._id, status: 'waitlisted' }))
  if (seats === call.confirmed && queued === call.waitlisted) return 'ok'
  if (call.updatedAt > quietSince) return 'busy'
  // Looked at after counting: a row step that the counts may have seen is then seen here too (it wrote updatedAt).
  if ((await count(signUps.where({ callId: call._id, updatedAt: _.gt(quietSince) }))) > 0) return 'busy'
  const updated = await updateWhere(
    collection('calls').where({
      _id: call._id,
      confirmed: call.confirmed,
      waitlisted: call.waitlisted,
      updatedAt: call.updatedAt,
    }),
    { confirmed: seats, waitlisted: queued, updatedAt: now },
  )
  if (updated === 1) {
    console.warn(
      `repaired call ${call._id}: confirmed ${call.confirmed} → ${seats}, waitlisted ${call.waitlisted} → ${queued}`,
    )
  }
  return updated === 1 ? 'repaired' : 'busy'
}
