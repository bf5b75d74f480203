// The organizer adds sessions to a published call (a 第四批, or a session copied to another day). A call of one
// slot becomes a call of several in the same conditional update: its counters become those of slot `s1`, read
// exactly as they are, so a sign-up landing meanwhile makes the update fail and the edit read again.
import type { SessionEditResponse } from '@core/calls/contract'
import { checkNewSessions, callTimes, validateAddSessions } from '@core/calls/session-edit'
import { lastSessionNumber, storedSessions } from '@core/calls/session-form'
import { hasSlots, rolesOf, sessionsOf, slotKey, slotOf, slotKeysOf } from '@core/calls/slots'
import { toCallDetail, toNgoOnCall } from '@core/calls/views'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import type { Call, CallSession, SlotCounters } from '@core/model'
import { _ } from '@lib/cloud/cloud'
import { EDIT_ATTEMPTS, nameTheOnlySlot, reread, writeSessionEdit } from '@lib/calls/session-edits'
import { refreshGroupCards } from '@lib/sharing/group-cards'
import { defineAction } from '@functions/api/gate'

export const addSessions = defineAction({
  who: 'organizers',
  resource: 'call',
  changesPublicCall: true,
  validate: validateAddSessions,
  run: async ({ input, call: loaded, ngo, now }): Promise<ApiResult<SessionEditResponse>> => {
    let call: Call | null = loaded
    for (let attempt = 0; attempt < EDIT_ATTEMPTS && call; attempt++) {
      if (call.status === 'cancelled') return fail('CALL_CANCELLED')
      if (call.status === 'draft')
        return fail('INVALID_INPUT', '草稿的场次请在编辑页修改', { request: '活动还未发布' })
      const errors = checkNewSessions(call, input.sessions, now)
      if (Object.keys(errors).length > 0) return fail('INVALID_INPUT', undefined, errors)
      const added = storedSessions(input.sessions, lastSessionNumber(sessionsOf(call)))
      const { data, where } = hasSlots(call)
        ? addToSlots(call, added, input.capacity)
        : await splitTheOnlySlot(call, added, input.capacity)
      const sessions = [...sessionsOf(call), ...added].sort((a, b) => a.startAt - b.startAt)
      Object.assign(data, { sessions }, callTimes(sessions, now))
      if (await writeSessionEdit(call, data, where, now)) {
        const latest = (await reread(call)) ?? call
        await refreshGroupCards(latest, now)
        return ok({ call: toCallDetail(latest, toNgoOnCall(ngo), [], now), notified: 0, promoted: 0 })
      }
      call = await reread(call)
    }
    if (!call) return fail('NOT_FOUND')
    throw new Error(`call ${call._id} kept changing while sessions were added`)
  },
})

/** New slots beside the existing ones: each role's places, or (no roles) `capacity` or the last session's. */
function addToSlots(call: Call, added: CallSession[], capacity: number | undefined) {
  const roles = rolesOf(call)
  const keys = slotKeysOf(call)
  const lastPlaces = slotOf(call, keys[keys.length - 1])?.capacity ?? call.capacity
  const data: Record<string, unknown> = {}
  const where: Record<string, unknown> = {}
  let places = 0
  for (const session of added) {
    for (const role of roles.length ? roles : [undefined]) {
      const key = slotKey(session.id, role?.id)
      const counters = emptyCounters(role?.capacity ?? capacity ?? lastPlaces, session)
      data[`slots.${key}`] = counters
      where[`slots.${key}`] = _.exists(false)
      places += counters.capacity
    }
  }
  data.capacity = _.inc(places)
  return { data, where }
}

/** The call's own counters become slot `s1`'s, conditional on their values read; the new sessions join it. */
async function splitTheOnlySlot(call: Call, added: CallSession[], capacity: number | undefined) {
  await nameTheOnlySlot(call._id)
  const [only] = sessionsOf(call)
  const slots: Record<string, SlotCounters> = {
    [only.id]: {
      capacity: call.capacity,
      confirmed: call.confirmed,
      waitlisted: call.waitlisted,
      startAt: only.startAt,
    },
  }
  const places = capacity ?? call.capacity
  for (const session of added) slots[session.id] = emptyCounters(places, session)
  const data: Record<string, unknown> = { slots, capacity: call.capacity + places * added.length }
  const where = {
    slots: _.exists(false),
    capacity: call.capacity,
    confirmed: call.confirmed,
    waitlisted: call.waitlisted,
  }
  return { data, where }
}

function emptyCounters(capacity: number, session: CallSession): SlotCounters {
  return { capacity, confirmed: 0, waitlisted: 0, startAt: session.startAt }
}
