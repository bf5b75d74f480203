// The organizer certifies hours: only confirmed hours count (the volunteer's record, certificates, exports, the
// NGO's figures). Without a list, every attendance of the call that has hours; with a list, exactly those, and
// the whole request is refused if one of them has no hours yet. Confirming again changes nothing.
import type { ConfirmHoursResponse } from '@core/attendance/contract'
import { validateConfirmHours } from '@core/attendance/validate'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import { _ } from '@lib/cloud/cloud'
import { collection, updateWhere } from '@lib/cloud/db'
import { allSignUps } from '@lib/calls/signups'
import { defineAction } from '@functions/api/gate'

export const confirmHours = defineAction({
  who: 'organizers',
  resource: 'call',
  validate: validateConfirmHours,
  run: async ({ input, call, openid, now }): Promise<ApiResult<ConfirmHoursResponse>> => {
    const listed = input.signUpIds
    if (listed) {
      const byId = new Map((await allSignUps(call._id)).map((s) => [s._id, s]))
      const unknown = listed.filter((id) => !byId.has(id))
      if (unknown.length > 0) return fail('NOT_FOUND', `名单中没有 ${unknown.length} 个所选的人`)
      const without = listed
        .map((id) => byId.get(id))
        .filter((s) => s && (s.status !== 'attended' || s.hours === undefined))
      if (without.length > 0) {
        const names = without.map((s) => s?.name).join('、')
        return fail('NO_HOURS', `${names} 还没有时长（未签到或未签退），不能确认`)
      }
    }
    const confirmed = await updateWhere(
      collection('signups').where({
        callId: call._id,
        ...(listed ? { _id: _.in(listed) } : {}),
        status: 'attended',
        hours: _.gte(0),
        hoursConfirmedAt: _.exists(false),
      }),
      { hoursConfirmedAt: now, hoursConfirmedBy: openid, updatedAt: now },
    )
    return ok({ confirmed })
  },
})
