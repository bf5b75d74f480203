// Queues outbox messages (sent later by the `remind` timer). Message ids are derived from what they report, so
// queueing is idempotent: a retried or concurrent job stores each message once.
import { _ } from '@lib/cloud/cloud'
import { collection, find, insertOnce } from '@lib/cloud/db'
import { ONLY_SLOT, parseSlotKey } from '@core/calls/slots'
import type { Call, Message, SignUp } from '@core/model'

const PAGE = 100

export async function queueMessage(message: Message): Promise<void> {
  await insertOnce('messages', message)
}

/**
 * Queues those of `messages` (at most a page) that are not in the outbox yet, after one query for which are: for
 * a repair that mostly finds its messages already queued. Returns how many it queued.
 */
export async function queueMissing(messages: Message[]): Promise<number> {
  if (messages.length === 0) return 0
  const queued = await find<{ _id: string }>(
    collection('messages')
      .where({ _id: _.in(messages.map((m) => m._id)) })
      .field({ _id: true })
      .limit(messages.length),
  )
  const known = new Set(queued.map((m) => m._id))
  const missing = messages.filter((m) => !known.has(m._id))
  for (const message of missing) await queueMessage(message)
  return missing.length
}

/** One message to every confirmed and waitlisted volunteer of the call; returns how many were addressed. */
export async function queueForVolunteers(
  callId: string,
  build: (signUp: SignUp) => Message,
): Promise<number> {
  let addressed = 0
  let after = ''
  for (;;) {
    const page = await find<SignUp>(
      collection('signups')
        .where({ callId, status: _.in(['confirmed', 'waitlisted']), _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .limit(PAGE),
    )
    for (const signUp of page) await queueMessage(build(signUp))
    addressed += page.length
    if (page.length < PAGE) return addressed
    after = page[page.length - 1]._id
  }
}

/**
 * The `where` of the sign-ups of some sessions of a call: of a call of one slot, all of them (the session `s1`;
 * another session has none); of a call of several, those whose slot is one of those sessions' (the session's id,
 * or it and a role's: `s2`, `s2-r1`), as the call's `slots` list them. Statuses are the caller's to add.
 * Undefined when no sign-up can match (a session the call does not have).
 */
export function sessionSignUps(
  call: Pick<Call, '_id'> & Partial<Pick<Call, 'slots'>>,
  sessionIds: string[],
): Record<string, unknown> | undefined {
  if (!call.slots) return sessionIds.includes(ONLY_SLOT) ? { callId: call._id } : undefined
  const keys = Object.keys(call.slots).filter((key) => sessionIds.includes(parseSlotKey(key).sessionId))
  return keys.length ? { callId: call._id, slot: _.in(keys) } : undefined
}

/**
 * One message to every confirmed and waitlisted volunteer of one session of the call (an organizer's edit or
 * cancel of that session: core/messages/messages.ts sessionChangedMessage, sessionCancelledMessage), a page at a
 * time; returns how many were addressed. Ids are the builder's, so a retried edit queues nothing twice.
 */
export async function queueForSession(
  call: Pick<Call, '_id'> & Partial<Pick<Call, 'slots'>>,
  sessionId: string,
  build: (signUp: SignUp) => Message,
): Promise<number> {
  let addressed = 0
  let after = ''
  const of = sessionSignUps(call, [sessionId])
  if (!of) return 0
  for (;;) {
    const page = await find<SignUp>(
      collection('signups')
        .where({ ...of, status: _.in(['confirmed', 'waitlisted']), _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .limit(PAGE),
    )
    for (const signUp of page) await queueMessage(build(signUp))
    addressed += page.length
    if (page.length < PAGE) return addressed
    after = page[page.length - 1]._id
  }
}
