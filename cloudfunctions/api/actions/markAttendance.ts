// The organizer checks one person in or out: by scanning their personal code, or by hand from the list.
import {
  canRecordAttendance,
  checkInClosedMessage,
  ON_THE_DAY,
  toAttendanceView,
} from '../../../src/core/attendance'
import type { MarkAttendanceResponse } from '../../../src/core/attendance-api'
import { validateMarkAttendance } from '../../../src/core/attendance-schemas'
import { fail, ok } from '../../../src/core/errors'
import { signUpId } from '../../../src/core/rules'
import { checkIn, checkOut, ruleOf } from '../../lib/attendance'
import { readCode } from '../../lib/checkin-codes'
import { findById } from '../../lib/db'
import type { ActionHandler } from '../caller'
import { findManagedCall } from '../managedCall'

export const markAttendance: ActionHandler<MarkAttendanceResponse> = async (event, { openid, now }) => {
  if (!openid) return fail('UNAUTHENTICATED')
  const input = validateMarkAttendance(event)
  if (!input.ok) return fail('INVALID_INPUT', undefined, input.fields)
  const managed = await findManagedCall(input.value.callId, openid)
  if ('code' in managed) return managed
  const { call, ngo } = managed
  if (!canRecordAttendance(call, now)) return fail('CLOSED', checkInClosedMessage(call, now))

  let id = input.value.signUpId ?? ''
  if (input.value.personalCode !== undefined) {
    const subject = readCode(input.value.personalCode, now)
    if ('ok' in subject) return subject
    if (subject.kind !== 'person') return fail('CODE_INVALID', '这是活动的签到码，请扫描志愿者的个人签到码')
    id = signUpId(call._id, subject.openid)
  }
  const signUp = await findById('signups', id)
  if (!signUp || signUp.callId !== call._id) return fail('NOT_SIGNED_UP', '此人没有报名这个活动')
  if (!ON_THE_DAY.includes(signUp.status)) {
    return fail('NOT_SIGNED_UP', '此人没有名额（候补或已取消），不能签到')
  }
  const result =
    input.value.mode === 'in' ? await checkIn(signUp, now) : await checkOut(signUp, ruleOf(ngo), now)
  if ('ok' in result) return result
  return ok({ attendance: toAttendanceView(result, true) })
}
