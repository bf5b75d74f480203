// Writes the reminders that have fallen due (see src/core/messages/reminders.ts for why they are written only then): for
// each call whose reminder time has come and which has not started, one `reminder` message per confirmed
// sign-up, under an id that carries the call's start, so every run may do it again and nothing is written twice.
import { isReminderDue, reminderId, reminderMessage } from '@core/messages/reminders'
import type { Call, Message, SignUp } from '@core/model'
import { _ } from '@lib/cloud/cloud'
import { collection, find, findByIds, insertOnce } from '@lib/cloud/db'
import { inParallel } from '@lib/cloud/parallel'
import { withQuotaRetry } from '@lib/cloud/quota-retry'

const CALL_PAGE = 100
/** The SDK's largest page on the server side. */
const SIGNUP_PAGE = 1000
/** findByIds reads at most 100 ids at a time. */
const ID_BATCH = 100

/** No lead is longer than this: only calls starting within it can have reminders due. */
const LONGEST_LEAD_MS = 24 * 3_600_000

/** Returns how many reminders this run wrote (those already written by an earlier or concurrent run not counted). */
export async function queueDueReminders(now: number, concurrency: number): Promise<number> {
  let written = 0
  let after = ''
  for (;;) {
    const calls = await find<Call>(
      collection('calls')
        .where({
          status: _.in(['open', 'closed']),
          startAt: _.gt(now).and(_.lte(now + LONGEST_LEAD_MS)),
          _id: _.gt(after),
        })
        .orderBy('_id', 'asc')
        .limit(CALL_PAGE),
    )
    const due = calls.filter((call) => isReminderDue(call, now))
    if (due.length > 0) written += await queueForCalls(new Map(due.map((c) => [c._id, c])), now, concurrency)
    if (calls.length < CALL_PAGE) return written
    after = calls[calls.length - 1]._id
  }
}

/** The confirmed sign-ups of these calls, a large page at a time, each page's missing reminders written. */
async function queueForCalls(calls: Map<string, Call>, now: number, concurrency: number): Promise<number> {
  let written = 0
  let after = ''
  for (;;) {
    const signUps = await find<SignUp>(
      collection('signups')
        .where({ callId: _.in([...calls.keys()]), status: 'confirmed', _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .limit(SIGNUP_PAGE),
    )
    const idOf = (s: SignUp) => reminderId(s._id, (calls.get(s.callId) as Call).startAt)
    // Reading which exist costs a query per 100 volunteers; a later run writes nothing again.
    const existing = new Set<string>()
    for (let i = 0; i < signUps.length; i += ID_BATCH) {
      const found = await findByIds('messages', signUps.slice(i, i + ID_BATCH).map(idOf))
      for (const id of found.keys()) existing.add(id)
    }
    const missing = signUps
      .map((s) => reminderMessage(calls.get(s.callId) as Call, s, now))
      .filter((m) => !existing.has(m._id))
    written += await insertAll(missing, concurrency)
    if (signUps.length < SIGNUP_PAGE) return written
    after = signUps[signUps.length - 1]._id
  }
}

/**
 * Writes messages in batches of 100 (one round trip each). A batch that fails (another run wrote one of them
 * meanwhile; the database may have kept some of the batch) is written again one by one, each only if missing.
 */
async function insertAll(messages: Message[], concurrency: number): Promise<number> {
  let written = 0
  const batches: Message[][] = []
  for (let i = 0; i < messages.length; i += ID_BATCH) batches.push(messages.slice(i, i + ID_BATCH))
  await inParallel(batches, concurrency, async (batch) => {
    try {
      await withQuotaRetry(() =>
        collection('messages').add({ data: batch as unknown as Record<string, unknown> }),
      )
      written += batch.length
    } catch {
      await inParallel(batch, concurrency, async (message) => {
        if (await insertOnce('messages', message)) written++
      })
    }
  })
  return written
}
