// The organizer's check-in screen: who is expected, who is here (walk-ins included), their hours and counts.
import { attendanceCounts, ON_THE_DAY, sortAttendance, toAttendanceView } from '@core/attendance'
import type { AttendanceResponse } from '@core/attendance-api'
import { type ApiResult, ok } from '@core/errors'
import { validateCallId } from '@core/schemas'
import { toCallCard } from '@core/views'
import { ruleOf } from '@lib/attendance'
import { allSignUps } from '@lib/signups'
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
