// The `remind` timer function (every 5 minutes): writes the reminders that fell due, sends the outbox's due
// messages, and repairs the calls' seat and waitlist counters.
import type { ApiResult } from '../../src/core/errors'
import { fail, ok } from '../../src/core/errors'
import { now } from '../lib/clock'
import { deliverDue, type DeliveryReport } from '../lib/delivery'
import { queueDueReminders } from '../lib/reminders'
import { repairCounters, type RepairReport } from '../lib/repair'

/** Parallel sends; JUSHOU_REMIND_CONCURRENCY overrides (the crash test sends one at a time). */
const CONCURRENCY = Number(process.env.JUSHOU_REMIND_CONCURRENCY) || 10
/** WeChat stops a function at its timeout (60 s in config.json): stop sending well before. */
const BUDGET_MS = 40_000

export interface RemindReport {
  reminders: number
  delivery: DeliveryReport
  repair: RepairReport
}

export async function main(): Promise<ApiResult<RemindReport>> {
  try {
    const startedAt = now()
    const reminders = await queueDueReminders(startedAt)
    const delivery = await deliverDue({ clock: now, concurrency: CONCURRENCY, budgetMs: BUDGET_MS })
    const repair = await repairCounters(now())
    return ok({ reminders, delivery, repair })
  } catch (err) {
    console.error('remind failed:', err)
    return fail('INTERNAL')
  }
}
