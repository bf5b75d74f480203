// A promotion gives the seat first and queues its 「候补成功」 message second (waitlist.ts): an instance dying
// between the two leaves a volunteer promoted and never told. Each `remind` run looks at the sign-ups promoted in
// the last hour that still hold their seat and queues the message of any that has none. The message's id is the
// promotion's own, so a message the promoter queued after all is the same message, never a second one.
import { promotedMessage } from '@core/messages/messages'
import { isPast } from '@core/calls/rules'
import { sessionOfSlot, slotOfSignUp } from '@core/calls/slots'
import type { SignUp } from '@core/model'
import { _ } from '@lib/cloud/cloud'
import { collection, find, findByIds } from '@lib/cloud/db'
import { queueMissing } from '@lib/messages/outbox'

/**
 * Promotions of the last hour are looked at (twelve runs' chances); one younger than a minute is left to its
 * promoter, which may still be about to queue it.
 */
const LOOKBACK_MS = 3600_000
const SETTLE_MS = 60_000
const PAGE = 100

/** Queues the missing messages of recent promotions; returns how many were missing. */
export async function queueMissedPromotionNotices(now: number): Promise<number> {
  let missing = 0
  let after = ''
  for (;;) {
    const page = await find<SignUp>(
      collection('signups')
        .where({
          status: 'confirmed',
          promotedAt: _.gt(now - LOOKBACK_MS).and(_.lt(now - SETTLE_MS)),
          erasedAt: _.exists(false), // who deleted their data is not written to
          _id: _.gt(after),
        })
        .orderBy('_id', 'asc')
        .limit(PAGE),
    )
    missing += await tellPromoted(page, now)
    if (page.length < PAGE) return missing
    after = page[page.length - 1]._id
  }
}

async function tellPromoted(promoted: SignUp[], now: number): Promise<number> {
  if (promoted.length === 0) return 0
  const calls = await findByIds(
    'calls',
    promoted.map((s) => s.callId),
  )
  const due = promoted.flatMap((signUp) => {
    const call = calls.get(signUp.callId)
    // a call (or the seat's session) cancelled or over since has nothing left to tell about its seat
    if (!call || call.status === 'cancelled' || isPast(call, now)) return []
    const session = sessionOfSlot(call, slotOfSignUp(signUp))
    if (session && (session.cancelledAt !== undefined || isPast(session, now))) return []
    return [promotedMessage(call, signUp, now)]
  })
  return queueMissing(due)
}
