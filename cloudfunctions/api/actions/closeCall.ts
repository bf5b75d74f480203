// Stop taking sign-ups. Existing sign-ups stay, and so does the waitlist: a seat freed later still goes to it.
import type { CloseCallResponse } from '../../../src/core/api'
import { fail, ok } from '../../../src/core/errors'
import { validateCloseCall } from '../../../src/core/schemas'
import { toCallDetail } from '../../../src/core/views'
import { collection, findById, updateWhere } from '../../lib/db'
import { refreshGroupCards } from '../../lib/group-cards'
import type { ActionHandler } from '../caller'
import { findManagedCall } from '../managedCall'

export const closeCall: ActionHandler<CloseCallResponse> = async (event, { openid, now }) => {
  if (!openid) return fail('UNAUTHENTICATED')
  const input = validateCloseCall(event)
  if (!input.ok) return fail('INVALID_INPUT', undefined, input.fields)
  const managed = await findManagedCall(input.value.callId, openid)
  if ('code' in managed) return managed
  const { call, ngo } = managed
  if (call.status === 'cancelled') return fail('CALL_CANCELLED')
  // Only an open call closes (a draft takes no sign-ups anyway); closing again changes nothing.
  await updateWhere(collection('calls').where({ _id: call._id, status: 'open' }), {
    status: 'closed',
    updatedAt: now,
  })
  const latest = (await findById('calls', call._id)) ?? call
  if (latest.status === 'cancelled') return fail('CALL_CANCELLED')
  await refreshGroupCards(latest, now)
  return ok({ call: toCallDetail(latest, ngo, null, now) })
}
