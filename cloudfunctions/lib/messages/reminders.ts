// Writes the reminders that have fallen due (see src/core/messages/reminders.ts for why they are written only then): for
// each session whose reminder time has come and which has not started, one `reminder` message per confirmed
// sign-up of its slots, under an id that carries the session's start, so every run may do it again and nothing is
// written twice. A call of one session is its own session.
import { dueSessions, reminderMessage, reminderSession } from '@core/messages/reminders'
import type { Call, CallSession, Message, SignUp } from '@core/model'
import { _ } from '@lib/cloud/cloud'
import { collection, find, findByIds, insertOnce } from '@lib/cloud/db'
import { inParallel } from '@lib/cloud/parallel'
import { withQuotaRetry } from '@lib/cloud/quota-retry'
import { sessionSignUps } from './outbox'

const CALL_PAGE = 100
/** The SDK's largest page on the server side. */
const SIGNUP_PAGE = 1000
/** findByIds reads at most 100 ids at a time. */
const ID_BATCH = 100

/** No lead is longer than this: only sessions starting within it can have reminders due. */
const LONGEST_LEAD_MS = 24 * 3_600_000

interface DueCall {
  call: Call
  sessions: CallSession[]
}

/**
 * Returns how many reminders this run wrote (those already written by an earlier or concurrent run not counted).
 * The calls read are those that may have a session due: by the call's own start (its first session's) within the
 * longest lead, as before there were sessions; or, for a call of several, a session that starts within the lead
 * and has not ended (`elemMatch`: one element meets both, a condition per field as WeChat's SDK encodes it; a range
 * on one field inside it is not encoded). So a run reads the calls due and those with a session under way now,
 * never a season's calls for all its weeks; the sessions due are picked from them here.
 */
export async function queueDueReminders(now: number, concurrency: number): Promise<number> {
  let written = 0
  let after = ''
  const horizon = now + LONGEST_LEAD_MS
  for (;;) {
    const calls = await find<Call>(
      collection('calls')
        .where(
          _.and([
            { status: _.in(['open', 'closed']), _id: _.gt(after) },
            _.or([
              { startAt: _.gt(now).and(_.lte(horizon)) },
              { sessions: _.elemMatch({ startAt: _.lte(horizon), endAt: _.gt(now) }) },
            ]),
          ]),
        )
        .orderBy('_id', 'asc')
        .limit(CALL_PAGE),
    )
    const due = calls
      .map((call) => ({ call, sessions: dueSessions(call, now) }))
      .filter((d) => d.sessions.length > 0)
    if (due.length > 0) written += await queueForCalls(due, now, concurrency)
    if (calls.length < CALL_PAGE) return written
    after = calls[calls.length - 1]._id
  }
}

/**
 * The confirmed sign-ups of these calls' due sessions, a large page at a time, each page's missing reminders
 * written. A call of several sessions is read only for the slots of its due sessions.
 */
async function queueForCalls(due: DueCall[], now: number, concurrency: number): Promise<number> {
  const calls = new Map(due.map((d) => [d.call._id, d.call]))
  const dueIds = new Map(due.map((d) => [d.call._id, new Set(d.sessions.map((s) => s.id))]))
  const plain = due.filter((d) => !d.call.slots).map((d) => d.call._id)
  const parts: object[] = plain.length ? [{ callId: _.in(plain) }] : []
  for (const d of due) {
    const of = d.call.slots
      ? sessionSignUps(
          d.call,
          d.sessions.map((s) => s.id),
        )
      : undefined
    if (of) parts.push(of)
  }
  const of = parts.length === 1 ? parts[0] : _.or(parts)
  let written = 0
  let after = ''
  for (;;) {
    const signUps = await find<SignUp>(
      collection('signups')
        .where(_.and([of, { status: 'confirmed', _id: _.gt(after) }]))
        .orderBy('_id', 'asc')
        .limit(SIGNUP_PAGE),
    )
    // a row of a slot the call no longer has, or of a session not due, is left alone
    const mine = signUps.filter((s) => {
      const session = reminderSession(calls.get(s.callId) as Call, s)
      return session !== undefined && dueIds.get(s.callId)?.has(session.id) === true
    })
    const messages = mine.map((s) => reminderMessage(calls.get(s.callId) as Call, s, now))
    // Reading which exist costs a query per 100 volunteers; a later run writes nothing again.
    const existing = new Set<string>()
    for (let i = 0; i < messages.length; i += ID_BATCH) {
      const found = await findByIds(
        'messages',
        messages.slice(i, i + ID_BATCH).map((m) => m._id),
      )
      for (const id of found.keys()) existing.add(id)
    }
    written += await insertAll(
      messages.filter((m) => !existing.has(m._id)),
      concurrency,
    )
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
      await withQuotaRetry(
        () => collection('messages').add({ data: batch as unknown as Record<string, unknown> }),
        'write',
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
