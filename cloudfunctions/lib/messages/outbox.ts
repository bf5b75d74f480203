// Queues outbox messages (sent later by the `remind` timer). Message ids are derived from what they report, so
// queueing is idempotent: a retried or concurrent job stores each message once.
import { _ } from '@lib/cloud/cloud'
import { collection, find, insertOnce } from '@lib/cloud/db'
import type { Message, SignUp } from '@core/model'

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
