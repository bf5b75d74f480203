// What the organizer's phone keeps to check one session in with no network: its people with masked phones and a
// hash of who holds each pass (no answers, no full phones), their state now, and the public key passes are checked with.
import { ON_THE_DAY } from '@core/attendance/attendance'
import type { OfflineRosterPerson, OfflineRosterResponse } from '@core/attendance/contract'
import { holderOf } from '@core/attendance/offline-pass'
import { chosenSession, roleNameOf, sessionIdOf, toAttendanceSession } from '@core/attendance/sessions'
import { validateCallSession } from '@core/attendance/validate'
import { maskPhone } from '@core/privacy/privacy'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import { passWindow } from '@lib/attendance/offline-passes'
import { allSignUps } from '@lib/calls/signups'
import { passPublicKey } from '@lib/cloud/pass-key'
import { defineAction } from '@functions/api/gate'

export const offlineRoster = defineAction({
  who: 'organizers',
  resource: 'call',
  validate: validateCallSession,
  run: async ({ input, call, now }): Promise<ApiResult<OfflineRosterResponse>> => {
    if (call.status !== 'open' && call.status !== 'closed') {
      return fail('CLOSED', call.status === 'cancelled' ? '活动已取消，不能签到' : '活动尚未发布，不能签到')
    }
    const session = chosenSession(call, input.sessionId, now)
    if ('ok' in session) return session
    if (session.cancelledAt !== undefined) return fail('CLOSED', '这一场已取消，不能签到')
    const rows = (await allSignUps(call._id)).filter(
      (s) => ON_THE_DAY.includes(s.status) && sessionIdOf(s) === session.id,
    )
    const people = rows.map((row) => {
      const person: OfflineRosterPerson = { signUpId: row._id, name: row.name, phone: maskPhone(row.phone) }
      if (row.openid) person.holder = holderOf(row.openid)
      const role = roleNameOf(call, row)
      if (role) person.role = role
      if (row.companions?.length) person.companions = row.companions.map((c) => c.name)
      if (row.status === 'attended' && row.checkedInAt !== undefined) person.checkedInAt = row.checkedInAt
      if (row.checkedOutAt !== undefined) person.checkedOutAt = row.checkedOutAt
      return person
    })
    return ok({
      callId: call._id,
      callTitle: call.title,
      session: toAttendanceSession(session),
      publicKey: passPublicKey(),
      ...passWindow(session),
      people,
      now,
    })
  },
})
