// A call of several sessions is listed by its next session (Call.startAt, session-edit.ts callTimes): when a
// session starts, each `remind` run moves the call's startAt on to the one after it. Until then (at most one run
// late) the list leaves the call out, as it does every call that has started.
import { callTimes } from '@core/calls/session-edit'
import type { Call } from '@core/model'
import { _ } from '@lib/cloud/cloud'
import { collection, find, updateWhere } from '@lib/cloud/db'
import { syncPublicCallFileQuietly } from './public-call-file'

const PAGE = 100

/** Returns how many calls were moved on to their next session. */
export async function moveOnToNextSessions(now: number): Promise<number> {
  let moved = 0
  let after = ''
  for (;;) {
    const calls = await find<Call>(
      collection('calls')
        .where({
          status: _.in(['open', 'closed']),
          sessions: _.exists(true),
          startAt: _.lte(now),
          endAt: _.gt(now),
          _id: _.gt(after),
        })
        .orderBy('_id', 'asc')
        .limit(PAGE),
    )
    for (const call of calls) {
      const next = callTimes(call.sessions ?? [], now)?.startAt
      if (next === undefined || next === call.startAt) continue
      // conditional on the start read: a session edit meanwhile has set it itself
      const updated = await updateWhere(collection('calls').where({ _id: call._id, startAt: call.startAt }), {
        startAt: next,
      })
      moved += updated
      // its page shows the next session's start too; only the calls moved, so a run with none reads nothing more
      if (updated > 0) await syncPublicCallFileQuietly(call._id, now)
    }
    if (calls.length < PAGE) return moved
    after = calls[calls.length - 1]._id
  }
}
