// The organizer's check-in screen: the call's current code (in or out), good for its 60-second window.
import { checkInClosedMessage, isCheckInOpen } from '../../../src/core/attendance'
import type { CheckInCodeResponse } from '../../../src/core/attendance-api'
import { validateCheckInCode } from '../../../src/core/attendance-schemas'
import { fail, ok } from '../../../src/core/errors'
import { issueCode } from '../../lib/checkin-codes'
import type { ActionHandler } from '../caller'
import { findManagedCall } from '../managedCall'

export const checkInCode: ActionHandler<CheckInCodeResponse> = async (event, { openid, now }) => {
  if (!openid) return fail('UNAUTHENTICATED')
  const input = validateCheckInCode(event)
  if (!input.ok) return fail('INVALID_INPUT', undefined, input.fields)
  const managed = await findManagedCall(input.value.callId, openid)
  if ('code' in managed) return managed
  const { call } = managed
  if (!isCheckInOpen(call, now)) return fail('CLOSED', checkInClosedMessage(call, now))
  return ok({ ...issueCode({ kind: 'call', callId: call._id, mode: input.value.mode }, now), now })
}
