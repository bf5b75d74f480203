// After the call's end: every seat holder who never checked in is a no-show. The seat stays counted (it was
// taken), so no counter changes; a no-show who did come can still be checked in by hand. On a call of several
// sessions each session ends on its own: the named session after its end, or every session that has ended.
import type { MarkNoShowsResponse } from '@core/attendance/contract'
import { chosenSession, hasSeveralSessions, sessionIdOf } from '@core/attendance/sessions'
import { validateCallSession } from '@core/attendance/validate'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import { isPast } from '@core/calls/rules'
import { sessionsOf } from '@core/calls/slots'
import { _ } from '@lib/cloud/cloud'
import { collection, updateWhere } from '@lib/cloud/db'
import { allSignUps } from '@lib/calls/signups'
import { defineAction } from '@functions/api/gate'

/** ids per update: one query's `in` list stays small */
const IDS_PER_UPDATE = 100

export const markNoShows = defineAction({
  who: 'organizers',
  resource: 'call',
  validate: validateCallSession,
  run: async ({ input, call, now }): Promise<ApiResult<MarkNoShowsResponse>> => {
    if (call.status === 'cancelled') return fail('CALL_CANCELLED')
    const named = input.sessionId === undefined ? undefined : chosenSession(call, input.sessionId, now)
    if (named && 'ok' in named) return named
    if (!hasSeveralSessions(call)) {
      if (!isPast(call, now)) return fail('NOT_ENDED')
      const noShows = await updateWhere(
        collection('signups').where({ callId: call._id, status: 'confirmed' }),
        { status: 'no_show', updatedAt: now },
      )
      return ok({ noShows })
    }
    const ended = (named ? [named] : sessionsOf(call)).filter((session) => isPast(session, now))
    if (ended.length === 0) {
      return fail('NOT_ENDED', named ? '这一场结束后才能标记缺席' : '还没有结束的场次')
    }
    const endedIds = new Set(ended.map((session) => session.id))
    const ids = (await allSignUps(call._id))
      .filter((s) => s.status === 'confirmed' && endedIds.has(sessionIdOf(s)))
      .map((s) => s._id)
    let noShows = 0
    for (let i = 0; i < ids.length; i += IDS_PER_UPDATE) {
      noShows += await updateWhere(
        collection('signups').where({ _id: _.in(ids.slice(i, i + IDS_PER_UPDATE)), status: 'confirmed' }),
        { status: 'no_show', updatedAt: now },
      )
    }
    return ok({ noShows })
  },
})
