// Cancelling a call closes it to new seats and then tells every volunteer (cancelCall.ts), but a sign-up that had
// counted its seat just before the cancel may write its row after the telling passed by: that volunteer holds a
// place on a cancelled call and was never told. Each `remind` run looks again at the calls cancelled in the last
// hour and queues the message of anyone still untold, in the cancel's own words. Message ids are per sign-up, so
// nobody is told twice.
import { cancelledMessage } from '@core/messages/messages'
import type { Call, SignUp } from '@core/model'
import { _ } from '@lib/cloud/cloud'
import { collection, find } from '@lib/cloud/db'
import { queueMissing } from './outbox'

/** A sign-up in flight lasts at most an invocation (60 s); an hour gives twelve runs' chances. */
const LOOKBACK_MS = 3600_000
const SETTLE_MS = 60_000
const PAGE = 100

/** Queues the missing `cancelled` messages of recently cancelled calls; returns how many were missing. */
export async function queueMissedCancellations(now: number): Promise<number> {
  const calls = await find<Call>(
    collection('calls')
      .where({ status: 'cancelled', cancelledAt: _.gt(now - LOOKBACK_MS).and(_.lt(now - SETTLE_MS)) })
      .limit(PAGE),
  )
  let missing = 0
  for (const call of calls) missing += await tellVolunteers(call, now)
  return missing
}

async function tellVolunteers(call: Call, now: number): Promise<number> {
  let missing = 0
  let after = ''
  for (;;) {
    const page = await find<SignUp>(
      collection('signups')
        .where({
          callId: call._id,
          status: _.in(['confirmed', 'waitlisted']),
          erasedAt: _.exists(false), // who deleted their data is not written to
          _id: _.gt(after),
        })
        .orderBy('_id', 'asc')
        .limit(PAGE),
    )
    missing += await queueMissing(
      page.map((signUp) => cancelledMessage(call, signUp, now, call.cancelReason)),
    )
    if (page.length < PAGE) return missing
    after = page[page.length - 1]._id
  }
}
