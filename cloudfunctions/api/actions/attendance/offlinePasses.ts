// The volunteer's offline passes: one per session they hold a seat in, starting within a week and not yet closed,
// so 我的签到码 works with no signal on the day. The phone fetches them when the page opens and keeps them.
import { CHECK_IN_CLOSES_AFTER_END_MS } from '@core/attendance/attendance'
import type { OfflinePassesResponse, OfflinePassView } from '@core/attendance/contract'
import { hasSeveralSessions, sessionIdOf, findSession } from '@core/attendance/sessions'
import { sessionLabel } from '@core/calls/session-text'
import type { SignUp } from '@core/model'
import { type ApiResult, ok } from '@core/shared/errors'
import { issuePass, passWindow } from '@lib/attendance/offline-passes'
import { _ } from '@lib/cloud/cloud'
import { collection, find, findByIds } from '@lib/cloud/db'
import { defineAction, noInput } from '@functions/api/gate'

const AHEAD_MS = 7 * 86_400_000
const MAX_ROWS = 100

export const offlinePasses = defineAction({
  who: 'signedIn',
  resource: 'none',
  validate: noInput,
  run: async ({ openid, now }): Promise<ApiResult<OfflinePassesResponse>> => {
    const rows = await find<SignUp>(
      collection('signups')
        .where({ openid, status: _.in(['confirmed', 'attended']), erasedAt: _.exists(false) })
        .orderBy('createdAt', 'desc')
        .limit(MAX_ROWS),
    )
    const calls = await findByIds(
      'calls',
      rows.map((row) => row.callId),
    )
    const passes: OfflinePassView[] = []
    for (const row of rows) {
      const call = calls.get(row.callId)
      if (!call || (call.status !== 'open' && call.status !== 'closed')) continue
      const session = findSession(call, sessionIdOf(row))
      if (!session || session.cancelledAt !== undefined) continue
      if (session.startAt - now > AHEAD_MS || now >= session.endAt + CHECK_IN_CLOSES_AFTER_END_MS) continue
      const pass: OfflinePassView = {
        code: issuePass(openid, call._id, session),
        callId: call._id,
        callTitle: call.title,
        sessionId: session.id,
        startAt: session.startAt,
        endAt: session.endAt,
        ...passWindow(session),
      }
      if (hasSeveralSessions(call)) pass.session = sessionLabel(session)
      passes.push(pass)
    }
    passes.sort((a, b) => a.startAt - b.startAt)
    return ok({ passes, now })
  },
})
