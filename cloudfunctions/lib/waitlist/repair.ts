// Repairs the counters of calls from their sign-ups. A counter drifts only when an instance died between its two
// steps (waitlist.ts: "Drift"), leaving a seat or a queue place counted but unused. Recounting is safe only for a
// call nobody is in the middle of changing: every step writes `updatedAt` (on the call for counter steps, on the
// sign-up for row steps), so a call whose call and sign-ups have all been quiet for longer than any invocation
// can run has nothing in flight. The fix is conditional on the values read, so a change that starts meanwhile
// makes it a no-op rather than being overwritten.
import { isPast } from '@core/calls/rules'
import type { Call, SignUp } from '@core/model'
import { _, db } from '@lib/cloud/cloud'
import { collection, count, find, updateWhere } from '@lib/cloud/db'
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

/** Sign-up statuses that hold a seat (the `confirmed` counter counts them), walk-ins aside. */
const SEAT_HOLDING: SignUp['status'][] = ['confirmed', 'attended', 'no_show']

interface RowCounts {
  seats: number
  queued: number
}

/** Every open or closed call that has not ended, a page at a time; the rows of a page counted in one query. */
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
    const current = calls.filter((call) => !isPast(call, now))
    const rows = await countRows(current.map((call) => call._id))
    for (const call of current) {
      report.checked++
      const counted = rows.get(call._id) ?? { seats: 0, queued: 0 }
      const outcome = await repairCall(call, counted, now)
      if (outcome === 'repaired') report.repaired++
      if (outcome === 'busy') report.busy++
      // Nobody waits unless the queue counter or the rows say so (rows ≤ counter): then free seats go to the queue.
      if (call.waitlisted > 0 || counted.queued > 0) report.promoted += await promote(call._id, now)
    }
    if (calls.length < PAGE) return report
    after = calls[calls.length - 1]._id
  }
}

/** Seats held and queue places of each call, from its sign-ups: one aggregate round trip for the whole page. */
async function countRows(callIds: string[]): Promise<Map<string, RowCounts>> {
  const counts = new Map<string, RowCounts>()
  if (callIds.length === 0) return counts
  const $ = db.command.aggregate
  const groups = (
    (await collection('signups')
      .aggregate()
      // walk-ins came without a seat: they never count
      .match({ callId: _.in(callIds), status: _.in([...SEAT_HOLDING, 'waitlisted']), walkIn: _.neq(true) })
      .group({ _id: { callId: '$callId', status: '$status' }, n: $.sum(1) })
      .limit(callIds.length * (SEAT_HOLDING.length + 1))
      .end()) as { list: { _id: { callId: string; status: SignUp['status'] }; n: number }[] }
  ).list
  for (const { _id, n } of groups) {
    const entry = counts.get(_id.callId) ?? { seats: 0, queued: 0 }
    if (_id.status === 'waitlisted') entry.queued += n
    else entry.seats += n
    counts.set(_id.callId, entry)
  }
  return counts
}

/** Fixes one call's counters to the rows counted (`counted`, read after the call itself). */
export async function repairCall(
  call: Call,
  counted: RowCounts,
  now: number,
): Promise<'ok' | 'repaired' | 'busy'> {
  const quietSince = now - QUIET_MS
  const { seats, queued } = counted
  if (seats === call.confirmed && queued === call.waitlisted) return 'ok'
  if (call.updatedAt > quietSince) return 'busy'
  // Looked at after counting: a row step that the counts may have seen is then seen here too (it wrote updatedAt).
  if ((await count(collection('signups').where({ callId: call._id, updatedAt: _.gt(quietSince) }))) > 0)
    return 'busy'
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
