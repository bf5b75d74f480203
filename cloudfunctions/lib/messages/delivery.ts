// Sends the outbox's due messages as subscribe messages. WeChat's send is not idempotent, so "exactly once" rests
// on the order of three writes around it:
//   claim  pending (or a lapsed lease) → sending, conditional on the status and lease read: of two runs that read
//          the same message, one claims it; the other moves on. Claimed right before its send, never in bulk, so
//          a run that dies leaves at most its in-flight messages (≤ its concurrency) claimed and unmarked;
//   send   subscribeMessage.send;
//   mark   sending → sent at once, conditional on our lease.
// A run that dies between send and mark leaves a `sending` message whose lease lapses; the next run sends it
// again, because it cannot tell a message WeChat got from one it never saw (there is no API to ask). That window
// is one round trip per in-flight message; everywhere else a death loses nothing and repeats nothing.
// Errors: 43101 (the user has no acceptance left for the template) → skipped; a refusal that a retry cannot fix
// → failed; anything else → pending again with a growing delay, and failed after MAX_ATTEMPTS.
import { staleReminderReason } from '@core/messages/reminders'
import { templateData, templateKindOf } from '@core/messages/templates'
import type { Call, Message, SignUp } from '@core/model'
import { _, openapi } from '@lib/cloud/cloud'
import { collection, find, findByIds, updateWhere } from '@lib/cloud/db'
import { crashPoint } from '@lib/cloud/faults'
import { inParallel } from '@lib/cloud/parallel'
import { miniprogramState, templates } from './templates'

export const MAX_ATTEMPTS = 5
/** Longer than a run may last (WeChat stops a function at 60 s), so a live run's claims never lapse. */
export const LEASE_MS = 2 * 60_000
const PAGE = 100
/** errcode: the user accepted no (more) messages of this template */
const NO_SUBSCRIPTION = 43101
/** errcodes no retry can fix: invalid openid, template id, arguments, page */
const PERMANENT = new Set([40003, 40037, 47003, 41030])

export interface DeliveryOptions {
  /** the time now, read afresh (a run lasts a while) */
  clock: () => number
  /** sends at once */
  concurrency: number
  /** claim nothing more from this moment (by `clock`), so the run ends well before WeChat's time limit */
  deadline: number
}

export interface DeliveryReport {
  sent: number
  skipped: number
  retried: number
  failed: number
  /** claimed by another run first */
  lost: number
}

export async function deliverDue(opts: DeliveryOptions): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, skipped: 0, retried: 0, failed: 0, lost: 0 }
  const seen = new Set<string>()
  while (opts.clock() < opts.deadline) {
    const now = opts.clock()
    // Handled messages leave this query (sent, skipped, rescheduled, or leased by someone): no cursor is needed.
    const due = (
      await find<Message>(
        collection('messages')
          .where(
            _.or([
              { status: 'pending', sendAt: _.lte(now) },
              { status: 'sending', leaseUntil: _.lt(now) },
            ]),
          )
          .orderBy('sendAt', 'asc')
          .limit(PAGE),
      )
    ).filter((m) => !seen.has(m._id))
    if (due.length === 0) break
    for (const m of due) seen.add(m._id)
    const signUps = await findByIds(
      'signups',
      due.map((m) => m.signUpId),
    )
    const reminderCalls = await findByIds(
      'calls',
      due.filter((m) => m.kind === 'reminder').map((m) => m.callId),
    )
    await inParallel(due, opts.concurrency, async (message) => {
      const outcome = await deliver(message, signUps.get(message.signUpId), reminderCalls, opts)
      report[outcome]++
    })
  }
  return report
}

type Outcome = keyof DeliveryReport

async function deliver(
  message: Message,
  signUp: SignUp | undefined,
  calls: Map<string, Call>,
  opts: DeliveryOptions,
): Promise<Outcome> {
  const now = opts.clock()
  const held = { _id: message._id, status: message.status, leaseUntil: message.leaseUntil }
  const stale =
    message.kind === 'reminder'
      ? staleReminder(message, signUp, calls.get(message.callId), now)
      : message.kind === 'notice'
        ? staleNotice(signUp)
        : ''
  if (stale) {
    const skipped = await updateWhere(collection('messages').where(held), {
      status: 'skipped',
      lastError: stale,
    })
    return skipped === 1 ? 'skipped' : 'lost'
  }
  const template = templates()[templateKindOf(message.kind)]
  const lease = now + LEASE_MS
  const attempts = message.attempts + 1
  const claimed = await updateWhere(collection('messages').where(held), {
    status: 'sending',
    leaseUntil: lease,
    attempts,
    templateId: template.id,
  })
  if (claimed === 0) return 'lost'
  const ours = collection('messages').where({ _id: message._id, status: 'sending', leaseUntil: lease })
  try {
    await openapi.subscribeMessage.send({
      touser: message.openid,
      templateId: template.id,
      // The message id rides in the page's query: the tap opens the call, and the local cloud counts deliveries.
      page: `pages/call-detail/index?id=${encodeURIComponent(message.callId)}&m=${encodeURIComponent(message._id)}`,
      data: templateData(template, message.data),
      miniprogramState: miniprogramState(),
    } as Parameters<typeof openapi.subscribeMessage.send>[0])
  } catch (err) {
    const code = (err as { errCode?: number }).errCode
    const text = `${code ?? ''} ${(err as Error).message ?? String(err)}`.trim().slice(0, 500)
    if (code === NO_SUBSCRIPTION) {
      await updateWhere(ours, { status: 'skipped', lastError: text })
      await useSubscription(signUp, template.id, true)
      return 'skipped'
    }
    if ((code !== undefined && PERMANENT.has(code)) || attempts >= MAX_ATTEMPTS) {
      await updateWhere(ours, { status: 'failed', lastError: text })
      return 'failed'
    }
    // 1, 2, 4, 8 minutes: a passing outage is ridden out within the hour.
    await updateWhere(ours, {
      status: 'pending',
      sendAt: opts.clock() + 60_000 * 2 ** (attempts - 1),
      lastError: text,
    })
    return 'retried'
  }
  crashPoint('message-sent')
  await updateWhere(ours, { status: 'sent', lastError: '' })
  crashPoint('message-marked')
  await useSubscription(signUp, template.id, false)
  return 'sent'
}

/** Why a reminder should no longer go out ('' = it should): core/messages/reminders.ts staleReminderReason. */
function staleReminder(
  message: Message,
  signUp: SignUp | undefined,
  call: Call | undefined,
  now: number,
): string {
  if (!signUp) return 'the sign-up is no longer confirmed'
  if (!call) return 'the call is no longer on'
  return staleReminderReason(message._id, signUp, call, now)
}

/** Why an organizer's notice should no longer go out: the volunteer gave the sign-up back meanwhile. */
function staleNotice(signUp: SignUp | undefined): string {
  return !signUp || signUp.status === 'cancelled' ? 'the sign-up was cancelled' : ''
}

/** One acceptance fewer on the sign-up's record (or none left, when WeChat said so). */
async function useSubscription(
  signUp: SignUp | undefined,
  templateId: string,
  noneLeft: boolean,
): Promise<void> {
  if (!signUp || !(signUp.subscriptions?.[templateId] ?? 0)) return
  const field = `subscriptions.${templateId}`
  await updateWhere(collection('signups').where({ _id: signUp._id, [field]: _.gt(0) }), {
    [field]: noneLeft ? 0 : _.inc(-1),
  })
}
