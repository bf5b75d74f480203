// The organizer sets the hours of one attendance, with a reason; the value it replaces is kept in `hoursEdits`.
// Confirmed hours are certified (and may be on a certificate already): they are not edited (HOURS_CONFIRMED).
import { toAttendanceView } from '@core/attendance/attendance'
import type { MarkAttendanceResponse } from '@core/attendance/contract'
import { validateEditHours } from '@core/attendance/validate'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import type { HoursEdit } from '@core/model'
import { _ } from '@lib/cloud/cloud'
import { riskyTexts } from '@lib/moderation/content-check'
import { collection, findById, updateWhere } from '@lib/cloud/db'
import { defineAction } from '@functions/api/gate'

export const editHours = defineAction({
  who: 'organizers',
  resource: 'call',
  validate: validateEditHours,
  run: async ({ input, call, openid, now }): Promise<ApiResult<MarkAttendanceResponse>> => {
    const { signUpId, hours, reason } = input
    const signUp = await findById('signups', signUpId)
    if (!signUp || signUp.callId !== call._id) return fail('NOT_FOUND', '名单中没有这个人')
    if (signUp.status !== 'attended') return fail('NOT_CHECKED_IN', '只能修改已签到者的时长')
    if (signUp.hoursConfirmedAt !== undefined) return fail('HOURS_CONFIRMED')
    const risky = await riskyTexts(openid, { reason }, 1)
    if (Object.keys(risky).length > 0) return fail('CONTENT_RISKY', undefined, risky)

    // Before the first edit, `from` is the rule's value (0 when there was no check-out to compute it from).
    const edit: HoursEdit = { from: signUp.hours ?? 0, to: hours, reason, by: openid, at: now }
    const updated = await updateWhere(
      collection('signups').where({
        _id: signUp._id,
        status: 'attended',
        hoursConfirmedAt: _.exists(false),
        // the value the edit says it replaces is still there (no check-out or other edit came in between)
        hours: signUp.hours ?? _.exists(false),
      }),
      { hours, hoursEdits: _.push([edit]), updatedAt: now },
    )
    const latest = await findById('signups', signUp._id)
    if (!latest) return fail('NOT_FOUND', '名单中没有这个人')
    if (updated === 0) {
      if (latest.hoursConfirmedAt !== undefined) return fail('HOURS_CONFIRMED')
      return fail('INVALID_INPUT', '这条记录刚刚被修改过，请刷新后重试')
    }
    return ok({ attendance: toAttendanceView(latest, true) })
  },
})
