// The organizer moves one session or changes its place. The sessions array and the session's slots' starts change
// in one update conditional on the edit version (session-edits.ts); that version names the `changed` messages, so
// each volunteer of the session is told once per edit, and a retry re-queues only what a first try may have missed.
import type { SessionEditResponse } from '@core/calls/contract'
import { callTimes, editableSession, validateUpdateSession } from '@core/calls/session-edit'
import { hasSlots, parseSlotKey, slotKeysOf } from '@core/calls/slots'
import { toCallDetail, toNgoOnCall } from '@core/calls/views'
import { sessionChangedMessage } from '@core/messages/messages'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import type { Call, CallSession } from '@core/model'
import { EDIT_ATTEMPTS, reread, writeSessionEdit } from '@lib/calls/session-edits'
import { queueForSession } from '@lib/messages/outbox'
import { refreshGroupCards } from '@lib/sharing/group-cards'
import { defineAction } from '@functions/api/gate'

export const updateSession = defineAction({
  who: 'organizers',
  resource: 'call',
  changesPublicCall: true,
  validate: validateUpdateSession,
  run: async ({ input, call: loaded, ngo, now }): Promise<ApiResult<SessionEditResponse>> => {
    let call: Call | null = loaded
    for (let attempt = 0; attempt < EDIT_ATTEMPTS && call; attempt++) {
      if (call.status === 'cancelled') return fail('CALL_CANCELLED')
      if (call.status === 'draft')
        return fail('INVALID_INPUT', '草稿的场次请在编辑页修改', { request: '活动还未发布' })
      if (!hasSlots(call))
        return fail('INVALID_INPUT', '单场次活动请直接修改活动时间', { sessionId: '这个活动只有一个场次' })
      const found = editableSession(call, input.sessionId, now)
      if ('error' in found) return fail('INVALID_INPUT', undefined, found.error)
      const moved = movedSession(found.session, input)
      if (moved.endAt <= moved.startAt)
        return fail('INVALID_INPUT', undefined, { endAt: '结束时间应晚于开始时间' })
      if (moved.startAt !== found.session.startAt && moved.startAt <= now)
        return fail('INVALID_INPUT', undefined, { startAt: '开始时间不能早于现在' })
      const unchanged =
        moved.startAt === found.session.startAt &&
        moved.endAt === found.session.endAt &&
        moved.address === found.session.address
      const renamed = moved.name !== found.session.name
      // A retry of an edit already applied: tell whoever the first try may not have told, under its version
      // (a session never moved has nobody to tell).
      if (unchanged && !renamed) return answer(call, moved, moved.version)
      // A new name alone tells nobody: their session is when and where it was.
      const version = unchanged ? undefined : (call.editVersion ?? 0) + 1
      if (version !== undefined) moved.version = version
      const sessions = (call.sessions ?? []).map((s) => (s.id === moved.id ? moved : s))
      const data: Record<string, unknown> = { sessions, ...callTimes(sessions, now) }
      if (!unchanged)
        for (const key of slotKeysOf(call))
          if (parseSlotKey(key).sessionId === moved.id) data[`slots.${key}.startAt`] = moved.startAt
      if (await writeSessionEdit(call, data, {}, now)) return answer(call, moved, version)
      call = await reread(call)
    }
    if (!call) return fail('NOT_FOUND')
    throw new Error(`call ${call._id} kept changing while a session was edited`)

    async function answer(before: Call, session: CallSession, version: number | undefined) {
      const latest = (await reread(before)) ?? before
      const notified =
        version === undefined
          ? 0
          : await queueForSession(latest, session.id, (signUp) =>
              sessionChangedMessage(latest, session, signUp, version, now),
            )
      await refreshGroupCards(latest, now)
      return ok({ call: toCallDetail(latest, toNgoOnCall(ngo), [], now), notified, promoted: 0 })
    }
  },
})

/** The session with the edit applied; an empty address means the call's own place again, an empty name none. */
function movedSession(
  session: CallSession,
  edit: { name?: string; startAt?: number; endAt?: number; address?: string },
) {
  const moved: CallSession = {
    ...session,
    startAt: edit.startAt ?? session.startAt,
    endAt: edit.endAt ?? session.endAt,
  }
  if (edit.name !== undefined) {
    if (edit.name) moved.name = edit.name
    else delete moved.name
  }
  if (edit.address !== undefined) {
    if (edit.address) moved.address = edit.address
    else delete moved.address
  }
  return moved
}
