// The organizer edits time, place or capacity. Each edit that changes something bumps `editVersion` with an update
// conditional on the version read (two concurrent edits cannot both claim one version), and a time or place
// change queues one `changed` message per volunteer under that version. A retried edit changes nothing, so it
// only re-queues what the first try may have missed. More seats go to the waitlist; fewer than taken: refused.
import type { UpdateCallResponse } from '@core/calls/contract'
import {
  changesOf,
  checkEditedCall,
  touchesTimeOrPlace,
  validateUpdateCall,
  type CallEdit,
} from '@core/calls/call-edit'
import { fail, ok, type ApiError, type ApiResult } from '@core/shared/errors'
import { changedMessage } from '@core/messages/messages'
import { hasSlots } from '@core/calls/slots'
import type { Call } from '@core/model'
import { toCallDetail, toNgoOnCall } from '@core/calls/views'
import { _ } from '@lib/cloud/cloud'
import { collection, findById, updateWhere } from '@lib/cloud/db'
import { queueForVolunteers } from '@lib/messages/outbox'
import { refreshGroupCards } from '@lib/sharing/group-cards'
import { promoteEverySlot } from '@lib/waitlist/waitlist'
import { defineAction } from '@functions/api/gate'

/** Concurrent edits or sign-ups moving the condition: read again and retry this often. */
const ATTEMPTS = 5

export const updateCall = defineAction({
  who: 'organizers',
  resource: 'call',
  changesPublicCall: true,
  validate: validateUpdateCall,
  run: async ({ input, call: loaded, ngo, now }): Promise<ApiResult<UpdateCallResponse>> => {
    // the core's edit rules read the call's id from the edit: it is the call the gate loaded
    const edit: CallEdit = { ...input, callId: loaded._id }
    let call: Call = loaded
    let edited: { call: Call; timeOrPlace: boolean } | undefined
    for (let attempt = 0; attempt < ATTEMPTS && !edited; attempt++) {
      const refused = refusal(call, edit, now)
      if (refused) return refused
      const applied = await apply(call, edit, now)
      if (applied) edited = applied
      else {
        const fresh = await findById('calls', call._id)
        if (!fresh) return fail('NOT_FOUND')
        call = fresh
      }
    }
    if (!edited) throw new Error(`call ${call._id} kept changing while being edited`)

    const current = edited.call
    // A retry of an edit already applied re-queues its messages (same ids: none twice) in case the first try died.
    const notify = edited.timeOrPlace || (touchesTimeOrPlace(edit) && current.editVersion !== undefined)
    const notified = notify
      ? await queueForVolunteers(current._id, (signUp) =>
          changedMessage({ ...current, editVersion: current.editVersion ?? 0 }, signUp, now),
        )
      : 0
    const promoted = await promoteEverySlot(current, now) // more seats, or a retry finishing what a first try began
    const latest = (await findById('calls', current._id)) ?? current
    if (latest.capacity !== call.capacity || promoted > 0) await refreshGroupCards(latest, now)
    return ok({ call: toCallDetail(latest, toNgoOnCall(ngo), [], now), notified, promoted })
  },
})

function refusal(call: Call, edit: CallEdit, now: number): ApiError | undefined {
  if (call.status === 'cancelled') return fail('CALL_CANCELLED')
  // A call of several slots has its times and places per session and role, edited there, not here.
  if (
    hasSlots(call) &&
    (edit.capacity !== undefined || edit.startAt !== undefined || edit.endAt !== undefined)
  )
    return fail('INVALID_INPUT', '多场次活动请按场次修改时间和名额', {
      [edit.capacity !== undefined ? 'capacity' : 'startAt']: '多场次活动请按场次修改',
    })
  const errors = checkEditedCall(call, edit, now)
  return Object.keys(errors).length > 0 ? fail('INVALID_INPUT', undefined, errors) : undefined
}

/**
 * One conditional update: on the version read (no concurrent edit slipped in), the call not cancelled, and, for
 * a new capacity, no more seats taken than it allows. undefined = the condition failed: read again.
 */
async function apply(
  call: Call,
  edit: CallEdit,
  now: number,
): Promise<{ call: Call; timeOrPlace: boolean } | undefined> {
  const changes = changesOf(call, edit)
  if (Object.keys(changes.set).length === 0 && changes.remove.length === 0)
    return { call, timeOrPlace: false }
  const editVersion = (call.editVersion ?? 0) + 1
  const where: Record<string, unknown> = {
    _id: call._id,
    status: _.neq('cancelled'),
    editVersion: call.editVersion ?? _.exists(false),
  }
  if (changes.set.capacity !== undefined) where.confirmed = _.lte(changes.set.capacity)
  const data: Record<string, unknown> = { ...changes.set, editVersion, updatedAt: now }
  for (const key of changes.remove) data[key] = _.remove()
  const updated = await updateWhere(collection('calls').where(where), data)
  if (updated === 0) return undefined
  const next: Call = { ...call, ...changes.set, editVersion, updatedAt: now }
  for (const key of changes.remove) delete next[key]
  return { call: next, timeOrPlace: changes.timeOrPlace }
}
