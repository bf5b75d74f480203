// The database: one SQLite table of EJSON documents, mirrored in memory per collection.
// Every operation runs synchronously on the main thread, so each one is atomic with respect to the others
// (this is what makes `where({_id, n: _.lt(cap)}).update({data: {n: _.inc(1)}})` a safe conditional update).
// Writes go through to SQLite (WAL) before the call returns, so an acknowledged write survives a crash.
import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { Query, aggregate as mingoAggregate, update as applyUpdate } from 'mingo'
import type { Doc } from './ejson'
import { fromStored, toStored } from './ejson'

export type DocId = string | number

/** A failure the SDK should see as a CloudBase error `code` (mapped to errCode by wx-server-sdk). */
export class DbError extends Error {
  constructor(
    readonly code: 'DATABASE_REQUEST_FAILED' | 'INVALID_PARAM' | 'DATABASE_INVALID_OPERRATOR',
    message: string,
  ) {
    super(message)
  }
}

export interface FindOptions {
  order?: Record<string, 1 | -1>
  skip?: number
  limit?: number
  projection?: Record<string, unknown>
}

type Statements = ReturnType<typeof prepare>

function prepare(db: Database.Database) {
  db.exec(`CREATE TABLE IF NOT EXISTS docs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    coll TEXT NOT NULL,
    id TEXT NOT NULL,
    json TEXT NOT NULL,
    UNIQUE (coll, id)
  )`)
  return {
    load: db.prepare<[string], { json: string }>('SELECT json FROM docs WHERE coll = ? ORDER BY seq'),
    insert: db.prepare<[string, string, string]>('INSERT INTO docs (coll, id, json) VALUES (?, ?, ?)'),
    update: db.prepare<[string, string, string]>('UPDATE docs SET json = ? WHERE coll = ? AND id = ?'),
    remove: db.prepare<[string, string]>('DELETE FROM docs WHERE coll = ? AND id = ?'),
    names: db.prepare<[], { coll: string }>('SELECT DISTINCT coll FROM docs'),
  }
}

const keyOf = (id: DocId) => (typeof id === 'number' ? `n:${id}` : `s:${id}`)

export class Store {
  readonly db: Database.Database
  private readonly sql: Statements
  private readonly collections = new Map<string, Collection>()

  /** `dataDir` is a folder (created if missing) or `':memory:'`. */
  constructor(dataDir: string) {
    if (dataDir === ':memory:') {
      this.db = new Database(':memory:')
    } else {
      mkdirSync(dataDir, { recursive: true })
      this.db = new Database(join(dataDir, 'database.sqlite'))
      this.db.pragma('journal_mode = WAL')
      // NORMAL: a commit reaches the OS before the call returns, so it survives the process being killed.
      this.db.pragma('synchronous = NORMAL')
    }
    this.sql = prepare(this.db)
  }

  collection(name: string): Collection {
    let coll = this.collections.get(name)
    if (!coll) {
      coll = new Collection(this, name, this.sql)
      this.collections.set(name, coll)
    }
    return coll
  }

  collectionNames(): string[] {
    const names = new Set(this.sql.names.all().map((r) => r.coll))
    for (const [name, coll] of this.collections) if (coll.size > 0) names.add(name)
    return [...names].sort()
  }

  /** Runs `fn` in one SQLite transaction (all its writes land together or not at all). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)()
  }

  close(): void {
    this.db.close()
  }
}

export class Collection {
  private docs: Map<string, Doc> | undefined

  constructor(
    private readonly store: Store,
    readonly name: string,
    private readonly sql: Statements,
  ) {}

  private get map(): Map<string, Doc> {
    if (!this.docs) {
      this.docs = new Map()
      for (const row of this.sql.load.all(this.name)) {
        const doc = fromStored(row.json)
        this.docs.set(keyOf(doc._id as DocId), doc)
      }
    }
    return this.docs
  }

  get size(): number {
    return this.map.size
  }

  /** Live documents in natural (insertion) order: read-only for callers. */
  all(): Doc[] {
    return [...this.map.values()]
  }

  get(id: DocId): Doc | undefined {
    const doc = this.map.get(keyOf(id))
    return doc && structuredClone(doc)
  }

  find(criteria: Doc = {}, opts: FindOptions = {}): Doc[] {
    // A compiled Query, not mingo's find(): that helper rebuilds mingo's operator context on every call.
    let cursor = compile(criteria).find(this.candidates(criteria), opts.projection)
    if (opts.order && Object.keys(opts.order).length) cursor = cursor.sort(opts.order)
    if (opts.skip) cursor = cursor.skip(opts.skip)
    if (opts.limit) cursor = cursor.limit(opts.limit)
    return cursor.all() as Doc[]
  }

  count(criteria: Doc = {}): number {
    return this.matching(criteria, true).length
  }

  /** Inserts all or nothing; a taken or repeated `_id` fails like MongoDB's unique `_id_` index. */
  insert(docs: Doc[]): DocId[] {
    const prepared = docs.map((d) => ({ ...d, _id: d._id ?? randomBytes(16).toString('hex') }))
    const seen = new Set<string>()
    for (const doc of prepared) {
      const id = doc._id
      if (typeof id !== 'string' && typeof id !== 'number') {
        throw new DbError('INVALID_PARAM', '_id must be a string or a number')
      }
      const key = keyOf(id)
      if (this.map.has(key) || seen.has(key)) throw duplicateKey(this.name, id)
      seen.add(key)
    }
    this.store.transaction(() => {
      for (const doc of prepared) {
        const id = doc._id as DocId
        this.sql.insert.run(this.name, keyOf(id), toStored(doc))
        this.map.set(keyOf(id), doc)
      }
    })
    return prepared.map((d) => d._id as DocId)
  }

  /** Applies update operators to the first (or every) match; returns how many documents changed. */
  update(criteria: Doc, modifier: Doc, multi: boolean): number {
    checkModifier(modifier)
    const changed: Doc[] = []
    for (const doc of this.matching(criteria, multi)) {
      checkApplicable(doc, modifier)
      const copy = structuredClone(doc)
      let fields: string[]
      try {
        fields = applyUpdate(copy, modifier, undefined, undefined, { cloneMode: 'deep' })
      } catch (e) {
        throw new DbError('DATABASE_REQUEST_FAILED', `update failed: ${(e as Error).message}`)
      }
      if (fields.length) changed.push(copy)
    }
    this.write(changed)
    return changed.length
  }

  /** `doc(id).set(data)`: replaces the document, or creates it when absent. */
  replace(id: DocId, data: Doc, upsert: boolean): { updated: number; upsertedId?: DocId } {
    const existing = this.map.get(keyOf(id))
    const doc = { ...data, _id: id }
    if (!existing) {
      if (!upsert) return { updated: 0 }
      this.insert([doc])
      return { updated: 0, upsertedId: id }
    }
    if (toStored(existing) === toStored(doc)) return { updated: 0 }
    this.write([doc])
    return { updated: 1 }
  }

  remove(criteria: Doc, multi: boolean): number {
    const doomed = this.matching(criteria, multi)
    this.store.transaction(() => {
      for (const doc of doomed) {
        const key = keyOf(doc._id as DocId)
        this.sql.remove.run(this.name, key)
        this.map.delete(key)
      }
    })
    return doomed.length
  }

  aggregate(pipeline: Doc[], resolve: (name: string) => Doc[]): Doc[] {
    try {
      return mingoAggregate(this.all(), pipeline, {
        collectionResolver: resolve,
        processingMode: 1, // ProcessingMode.CLONE_INPUT: stages must never touch the cached documents
      }) as Doc[]
    } catch (e) {
      throw new DbError('DATABASE_REQUEST_FAILED', `aggregate failed: ${(e as Error).message}`)
    }
  }

  private write(docs: Doc[]): void {
    if (!docs.length) return
    this.store.transaction(() => {
      for (const doc of docs) {
        const key = keyOf(doc._id as DocId)
        this.sql.update.run(toStored(doc), this.name, key)
        this.map.set(key, doc)
      }
    })
  }

  private matching(criteria: Doc, multi: boolean): Doc[] {
    const query = compile(criteria)
    const out: Doc[] = []
    for (const doc of this.candidates(criteria)) {
      if (query.test(doc)) {
        out.push(doc)
        if (!multi) break
      }
    }
    return out
  }

  /** Fast path: a query pinned to one `_id` (or a list of them) looks at those documents instead of scanning. */
  private candidates(criteria: Doc): Doc[] {
    const ids = pinnedIds(criteria._id)
    if (ids === undefined) return this.all()
    return ids.flatMap((id): Doc[] => {
      const doc = this.map.get(keyOf(id))
      return doc ? [doc] : []
    })
  }
}

function pinnedIds(cond: unknown): DocId[] | undefined {
  if (typeof cond === 'string' || typeof cond === 'number') return [cond]
  if (cond && typeof cond === 'object' && Object.keys(cond).length === 1) {
    const { $eq: eq, $in: list } = cond as Doc
    if (typeof eq === 'string' || typeof eq === 'number') return [eq]
    // in the list's order, not the stored one: a query over ids without an orderBy promises no order anyway
    if (Array.isArray(list) && list.every((id) => typeof id === 'string' || typeof id === 'number'))
      return [...new Set(list as DocId[])]
  }
  return undefined
}

function compile(criteria: Doc): Query {
  try {
    return new Query(criteria)
  } catch (e) {
    throw new DbError('DATABASE_INVALID_OPERRATOR', `invalid query: ${(e as Error).message}`)
  }
}

const UPDATE_OPERATORS = new Set([
  '$set', '$unset', '$inc', '$mul', '$min', '$max', '$rename', '$push', '$pull', '$pullAll', '$pop', '$addToSet',
  '$currentDate', '$bit',
]) // prettier-ignore

function checkModifier(modifier: Doc): void {
  const ops = Object.keys(modifier)
  if (!ops.length) throw new DbError('INVALID_PARAM', 'update data must not be empty')
  for (const op of ops) {
    if (!UPDATE_OPERATORS.has(op))
      throw new DbError('DATABASE_INVALID_OPERRATOR', `unknown update operator ${op}`)
    const fields = modifier[op]
    if (!fields || typeof fields !== 'object') throw new DbError('INVALID_PARAM', `${op} needs an object`)
    for (const field of Object.keys(fields)) {
      if (field === '_id' || field.startsWith('_id.')) throw new DbError('INVALID_PARAM', '不能更新_id的值')
    }
  }
}

const NUMERIC_OPS = new Set(['$inc', '$mul'])
const ARRAY_OPS = new Set(['$push', '$addToSet', '$pull', '$pullAll', '$pop'])

/** mingo skips an operator that cannot apply; MongoDB (so CloudBase) fails the whole write instead. */
function checkApplicable(doc: Doc, modifier: Doc): void {
  for (const [op, fields] of Object.entries(modifier)) {
    for (const [path, arg] of Object.entries(fields as Doc)) {
      const { found, value, blocked } = lookup(doc, path)
      if (blocked)
        throw new DbError(
          'DATABASE_REQUEST_FAILED',
          `Cannot create field '${path}': ${blocked} is not an object`,
        )
      if (NUMERIC_OPS.has(op)) {
        if (typeof arg !== 'number')
          throw new DbError('DATABASE_REQUEST_FAILED', `${op} needs a number for '${path}'`)
        if (found && typeof value !== 'number') {
          throw new DbError(
            'DATABASE_REQUEST_FAILED',
            `Cannot apply ${op} to a value of non-numeric type at '${path}'`,
          )
        }
      }
      if (ARRAY_OPS.has(op) && found && !Array.isArray(value)) {
        throw new DbError('DATABASE_REQUEST_FAILED', `Cannot apply ${op} to a non-array field '${path}'`)
      }
    }
  }
}

function lookup(doc: Doc, path: string): { found: boolean; value?: unknown; blocked?: string } {
  let current: unknown = doc
  const parts = path.split('.')
  for (let i = 0; i < parts.length; i++) {
    if (current === undefined || current === null) return { found: false }
    if (typeof current !== 'object' || current instanceof Date)
      return { found: false, blocked: parts.slice(0, i).join('.') }
    current = (current as Doc)[parts[i]]
  }
  return { found: current !== undefined, value: current }
}

function duplicateKey(coll: string, id: DocId): DbError {
  // Worded like the MongoDB error behind CloudBase, so callers can recognise it the same way in both places.
  return new DbError(
    'DATABASE_REQUEST_FAILED',
    `[DuplicateWrite] E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`,
  )
}
