// Live group cards (WeChat's updatable messages): a share card made with an activity id shows
// 「成员正在加入，当前 x/y 人」 in the chat, and every change of the call's seats sets the new numbers on each card
// shared for it. `shareActivities` remembers which activity ids belong to which call, and until when WeChat
// accepts updates for them (an activity id lives 24 hours). A call of several sessions counts the places of its
// sessions not cancelled, as its page and poster do (core/calls/session-text.ts placesSummary).
import { sessionOfSlot, sessionsOf, slotKeysOf, slotOf, slotSpotsLeft } from '@core/calls/slots'
import type { Call } from '@core/model'
import { _, db, openapi } from '@lib/cloud/cloud'
import { collection, find, findById, updateWhere } from '@lib/cloud/db'
import { inParallel } from '@lib/cloud/parallel'
import { withQuotaRetry } from '@lib/cloud/quota-retry'

interface ShareActivity {
  _id: string
  callId: string
  openid: string
  createdAt: number
  /** epoch ms; WeChat refuses updates after it */
  expiresAt: number
}

const ACTIVITY_LIFETIME_MS = 24 * 3600_000
/** An activity id is reused for the sharer's next card only while it still has this long to live. */
const REUSE_MARGIN_MS = 3600_000
const CARDS_PER_CALL = 100

/**
 * An activity id for a card `openid` is about to share for `callId`: the one made earlier for the same sharer and
 * call while it still has an hour to live (opening the detail page again makes no new one), else a new one.
 */
export async function activityFor(callId: string, openid: string, now: number): Promise<string> {
  const [live] = await find<ShareActivity>(
    db
      .collection('shareActivities')
      .where({ callId, openid, expiresAt: _.gt(now + REUSE_MARGIN_MS) })
      .limit(1),
  )
  if (live) return live._id
  const result = (await openapi.updatableMessage.createActivityId({ openid })) as {
    activityId?: string
    expirationTime?: number
  }
  const activityId = result.activityId
  if (!activityId) throw new Error('createActivityId returned no activity id')
  const expiresAt = result.expirationTime ? result.expirationTime * 1000 : now + ACTIVITY_LIFETIME_MS
  const doc: ShareActivity = { _id: activityId, callId, openid, createdAt: now, expiresAt }
  await withQuotaRetry(() => db.collection('shareActivities').add({ data: doc }), 'write')
  // The call says until when it has a live card, so a seat change on a call with none looks for no cards. The
  // newest activity expires last (24 h from its making), so setting it is never a step back.
  await updateWhere(collection('calls').where({ _id: callId }), { groupCardsUntil: expiresAt })
  return activityId
}

/**
 * Sets the current numbers on every live card shared for the call: 「当前 x/y 人」 while it recruits, the ended
 * state once it is full, closed or cancelled. Never fails the change that caused it: failures are logged.
 */
export async function refreshGroupCards(
  call: CardCall & Pick<Call, 'groupCardsUntil'>,
  now: number,
): Promise<number> {
  if (!hasLiveCards(call, now)) return 0
  try {
    return await setCards(call, now)
  } catch (err) {
    console.warn('group cards not updated:', err)
    return 0
  }
}

/** The same, for a call read before its seats changed: read afresh (the latest numbers) only if it has live cards. */
export async function refreshGroupCardsOf(
  call: Pick<Call, '_id' | 'groupCardsUntil'>,
  now: number,
): Promise<void> {
  if (!hasLiveCards(call, now)) return
  const fresh = await findById('calls', call._id).catch(() => null)
  if (fresh) await refreshGroupCards(fresh, now)
}

function hasLiveCards(call: Pick<Call, 'groupCardsUntil'>, now: number): boolean {
  return call.groupCardsUntil !== undefined && call.groupCardsUntil > now
}

type CardCall = Pick<Call, '_id' | 'confirmed' | 'waitlisted' | 'capacity' | 'status' | 'startAt' | 'endAt'> &
  Partial<Pick<Call, 'sessions' | 'roles' | 'slots'>>

/**
 * What a live card shows (WeChat's card takes two numbers and a state, no text): the seats taken of the places, and
 * whether it still recruits. A call of several sessions: over the slots of its sessions not cancelled, recruiting
 * while placesSummary would say 「还剩 N 个名额」; any other call: its own counters, as before.
 */
export function cardNumbers(call: Omit<CardCall, '_id'>): {
  members: number
  limit: number
  recruiting: boolean
} {
  if (sessionsOf(call).length <= 1) {
    return {
      members: Math.min(call.confirmed, call.capacity),
      limit: call.capacity,
      recruiting: call.status === 'open' && call.confirmed < call.capacity,
    }
  }
  let members = 0
  let limit = 0
  let left = 0
  for (const key of slotKeysOf(call)) {
    const slot = slotOf(call, key)
    if (!slot || slot.cancelled || sessionOfSlot(call, key)?.cancelledAt !== undefined) continue
    members += Math.min(slot.confirmed, slot.capacity)
    limit += slot.capacity
    left += slotSpotsLeft(slot)
  }
  // every session cancelled: the card ends (WeChat takes no limit of 0)
  if (limit === 0) return { members: 0, limit: Math.max(1, call.capacity), recruiting: false }
  return { members, limit, recruiting: call.status === 'open' && left > 0 }
}

async function setCards(call: CardCall, now: number) {
  const activities = await find<ShareActivity>(
    db
      .collection('shareActivities')
      .where({ callId: call._id, expiresAt: _.gt(now) })
      .limit(CARDS_PER_CALL),
  )
  const { members, limit, recruiting } = cardNumbers(call)
  let updated = 0
  await inParallel(activities, 5, async (activity) => {
    try {
      await openapi.updatableMessage.setUpdatableMsg({
        activityId: activity._id,
        targetState: recruiting ? 0 : 1,
        templateInfo: {
          parameterList: [
            { name: 'member_count', value: String(members) },
            { name: 'room_limit', value: String(limit) },
          ],
        },
      })
      updated++
    } catch (err) {
      console.warn(`group card ${activity._id} not updated:`, err)
    }
  })
  return updated
}
