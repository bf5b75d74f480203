// The organizer cancels one session; the call's other sessions go on. In this order, so a crash anywhere leaves
// something a retry (or the remind run) finishes: (1) the session and its slots are marked cancelled in one
// conditional update: from then on nobody takes or is promoted into its seats; (2) each of its volunteers is told
// (message ids per sign-up and session: never twice) and their booking given back and uncounted, ten at a time,
// for as long as the invocation has time; the remind run finishes a session too big for one.
import type { SessionEditResponse } from '@core/calls/contract'
import { callTimes, validateCancelSession } from '@core/calls/session-edit'
import { hasSlots, parseSlotKey, sessionsOf, slotKeysOf, slotOf } from '@core/calls/slots'
import { toCallDetail, toNgoOnCall } from '@core/calls/views'
import { sessionCancelledMessage } from '@core/messages/messages'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import type { Call, CallSession } from '@core/model'
import { _ } from '@lib/cloud/cloud'
import { EDIT_ATTEMPTS, giveBackSession, reread, writeSessionEdit } from '@lib/calls/session-edits'
import { refreshGroupCards } from '@lib/sharing/group-cards'
import { defineAction } from '@functions/api/gate'

/** Well inside the function's 20 s: a session of more is finished by the remind run (finishSessionCancels). */
const GIVE_BACK_BUDGET_MS = 10_000

export const cancelSession = defineAction({
  who: 'organizers',
  resource: 'call',
  changesPublicCall: true,
  validate: validateCancelSession,
  run: async ({ input, call: loaded, ngo, now }): Promise<ApiResult<SessionEditResponse>> => {
    let call: Call | null = loaded
    let cancelled: CallSession | undefined
    for (let attempt = 0; attempt < EDIT_ATTEMPTS && call && !cancelled; attempt++) {
      if (call.status === 'cancelled') return fail('CALL_CANCELLED')
      if (call.status === 'draft')
        return fail('INVALID_INPUT', '草稿的场次请在编辑页修改', { request: '活动还未发布' })
      if (!hasSlots(call))
        return fail('INVALID_INPUT', '单场次活动请取消整个活动', { sessionId: '这个活动只有一个场次' })
      const session = sessionsOf(call).find((s) => s.id === input.sessionId)
      if (!session) return fail('INVALID_INPUT', undefined, { sessionId: '活动没有这个场次' })
      if (session.cancelledAt !== undefined) {
        cancelled = session // a retry: finish telling and giving back
        break
      }
      if (session.startAt <= now)
        return fail('INVALID_INPUT', undefined, { sessionId: '这个场次已开始，不能再取消' })
      const live = sessionsOf(call).filter((s) => s.cancelledAt === undefined)
      if (live.length <= 1)
        return fail('INVALID_INPUT', '这是最后一个场次，请取消整个活动', { sessionId: '最后一个场次' })
      const marked: CallSession = { ...session, cancelledAt: now }
      if (input.reason) marked.cancelReason = input.reason
      const sessions = sessionsOf(call).map((s) => (s.id === session.id ? marked : s))
      const data: Record<string, unknown> = { sessions, ...callTimes(sessions, now) }
      let places = 0
      for (const key of slotKeysOf(call)) {
        if (parseSlotKey(key).sessionId !== session.id) continue
        data[`slots.${key}.cancelled`] = true
        places += slotOf(call, key)?.capacity ?? 0
      }
      data.capacity = _.inc(-places)
      if (await writeSessionEdit(call, data, {}, now)) cancelled = marked
      else call = await reread(call)
    }
    if (!call) return fail('NOT_FOUND')
    if (!cancelled) throw new Error(`call ${call._id} kept changing while a session was cancelled`)
    const session = cancelled
    const latest = (await reread(call)) ?? call
    const notified = await giveBackSession(
      latest,
      session.id,
      now,
      (signUp) => sessionCancelledMessage(latest, session, signUp, session.cancelReason, now),
      Date.now() + GIVE_BACK_BUDGET_MS,
    )
    const settled = (await reread(latest)) ?? latest
    await refreshGroupCards(settled, now)
    return ok({ call: toCallDetail(settled, toNgoOnCall(ngo), [], now), notified, promoted: 0 })
  },
})
