// A fixed-window counter per caller and action in the `rateLimits` collection: one conditional increment per
// request, so instances running at once share the count. Whoever opens a new window also clears the windows that
// have ended, so the collection holds about one minute of callers.
import { _ } from './cloud'
import { collection, insertOnce, updateWhere } from './db'

export interface RateLimit {
  /** requests allowed per window */
  limit: number
  windowMs: number
}

/** Counts one request of `key` (e.g. action + caller); false when the window's limit is already reached. */
export async function withinLimit(
  key: string,
  { limit, windowMs }: RateLimit,
  now: number,
): Promise<boolean> {
  const start = now - (now % windowMs)
  const _id = `${key}:${start}`
  const increment = () =>
    updateWhere(collection('rateLimits').where({ _id, count: _.lt(limit) }), { count: _.inc(1) })
  if ((await increment()) === 1) return true
  if (await insertOnce('rateLimits', { _id, count: 1, until: start + windowMs })) {
    await clearEnded(now)
    return true
  }
  // Someone else opened the window at the same moment: count in it if there is room.
  return (await increment()) === 1
}

async function clearEnded(now: number): Promise<void> {
  try {
    await collection('rateLimits')
      .where({ until: _.lte(now) })
      .remove()
  } catch (err) {
    // only housekeeping: the next new window tries again
    console.warn('rateLimits: clearing ended windows failed:', err)
  }
}
