// Live group cards (WeChat's updatable messages): a share card made with an activity id shows
// 「成员正在加入，当前 x/y 人」 in the chat, and every change of the call's sign-ups sets the new numbers on each
// card shared for it. `shareActivities` remembers which activity ids belong to which call.
import type { Call } from '../../src/core/types'
import { db, openapi } from './cloud'
import { find } from './db'

interface ShareActivity {
  _id: string
  callId: string
  openid: string
  createdAt: number
}

/** An activity id for a card `openid` is about to share for `callId`. */
export async function createActivity(callId: string, openid: string, now: number): Promise<string> {
  const result = (await openapi.updatableMessage.createActivityId({ openid })) as { activityId?: string }
  const activityId = result.activityId
  if (!activityId) throw new Error('createActivityId returned no activity id')
  const doc: ShareActivity = { _id: activityId, callId, openid, createdAt: now }
  await db.collection('shareActivities').add({ data: doc })
  return activityId
}

/** Sets the current numbers on every card shared for the call (each one's failure is logged, not fatal). */
export async function refreshGroupCards(call: Pick<Call, '_id' | 'confirmed' | 'capacity'>): Promise<number> {
  const activities = await find<ShareActivity>(
    db.collection('shareActivities').where({ callId: call._id }).limit(100),
  )
  let updated = 0
  for (const activity of activities) {
    try {
      await openapi.updatableMessage.setUpdatableMsg({
        activityId: activity._id,
        targetState: call.confirmed >= call.capacity ? 1 : 0,
        templateInfo: {
          parameterList: [
            { name: 'member_count', value: String(call.confirmed) },
            { name: 'room_limit', value: String(call.capacity) },
          ],
        },
      })
      updated++
    } catch (err) {
      console.warn(`group card ${activity._id} not updated:`, err)
    }
  }
  return updated
}
