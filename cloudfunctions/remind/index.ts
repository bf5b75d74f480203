// The `remind` timer function (every 5 minutes). For now its one job is repairing the calls' seat and waitlist
// counters; sending the outbox's messages comes with the reminders.
import type { ApiResult } from '../../src/core/errors'
import { fail, ok } from '../../src/core/errors'
import { now } from '../lib/clock'
import { repairCounters, type RepairReport } from '../lib/repair'

export async function main(): Promise<ApiResult<{ repair: RepairReport }>> {
  try {
    return ok({ repair: await repairCounters(now()) })
  } catch (err) {
    console.error('remind failed:', err)
    return fail('INTERNAL')
  }
}
