// Cancelling a call closes it to new seats and then tells every volunteer (cancelCall.ts), but a sign-up that had
// counted its seat just before the cancel may write its row after the telling passed by: that volunteer holds a
// place on a cancelled call and was never told. Each `remind` run looks again at the calls cancelled in the last
// hour and queues the message of anyone still untold, in the cancel's own words. Message ids are per sign-up, so
// nobody is told twice. The same for a session cancelled alone (its slots closed, its volunteers told with
// sessionCancelledMessage): a sign-up racing that cancel is told in the session's words, 「本场活动已取消」.
import { cancelledMessage, sessionCancelledMessage } from '@core/messages/messages'
import type { Call, CallSession, Message, SignUp } from '@core/model'
import { _ } from '@lib/cloud/cloud'
import { collection, find } from '@lib/cloud/db'
import { queueMissing, sessionSignUps } from './outbox'

/** A sign-up in flight lasts at most an invocation (60 s); an hour gives twelve runs' chances. */
const LOOKBACK_MS = 3600_000
const SETTLE_MS = 60_000
const PAGE = 100

/**
 * Queues the missing `cancelled` messages of recently cancelled calls, and of sessions recently cancelled alone on
 * calls still on; returns how many were missing.
 */
export async function queueMissedCancellations(now: number): Promise<number> {
  const calls = await find<Call>(
    collection('calls')
      .where({ status: 'cancelled', cancelledAt: _.gt(now - LOOKBACK_MS).and(_.lt(now - SETTLE_MS)) })
      .limit(PAGE),
  )
  let missing = 0
  for (const call of calls)
    missing += await tellVolunteers({ callId: call._id }, (signUp) =>
      cancelledMessage(call, signUp, now, call.cancelReason),
    )
  return missing + (await queueMissedSessionCancellations(now))
}

async function queueMissedSessionCancellations(now: number): Promise<number> {
  // one condition inside elemMatch (the SDK encodes no range there): the settling minute is left out below
  const calls = await find<Call>(
    collection('calls')
      .where({
        status: _.in(['open', 'closed']),
        sessions: _.elemMatch({ cancelledAt: _.gt(now - LOOKBACK_MS) }),
      })
      .limit(PAGE),
  )
  let missing = 0
  for (const call of calls) {
    const settled = (call.sessions ?? []).filter(
      (s): s is CallSession & { cancelledAt: number } =>
        s.cancelledAt !== undefined && s.cancelledAt > now - LOOKBACK_MS && s.cancelledAt < now - SETTLE_MS,
    )
    for (const session of settled) {
      const of = sessionSignUps(call, [session.id])
      if (of)
        missing += await tellVolunteers(of, (signUp) =>
          sessionCancelledMessage(call, session, signUp, session.cancelReason, now),
        )
    }
  }
  return missing
}

/** `build`'s message to each confirmed and waitlisted sign-up matching `of` that has none yet. */
async function tellVolunteers(
  of: Record<string, unknown>,
  build: (signUp: SignUp) => Message,
): Promise<number> {
  let missing = 0
  let after = ''
  for (;;) {
    const page = await find<SignUp>(
      collection('signups')
        .where({
          ...of,
          status: _.in(['confirmed', 'waitlisted']),
          erasedAt: _.exists(false), // who deleted their data is not written to
          _id: _.gt(after),
        })
        .orderBy('_id', 'asc')
        .limit(PAGE),
    )
    missing += await queueMissing(page.map(build))
    if (page.length < PAGE) return missing
    after = page[page.length - 1]._id
  }
}
