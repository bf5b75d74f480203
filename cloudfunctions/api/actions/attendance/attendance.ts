// The organizer's check-in screen: who is expected, who is here (walk-ins included), their hours and counts.
import { attendanceCounts, ON_THE_DAY, sortAttendance, toAttendanceView } from '@core/attendance/attendance'
import type { AttendanceResponse } from '@core/attendance/contract'
import { type ApiResult, ok } from '@core/shared/errors'
import { validateCallId } from '@core/calls/validate'
import { toCallCard } from '@core/calls/views'
import { ruleOf } from '@lib/attendance/attendance'
import { allSignUps } from '@lib/calls/signups'
import { defineAction } from '@functions/api/gate'

export const attendance = defineAction({
  who: 'organizers',
  resource: 'call',
  validate: validateCallId,
  run: async ({ call, ngo }): Promise<ApiResult<AttendanceResponse>> => {
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
  },
})
