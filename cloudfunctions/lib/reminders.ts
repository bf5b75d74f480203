// Writes the reminders that have fallen due (see src/core/reminders.ts for why they are written only then): for
// each call whose reminder time has come and which has not started, one `reminder` message per confirmed
// sign-up, under an id that carries the call's start, so every run may do it again and nothing is written twice.
import { isReminderDue, reminderId, reminderMessage } from '../../src/core/reminders'
import type { Call, SignUp } from '../../src/core/types'
import { _ } from './cloud'
import { collection, find, findByIds, insertOnce } from './db'
import { inParallel } from './parallel'

const PAGE = 100

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
        .limit(PAGE),
    )
    for (const call of calls) {
      if (isReminderDue(call, now)) written += await queueForCall(call, now, concurrency)
    }
    if (calls.length < PAGE) return written
    after = calls[calls.length - 1]._id
  }
}

async function queueForCall(call: Call, now: number, concurrency: number): Promise<number> {
  let written = 0
  let after = ''
  for (;;) {
    const signUps = await find<SignUp>(
      collection('signups')
        .where({ callId: call._id, status: 'confirmed', _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .limit(PAGE),
    )
    // One read tells which are written already, so a later run costs a query per 100 volunteers, not a write each.
    const existing = await findByIds(
      'messages',
      signUps.map((s) => reminderId(s._id, call.startAt)),
    )
    const missing = signUps.filter((s) => !existing.has(reminderId(s._id, call.startAt)))
    await inParallel(missing, concurrency, async (signUp) => {
      if (await insertOnce('messages', reminderMessage(call, signUp, now))) written++
    })
    if (signUps.length < PAGE) return written
    after = signUps[signUps.length - 1]._id
  }
}
