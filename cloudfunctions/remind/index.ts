// The `remind` timer function (every 5 minutes): writes the reminders that fell due and the messages a crashed
// promotion or a sign-up racing a cancel left untold, sends the outbox's due messages, repairs the calls' seat and waitlist counters,
// deletes the roster and hours exports older than a day and the insurance details past their retention date.
import type { ApiResult } from '@core/shared/errors'
import { fail, ok } from '@core/shared/errors'
import { now } from '@lib/cloud/clock'
import { startInvocation } from '@lib/cloud/quota-retry'
import { deliverDue, type DeliveryReport } from '@lib/messages/delivery'
import { deleteExpiredExports } from '@lib/privacy/exports'
import { deleteExpiredInsurance } from '@lib/privacy/insurance'
import { queueMissedCancellations } from '@lib/messages/cancel-repair'
import { queueMissedPromotionNotices } from '@lib/waitlist/promotion-repair'
import { queueDueReminders } from '@lib/messages/reminders'
import { repairCounters, type RepairReport } from '@lib/waitlist/repair'
import { fillNgoOnCalls } from '@lib/ngos/ngo-on-calls'
import { moveOnToNextSessions } from '@lib/calls/session-starts'
import { finishSessionCancels } from '@lib/calls/session-edits'

/** Parallel sends; JUSHOU_REMIND_CONCURRENCY overrides (the crash test sends one at a time). */
const CONCURRENCY = Number(process.env.JUSHOU_REMIND_CONCURRENCY) || 10
/** WeChat stops a function at its timeout (60 s in config.json): stop sending well before. */
const BUDGET_MS = 40_000

export interface RemindReport {
  reminders: number
  /** 「候补成功」 messages queued because the promotion's own instance died before queueing them */
  promotionNotices: number
  /** `cancelled` messages queued for sign-ups written just after their call was cancelled */
  cancelNotices: number
  /** bookings of cancelled sessions given back because the organizer's invocation left them (too many, or racing) */
  sessionCancels: number
  delivery: DeliveryReport
  repair: RepairReport
  /** roster and hours exports deleted for being older than a day */
  exports: number
  /** volunteers' insurance details deleted for being past their call's retention date */
  insurance: number
  /** calls stored before they kept their NGO (Call.ngo), given it */
  ngoOnCalls: number
  /** calls of several sessions listed from their next session on, as one started */
  nextSessions: number
  /** how long each step took, ms */
  took: { reminders: number; delivery: number; repair: number }
}

export async function main(): Promise<ApiResult<RemindReport>> {
  startInvocation(Date.now(), { resentOnBusy: false })
  try {
    const startedAt = now()
    const reminders = await queueDueReminders(startedAt, CONCURRENCY)
    const promotionNotices = await queueMissedPromotionNotices(startedAt)
    const cancelNotices = await queueMissedCancellations(startedAt)
    const sessionCancels = await finishSessionCancels(startedAt)
    const queuedAt = now()
    const deadline = startedAt + BUDGET_MS
    const delivery = await deliverDue({ clock: now, concurrency: CONCURRENCY, deadline })
    const deliveredAt = now()
    const repair = await repairCounters(deliveredAt)
    const exports = await deleteExpiredExports(now())
    const insurance = await deleteExpiredInsurance(now())
    const ngoOnCalls = await fillNgoOnCalls()
    const nextSessions = await moveOnToNextSessions(now())
    const took = {
      reminders: queuedAt - startedAt,
      delivery: deliveredAt - queuedAt,
      repair: now() - deliveredAt,
    }
    return ok({
      reminders,
      promotionNotices,
      cancelNotices,
      sessionCancels,
      delivery,
      repair,
      exports,
      insurance,
      ngoOnCalls,
      nextSessions,
      took,
    })
  } catch (err) {
    console.error('remind failed:', err)
    return fail('INTERNAL')
  }
}
