// Typed helpers over the SDK's query builder (its typings return `Promise | void | string` for callback styles).
// Every request they send is sent again while WeChat's quota refuses it (quota-retry.ts).
import { db, _ } from './cloud'
import { withQuotaRetry } from './quota-retry'
import type { Call, Certificate, MediaReview, Message, Ngo, Notice, SignUp, User } from '@core/model'
import type { ExportRecord, InsuranceDetails, InsuranceExportLog, OfflineCheckInRecord } from '@core/model'

type Collection = ReturnType<typeof db.collection>
export type Query = ReturnType<Collection['where']>
type Queryable = Collection | Query

export interface Collections {
  calls: Call
  ngos: Ngo
  signups: SignUp
  messages: Message
  users: User
  mediaReviews: MediaReview
  certificates: Certificate
  /** organizers' notices to a call's sign-ups (messages/contract.ts) */
  notices: Notice
  /** rate-limit.ts: requests counted per caller and window */
  rateLimits: { _id: string; count: number; until: number }
  /** exports.ts: roster and hours exports, deleted after a day */
  exports: ExportRecord
  /** lib/privacy/insurance.ts: volunteers' sealed insurance details, apart from the sign-ups */
  insuranceDetails: InsuranceDetails
  /** every download of an insurance list: who, when, which call, how many */
  insuranceExports: InsuranceExportLog
  /** syncCheckIns: the offline records already applied, so a retry changes nothing */
  offlineRecords: OfflineCheckInRecord
}

export function collection<K extends keyof Collections>(name: K): Collection {
  return db.collection(name)
}

export async function find<T>(query: Queryable): Promise<T[]> {
  const result = (await withQuotaRetry(() => query.get(), 'read')) as { data: unknown[] }
  return result.data as T[]
}

export async function findById<K extends keyof Collections>(
  name: K,
  id: string,
): Promise<Collections[K] | null> {
  const [doc] = await find<Collections[K]>(collection(name).where({ _id: id }).limit(1))
  return doc ?? null
}

/** Documents by id, in one query (ids de-duplicated; at most 100, the SDK's page). */
export async function findByIds<K extends keyof Collections>(
  name: K,
  ids: readonly string[],
): Promise<Map<string, Collections[K]>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  if (unique.length > 100) throw new Error(`findByIds: ${unique.length} ids is more than one page`)
  const docs = await find<Collections[K] & { _id: string }>(
    collection(name)
      .where({ _id: _.in(unique) })
      .limit(unique.length),
  )
  return new Map(docs.map((doc) => [doc._id, doc]))
}

/** Updates every matching document; returns how many changed (0 = the condition no longer held). */
export async function updateWhere(query: Query, data: Record<string, unknown>): Promise<number> {
  const result = (await withQuotaRetry(() => query.update({ data }), 'write')) as {
    stats: { updated: number }
  }
  return result.stats.updated
}

export async function insert<K extends keyof Collections>(name: K, doc: Collections[K]): Promise<void> {
  await withQuotaRetry(() => collection(name).add({ data: doc }), 'write')
}

/**
 * Inserts a document whose `_id` is derived from what it records; if that `_id` is already stored (a retry, or
 * another instance doing the same work) nothing more happens. Returns whether this call inserted it.
 */
export async function insertOnce<K extends keyof Collections>(
  name: K,
  doc: Collections[K] & { _id: string },
): Promise<boolean> {
  try {
    await insert(name, doc)
    return true
  } catch (err) {
    // The SDK reports a duplicate _id as a failed write: it is a duplicate if the document is there.
    if (await findById(name, doc._id)) return false
    throw err
  }
}

export async function count(query: Query): Promise<number> {
  const result = (await withQuotaRetry(() => query.count(), 'read')) as { total: number }
  return result.total
}
