// What the `poster` function has already rendered: `posters` docs record each stored picture under its cloud
// path (`_id` = the path, with ':' for '/'), so finding one is one read, no listing of storage.
import { now } from '@lib/cloud/clock'
import { db } from '@lib/cloud/cloud'
import { find } from '@lib/cloud/db'
import { withQuotaRetry } from '@lib/cloud/quota-retry'

const idOf = (cloudPath: string) => cloudPath.replace(/\//g, ':')

export async function findStored(cloudPath: string): Promise<string | null> {
  const [doc] = await find<{ fileID: string }>(
    db
      .collection('posters')
      .where({ _id: idOf(cloudPath) })
      .limit(1),
  )
  return doc?.fileID ?? null
}

/** `about` says what the picture shows (e.g. `{ callId }`), for finding a document's pictures later. */
export async function rememberStored(
  cloudPath: string,
  fileID: string,
  about: Record<string, string>,
): Promise<void> {
  try {
    await withQuotaRetry(
      () =>
        db.collection('posters').add({ data: { _id: idOf(cloudPath), fileID, ...about, createdAt: now() } }),
      'write',
    )
  } catch {
    // a concurrent render of the same picture stored it first: either one serves
  }
}
