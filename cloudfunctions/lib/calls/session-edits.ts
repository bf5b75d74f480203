// How the organizer's session edits are written: each is one update of the call document, conditional on the
// edit version read (the sessions array is rewritten whole, so two concurrent edits must not both apply) and on
// the call not being cancelled. Sign-ups and counters do not move the version, so a busy call is not in the way.
import { slotOfSignUp } from '@core/calls/slots'
import { partyOf } from '@core/calls/companions'
import type { Call, Message, SignUp } from '@core/model'
import { _ } from '@lib/cloud/cloud'
import { collection, find, findById, updateWhere } from '@lib/cloud/db'
import { inParallel } from '@lib/cloud/parallel'
import { queueMessage, sessionSignUps } from '@lib/messages/outbox'
import { countLeaver, releaseSeat } from '@lib/waitlist/seats'

/** Concurrent edits moving the version: read again and retry this often. */
export const EDIT_ATTEMPTS = 5

/** One conditional write; false = the call changed meanwhile (read it again). */
export async function writeSessionEdit(
  call: Call,
  data: Record<string, unknown>,
  where: Record<string, unknown>,
  now: number,
): Promise<boolean> {
  const condition = {
    _id: call._id,
    status: _.in(['open', 'closed']),
    editVersion: call.editVersion ?? _.exists(false),
    ...where,
  }
  const update = { ...data, editVersion: (call.editVersion ?? 0) + 1, updatedAt: now }
  return (await updateWhere(collection('calls').where(condition), update)) === 1
}

/**
 * Before a call of one slot gets a second session, its sign-ups stored before slots existed are given the slot
 * `s1` (those written since carry it already), so the queue of `s1` finds them once the call has slots.
 */
export async function nameTheOnlySlot(callId: string): Promise<void> {
  await updateWhere(collection('signups').where({ callId, slot: _.exists(false) }), { slot: 's1' })
}

export async function reread(call: Call): Promise<Call | null> {
  return findById('calls', call._id)
}

/** Sign-ups told and given back at once, so a session of hundreds fits in one invocation's time. */
const PARALLEL = 10
const PAGE = 100

/**
 * After a session is cancelled (its slots take no one any more), each of its bookings is told (`tell`, a message
 * whose id is per sign-up and session) and given back: the row flipped to cancelled, conditional on the status
 * read (a volunteer's own cancel at the same moment frees one place, not two), then uncounted. Stops taking new
 * rows at `deadline`; whatever is left, a retry or the `remind` run finishes. Returns how many this run gave back.
 */
export async function giveBackSession(
  call: Call,
  sessionId: string,
  now: number,
  tell: (signUp: SignUp) => Message | undefined,
  deadline = Infinity,
): Promise<number> {
  const of = sessionSignUps(call, [sessionId])
  if (!of) return 0
  let given = 0
  for (;;) {
    if (Date.now() >= deadline) return given
    // each page is read afresh: the rows given back leave the query
    const page = await find<SignUp>(
      collection('signups')
        .where({ ...of, status: _.in(['confirmed', 'waitlisted']) })
        .limit(PAGE),
    )
    await inParallel(page, PARALLEL, async (signUp) => {
      if (Date.now() >= deadline) return
      const message = tell(signUp)
      if (message) await queueMessage(message)
      const flipped = await updateWhere(
        collection('signups').where({ _id: signUp._id, status: signUp.status }),
        {
          status: 'cancelled',
          cancelledAt: now,
          sessionCancelled: true,
          updatedAt: now,
        },
      )
      if (flipped === 0) return // the volunteer cancelled meanwhile: theirs uncounted it
      const slot = slotOfSignUp(signUp)
      if (signUp.status === 'confirmed') await releaseSeat(call, slot, now, partyOf(signUp))
      else await countLeaver(call, slot, now, partyOf(signUp))
      given++
    })
    if (page.length < PAGE) return given
  }
}

/**
 * The `remind` run finishes the session cancels of the last day that an organizer's invocation left unfinished
 * (it ran out of time, or a sign-up was being written as the session was cancelled): their bookings are given
 * back. Telling them is cancel-repair.ts's, which runs first.
 */
export async function finishSessionCancels(now: number): Promise<number> {
  const calls = await find<Call>(
    collection('calls')
      .where({
        status: _.in(['open', 'closed']),
        sessions: _.elemMatch({ cancelledAt: _.gt(now - FINISH_WITHIN_MS) }),
      })
      .limit(PAGE),
  )
  let given = 0
  for (const call of calls) {
    for (const session of call.sessions ?? []) {
      if (session.cancelledAt === undefined || session.cancelledAt <= now - FINISH_WITHIN_MS) continue
      given += await giveBackSession(call, session.id, now, () => undefined)
    }
  }
  return given
}

const FINISH_WITHIN_MS = 24 * 3_600_000
