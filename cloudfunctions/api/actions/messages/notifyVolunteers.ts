// An organizer's notice to the call's sign-ups: reviewed (msgSecCheck), stored in one of the day's slots, then
// one `notice` message queued per addressed sign-up. A retry of the same tap finds its notice and re-queues what a
// first try may have missed (same ids: none twice); it never takes a second slot.
import { type ApiResult, fail, ok } from '@core/shared/errors'
import { validateNotifyVolunteers } from '@core/messages/validate'
import { type NotifyVolunteersResponse } from '@core/messages/contract'
import { templateKindOf } from '@core/messages/templates'
import { riskyTexts } from '@lib/moderation/content-check'
import { claimSlot, noticeOfRequest, queueNotice, toNoticeView } from '@lib/messages/organizer-notices'
import { templates } from '@lib/messages/templates'
import { defineAction } from '@functions/api/gate'

export const notifyVolunteers = defineAction({
  who: 'organizers',
  resource: 'call',
  validate: validateNotifyVolunteers,
  run: async ({ input, call, ngo, openid, now }): Promise<ApiResult<NotifyVolunteersResponse>> => {
    const { text, audience, requestId } = input
    const callId = call._id
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
  },
})
