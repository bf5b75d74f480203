// WeChat Cloud's quotas, as an opt-in profile of the local cloud (QUOTA=base): one environment's database takes
// 30 requests a second and 20 at once, 50,000 reads and 30,000 writes a day (China day), and each function runs
// at most 20 instances at once. Past a limit WeChat answers EXCEED_REQUEST_LIMIT (-501003: requests per second,
// or a day's reads or writes used up) or EXCEED_CONCURRENT_REQUEST_LIMIT (-501004: too many at once), and so does
// the local cloud. The profile can also give every database request a latency, and make writes to one document
// wait for each other, as a real database's do: what limits a call everyone signs up for at once.

export interface QuotaProfile {
  /** database requests per second, per environment */
  dbQps: number
  /** database requests in flight at once */
  dbConnections: number
  dailyReads: number
  dailyWrites: number
  /** instances of one function running at once; more are refused, not queued */
  functionInstances: number
  /** every database request takes this long (ms) */
  dbLatencyMs: number
  /** writes to one document take this long each, one after the other (ms) */
  docWriteMs: number
}

/** WeChat Cloud's base plan (基础版), from its resource quota table. */
export const BASE_QUOTA: QuotaProfile = {
  dbQps: 30,
  dbConnections: 20,
  dailyReads: 50_000,
  dailyWrites: 30_000,
  functionInstances: 20,
  dbLatencyMs: 0,
  docWriteMs: 0,
}

/** QUOTA=base, optionally with DB_LATENCY_MS / DOC_WRITE_MS; undefined when no profile is asked for. */
export function quotaFromEnv(env: NodeJS.ProcessEnv = process.env): QuotaProfile | undefined {
  if (!env.QUOTA) return undefined
  if (env.QUOTA !== 'base') throw new Error(`QUOTA=${env.QUOTA}: the local cloud knows the 'base' profile`)
  return {
    ...BASE_QUOTA,
    dbLatencyMs: Number(env.DB_LATENCY_MS) || 0,
    docWriteMs: Number(env.DOC_WRITE_MS) || 0,
  }
}

export interface Refusal {
  code: 'EXCEED_REQUEST_LIMIT' | 'EXCEED_CONCURRENT_REQUEST_LIMIT'
  message: string
}

const READS = new Set(['database.getDocument', 'database.calculateDocument', 'database.aggregateDocuments'])
const CHINA_OFFSET_MS = 8 * 3_600_000

/** Counts what the environment's database is asked, and refuses what the profile would not take. */
export class DatabaseQuota {
  private windowStart = 0
  private inWindow = 0
  private inFlight = 0
  private day = ''
  private reads = 0
  private writes = 0
  private readonly docTail = new Map<string, Promise<void>>()
  /** requests refused, by code (the benches print them) */
  readonly refused = { EXCEED_REQUEST_LIMIT: 0, EXCEED_CONCURRENT_REQUEST_LIMIT: 0 }

  constructor(
    readonly profile: QuotaProfile,
    private readonly realNow: () => number = Date.now,
  ) {}

  /** Takes a request in, or says why not. A request taken in must be let out with `leave`. */
  admit(action: string, cloudNow: number): Refusal | null {
    const now = this.realNow()
    if (now - this.windowStart >= 1000) {
      this.windowStart = now
      this.inWindow = 0
    }
    const day = new Date(cloudNow + CHINA_OFFSET_MS).toISOString().slice(0, 10)
    if (day !== this.day) {
      this.day = day
      this.reads = 0
      this.writes = 0
    }
    const read = READS.has(action)
    let refusal: Refusal | null = null
    if (this.inFlight >= this.profile.dbConnections)
      refusal = { code: 'EXCEED_CONCURRENT_REQUEST_LIMIT', message: 'exceed concurrent request limit' }
    else if (this.inWindow >= this.profile.dbQps)
      refusal = { code: 'EXCEED_REQUEST_LIMIT', message: 'exceed request limit (requests per second)' }
    else if (read ? this.reads >= this.profile.dailyReads : this.writes >= this.profile.dailyWrites)
      refusal = {
        code: 'EXCEED_REQUEST_LIMIT',
        message: `exceed request limit (${read ? 'reads' : 'writes'} today)`,
      }
    if (refusal) {
      this.refused[refusal.code]++
      return refusal
    }
    this.inWindow++
    this.inFlight++
    if (read) this.reads++
    else this.writes++
    return null
  }

  leave(): void {
    this.inFlight--
  }

  /**
   * Runs a request (`apply`, synchronous so it is atomic) when the real database would: after its latency, and a
   * write in its turn on its document, which it then holds `docWriteMs` before answering. A conditional update that
   * matched nothing changed nothing: it waits for its turn (it must see the writes before it) but holds none.
   */
  async perform<T>(action: string, docKey: string | null, apply: () => T): Promise<T> {
    if (this.profile.dbLatencyMs > 0) await sleep(this.profile.dbLatencyMs)
    if (READS.has(action) || !docKey || this.profile.docWriteMs <= 0) return apply()
    const before = this.docTail.get(docKey) ?? Promise.resolve()
    let done = () => {}
    const mine = new Promise<void>((resolve) => (done = resolve))
    this.docTail.set(docKey, mine)
    await before
    try {
      const result = apply()
      if (changedSomething(result)) await sleep(this.profile.docWriteMs)
      return result
    } finally {
      done()
      if (this.docTail.get(docKey) === mine) this.docTail.delete(docKey)
    }
  }
}

/** What a write's reply says it did: `updated` or `deleted` documents (an insert is pinned to no document). */
function changedSomething(reply: unknown): boolean {
  const { updated, deleted } = (reply ?? {}) as { updated?: unknown; deleted?: unknown }
  return updated !== 0 && deleted !== 0
}

/** The one document a write names by `_id` (`collection/_id`), or null when it is not pinned to one. */
export function documentOf(request: { collectionName?: string; query?: string }): string | null {
  if (!request.query) return null
  try {
    const query = JSON.parse(request.query) as { _id?: unknown }
    return typeof query._id === 'string' ? `${request.collectionName}/${query._id}` : null
  } catch {
    return null
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms))
}
