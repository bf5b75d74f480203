// The end of the day: everyone checked in and not yet out is checked out now, each with their own hours.
import { canRecordAttendance, checkInClosedMessage } from '../../../src/core/attendance'
import type { CheckOutAllResponse } from '../../../src/core/attendance-api'
import { fail, ok } from '../../../src/core/errors'
import { validateCallId } from '../../../src/core/schemas'
import { checkOut, ruleOf } from '../../lib/attendance'
import { inParallel } from '../../lib/parallel'
import { allSignUps } from '../../lib/signups'
import type { ActionHandler } from '../caller'
import { findManagedCall } from '../managedCall'

export const checkOutAll: ActionHandler<CheckOutAllResponse> = async (event, { openid, now }) => {
  if (!openid) return fail('UNAUTHENTICATED')
  const input = validateCallId(event)
  if (!input.ok) return fail('INVALID_INPUT', undefined, input.fields)
  const managed = await findManagedCall(input.value.callId, openid)
  if ('code' in managed) return managed
  const { call, ngo } = managed
  if (!canRecordAttendance(call, now)) return fail('CLOSED', checkInClosedMessage(call, now))
  const here = (await allSignUps(call._id)).filter(
    (s) => s.status === 'attended' && s.checkedOutAt === undefined && s.hoursConfirmedAt === undefined,
  )
  let checkedOut = 0
  await inParallel(here, 5, async (signUp) => {
    const result = await checkOut(signUp, ruleOf(ngo), now)
    if (!('ok' in result) && result.checkedOutAt === now) checkedOut++
  })
  return ok({ checkedOut })
}
