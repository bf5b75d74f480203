// 「3 个批次 · 还剩 42 个名额」 on the console's list, for a call of several sessions: core's placesSummary read from
// the call as getCall shows it (the list's CallCard carries only the sums, not which sessions were cancelled).
import type { CallDetail } from '@core/calls/contract'
import { placesSummary } from '@core/calls/session-text'
import type { SlotCounters } from '@core/model'

export function placesOf(call: CallDetail): string | undefined {
  const cancelled = new Set(call.sessions.filter((s) => s.cancelled).map((s) => s.id))
  const slots: Record<string, SlotCounters> = {}
  for (const slot of call.slots) {
    const session = call.sessions.find((s) => s.id === slot.sessionId)
    slots[slot.key] = {
      capacity: slot.capacity,
      confirmed: slot.confirmed,
      waitlisted: slot.waitlisted,
      startAt: session?.startAt ?? call.startAt,
      ...(cancelled.has(slot.sessionId) ? { cancelled: true } : {}),
    }
  }
  return placesSummary({
    startAt: call.startAt,
    endAt: call.endAt,
    capacity: call.capacity,
    confirmed: call.confirmed,
    waitlisted: call.waitlisted,
    waitlist: call.waitlist,
    sessions: call.sessions.map(({ id, startAt, endAt, cancelled: off }) => ({
      id,
      startAt,
      endAt,
      ...(off ? { cancelledAt: startAt } : {}),
    })),
    roles: call.roles,
    slots,
  })
}
