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
import { counterFields, hasSlots, MAX_SLOTS, ONLY_SLOT, slotKeysOf, slotOf } from '@core/calls/slots'
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

/** A call's rows counted per slot (rows stored before slots count in `s1`). */
type SlotRowCounts = Map<string, RowCounts>

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
      const counted = rows.get(call._id) ?? new Map()
      const outcome = await repairCall(call, counted, now)
      if (outcome === 'repaired') report.repaired++
      if (outcome === 'busy') report.busy++
      // Nobody waits unless the queue counter or the rows say so (rows ≤ counter): then free seats go to the queue.
      for (const slot of slotKeysOf(call)) {
        if ((slotOf(call, slot)?.waitlisted ?? 0) > 0 || (counted.get(slot)?.queued ?? 0) > 0)
          report.promoted += await promote(call._id, slot, now)
      }
    }
    if (calls.length < PAGE) return report
    after = calls[calls.length - 1]._id
  }
}

/** Seats held and queue places of each call's slots, from its sign-ups: one aggregate round trip for the page. */
async function countRows(callIds: string[]): Promise<Map<string, SlotRowCounts>> {
  const counts = new Map<string, SlotRowCounts>()
  if (callIds.length === 0) return counts
  const $ = db.command.aggregate
  const groups = (
    (await collection('signups')
      .aggregate()
      // walk-ins came without a seat: they never count
      .match({ callId: _.in(callIds), status: _.in([...SEAT_HOLDING, 'waitlisted']), walkIn: _.neq(true) })
      // people, not rows: a party of k (the volunteer and companions) holds k seats; rows before companions hold 1
      .group({
        _id: { callId: '$callId', status: '$status', slot: '$slot' },
        n: $.sum($.ifNull(['$party', 1])),
      })
      .limit(callIds.length * (SEAT_HOLDING.length + 1) * MAX_SLOTS)
      .end()) as {
      list: { _id: { callId: string; status: SignUp['status']; slot?: string | null }; n: number }[]
    }
  ).list
  for (const { _id, n } of groups) {
    const slots = counts.get(_id.callId) ?? new Map<string, RowCounts>()
    const slot = _id.slot ?? ONLY_SLOT
    const entry = slots.get(slot) ?? { seats: 0, queued: 0 }
    if (_id.status === 'waitlisted') entry.queued += n
    else entry.seats += n
    slots.set(slot, entry)
    counts.set(_id.callId, slots)
  }
  return counts
}

/** Fixes one call's counters (each slot's, and their sums) to the rows counted (`counted`, read after the call). */
export async function repairCall(
  call: Call,
  counted: SlotRowCounts,
  now: number,
): Promise<'ok' | 'repaired' | 'busy'> {
  const quietSince = now - QUIET_MS
  const fix = correction(call, counted)
  if (!fix) return 'ok'
  if (call.updatedAt > quietSince) return 'busy'
  // Looked at after counting: a row step that the counts may have seen is then seen here too (it wrote updatedAt).
  if ((await count(collection('signups').where({ callId: call._id, updatedAt: _.gt(quietSince) }))) > 0)
    return 'busy'
  const updated = await updateWhere(
    collection('calls').where({ _id: call._id, ...fix.read, updatedAt: call.updatedAt }),
    { ...fix.write, updatedAt: now },
  )
  if (updated === 1) {
    console.warn(`repaired call ${call._id}: ${JSON.stringify(fix.read)} → ${JSON.stringify(fix.write)}`)
  }
  return updated === 1 ? 'repaired' : 'busy'
}

/** The counters that differ from the rows: their values as read and as they should be; undefined if none. */
function correction(
  call: Call,
  counted: SlotRowCounts,
): { read: Record<string, number>; write: Record<string, number> } | undefined {
  const read: Record<string, number> = {}
  const write: Record<string, number> = {}
  let seats = 0
  let queued = 0
  for (const slot of slotKeysOf(call)) {
    const counters = slotOf(call, slot)
    if (!counters) continue
    const rows = counted.get(slot) ?? { seats: 0, queued: 0 }
    seats += rows.seats
    queued += rows.queued
    if (!hasSlots(call)) continue
    const fields = counterFields(call, slot)
    if (rows.seats !== counters.confirmed) {
      read[fields.confirmed] = counters.confirmed
      write[fields.confirmed] = rows.seats
    }
    if (rows.queued !== counters.waitlisted) {
      read[fields.waitlisted] = counters.waitlisted
      write[fields.waitlisted] = rows.queued
    }
  }
  if (seats !== call.confirmed) {
    read.confirmed = call.confirmed
    write.confirmed = seats
  }
  if (queued !== call.waitlisted) {
    read.waitlisted = call.waitlisted
    write.waitlisted = queued
  }
  return Object.keys(write).length > 0 ? { read, write } : undefined
}
