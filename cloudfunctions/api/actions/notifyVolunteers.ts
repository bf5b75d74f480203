// An organizer's notice to the call's sign-ups: reviewed (msgSecCheck), stored in one of the day's slots, then
// one `notice` message queued per addressed sign-up. A retry of the same tap finds its notice and re-queues what a
// first try may have missed (same ids: none twice); it never takes a second slot.
import { fail, ok } from '../../../src/core/errors'
import { validateNotifyVolunteers, type NotifyVolunteersResponse } from '../../../src/core/notice-api'
import { templateKindOf } from '../../../src/core/templates'
import { riskyTexts } from '../../lib/content-check'
import { claimSlot, noticeOfRequest, queueNotice, toNoticeView } from '../../lib/notices'
import { templates } from '../../lib/templates'
import type { ActionHandler } from '../caller'
import { findManagedCall } from '../managedCall'

export const notifyVolunteers: ActionHandler<NotifyVolunteersResponse> = async (event, { openid, now }) => {
  if (!openid) return fail('UNAUTHENTICATED')
  const input = validateNotifyVolunteers(event)
  if (!input.ok) return fail('INVALID_INPUT', undefined, input.fields)
  const { callId, text, audience, requestId } = input.value
  const managed = await findManagedCall(callId, openid)
  if ('code' in managed) return managed
  const { call, ngo } = managed
  if (call.status === 'draft') return fail('NOT_PUBLISHED')
  if (call.status === 'cancelled') return fail('CALL_CANCELLED')

  let notice = await noticeOfRequest(callId, requestId)
  if (!notice) {
    const risky = await riskyTexts(openid, { text }, 3)
    if (Object.keys(risky).length > 0) return fail('CONTENT_RISKY', undefined, risky)
    notice = await claimSlot({ callId, text, audience, author: openid, requestId, createdAt: now })
    if (!notice) return fail('NOTICE_LIMIT')
  }
  const template = templates()[templateKindOf('notice')]
  const queued = await queueNotice(call, notice, template.id, now)
  return ok({ notice: toNoticeView(notice, ngo), ...queued })
}
