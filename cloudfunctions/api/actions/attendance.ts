// The organizer's check-in screen: who is expected, who is here (walk-ins included), their hours and counts.
import { attendanceCounts, ON_THE_DAY, sortAttendance, toAttendanceView } from '../../../src/core/attendance'
import type { AttendanceResponse } from '../../../src/core/attendance-api'
import { fail, ok } from '../../../src/core/errors'
import { validateCallId } from '../../../src/core/schemas'
import { toCallCard } from '../../../src/core/views'
import { ruleOf } from '../../lib/attendance'
import { allSignUps } from '../../lib/signups'
import type { ActionHandler } from '../caller'
import { findManagedCall } from '../managedCall'

export const attendance: ActionHandler<AttendanceResponse> = async (event, { openid }) => {
  if (!openid) return fail('UNAUTHENTICATED')
  const input = validateCallId(event)
  if (!input.ok) return fail('INVALID_INPUT', undefined, input.fields)
  const managed = await findManagedCall(input.value.callId, openid)
  if ('code' in managed) return managed
  const { call, ngo } = managed
  const onTheDay = (await allSignUps(call._id)).filter((s) => ON_THE_DAY.includes(s.status))
  const entries = sortAttendance(
    onTheDay.map((s) => toAttendanceView(s, true)),
    onTheDay,
  )
  return ok({
    call: toCallCard(call, ngo.name),
    rule: ruleOf(ngo),
    counts: attendanceCounts(entries),
    entries,
  })
}
