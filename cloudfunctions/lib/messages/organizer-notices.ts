// Organizers' notices (messages/contract.ts): the day's slots that keep the daily limit, the messages each notice queues,
// and the notices a call has.
import { NOTICES_PER_DAY, type NoticeView } from '@core/messages/contract'
import { noticeMessage } from '@core/messages/messages'
import { addressedStatuses } from '@core/messages/notices'
import { chinaDayKey, chinaDayStart } from '@core/shared/china-time'
import type { Call, Ngo, Notice, SignUp } from '@core/model'
import { _ } from '@lib/cloud/cloud'
import { collection, count, find, findById, insertOnce } from '@lib/cloud/db'
import { queueMessage } from './outbox'

const PAGE = 100

/** The notice already sent for this tap (a retry), if any. */
export async function noticeOfRequest(callId: string, requestId: string): Promise<Notice | null> {
  const [notice] = await find<Notice>(collection('notices').where({ callId, requestId }).limit(1))
  return notice ?? null
}

/**
 * Stores the notice in the first free slot of the day (`_id` = callId_day_n): a unique id per slot, so of two
 * organizers sending at once each gets its own slot and the sixth finds none. null = the day's slots are taken.
 * A slot taken by this same tap (a retry racing its first try) is that notice.
 */
export async function claimSlot(draft: Omit<Notice, '_id'>): Promise<Notice | null> {
  const day = chinaDayKey(draft.createdAt)
  const sentToday = await count(
    collection('notices').where({ callId: draft.callId, createdAt: _.gte(chinaDayStart(draft.createdAt)) }),
  )
  for (let n = sentToday + 1; n <= NOTICES_PER_DAY; n++) {
    const notice: Notice = { _id: `${draft.callId}_${day}_${n}`, ...draft }
    if (await insertOnce('notices', notice)) return notice
    const taken = await findById('notices', notice._id)
    if (taken?.requestId === draft.requestId) return taken
  }
  return null
}

/** Notices the call's organizers may still send today. */
export async function remainingToday(callId: string, now: number): Promise<number> {
  const sent = await count(collection('notices').where({ callId, createdAt: _.gte(chinaDayStart(now)) }))
  return Math.max(0, NOTICES_PER_DAY - sent)
}

/**
 * One message per addressed sign-up (its id derived from both: a retry queues none twice). Returns how many were
 * addressed, and how many of them hold an acceptance for the template it goes out with.
 */
export async function queueNotice(
  call: Call,
  notice: Notice,
  templateId: string,
  now: number,
): Promise<{ addressed: number; withReminderAllowed: number }> {
  let addressed = 0
  let withReminderAllowed = 0
  let after = ''
  for (;;) {
    const page = await find<SignUp>(
      collection('signups')
        .where({
          callId: call._id,
          status: _.in(addressedStatuses(notice.audience)),
          walkIn: _.neq(true),
          _id: _.gt(after),
        })
        .orderBy('_id', 'asc')
        .limit(PAGE),
    )
    for (const signUp of page) {
      await queueMessage(noticeMessage(call, signUp, notice, now))
      if ((signUp.subscriptions?.[templateId] ?? 0) > 0) withReminderAllowed++
    }
    addressed += page.length
    if (page.length < PAGE) return { addressed, withReminderAllowed }
    after = page[page.length - 1]._id
  }
}

/** The call's notices, newest first (at most a day's limit for each of 20 days: enough for any call). */
export async function noticesOf(callId: string): Promise<Notice[]> {
  return find<Notice>(
    collection('notices')
      .where({ callId })
      .orderBy('createdAt', 'desc')
      .limit(NOTICES_PER_DAY * 20),
  )
}

export function toNoticeView(notice: Notice, ngo: Ngo): NoticeView {
  return {
    _id: notice._id,
    text: notice.text,
    audience: notice.audience,
    from: ngo.organizerNames?.[notice.author] || ngo.name,
    createdAt: notice.createdAt,
  }
}
