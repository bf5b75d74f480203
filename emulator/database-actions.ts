// `database.*` actions of the CloudBase wire protocol, answered from the store.
// Request and response shapes follow @cloudbase/database (the SDK's own client code is the specification).
import type { Doc } from './ejson'
import { parseWire, toWire } from './ejson'
import type { DocId, FindOptions, Store } from './store'
import { DbError } from './store'

export interface WireRequest {
  action: string
  collectionName?: string
  query?: string
  data?: string | string[]
  order?: string
  offset?: number
  limit?: number
  projection?: string
  multi?: boolean
  merge?: boolean
  upsert?: boolean
  queryType?: 'WHERE' | 'DOC'
  stages?: { stageKey: string; stageValue: string }[]
  transactionId?: string
}

/** What goes back in `data` on success; failures throw DbError (sent as `{code, message}`). */
export type DatabaseHandler = (store: Store, req: WireRequest, now: number) => Doc

const MAX_LIMIT = 1000

export const databaseActions: Record<string, DatabaseHandler> = {
  'database.getDocument': (store, req, now) => {
    const opts: FindOptions = {
      order: req.order ? (parseWire(req.order, now) as FindOptions['order']) : undefined,
      skip: nonNegative(req.offset, 'offset'),
      limit: Math.min(nonNegative(req.limit, 'limit') || 100, MAX_LIMIT),
      projection: req.projection ? (parseWire(req.projection, now) as Doc) : undefined,
    }
    const list = coll(store, req).find(query(req, now), opts)
    return { list: list.map(toWire), offset: opts.skip ?? 0, limit: opts.limit }
  },

  'database.calculateDocument': (store, req, now) => ({ total: coll(store, req).count(query(req, now)) }),

  'database.insertDocument': (store, req, now) => {
    const items = Array.isArray(req.data) ? req.data : []
    if (!items.length) throw new DbError('INVALID_PARAM', 'data must be a non-empty list of documents')
    const docs = items.map((text) => asObject(parseWire(text, now), 'data'))
    return { insertedIds: coll(store, req).insert(docs) }
  },

  'database.modifyDocument': (store, req, now) => {
    const c = coll(store, req)
    const data = asObject(parseWire(typeof req.data === 'string' ? req.data : undefined, now), 'data')
    const criteria = query(req, now)
    if (req.merge === false) {
      // doc(id).set(): replace the whole document (creating it with upsert)
      const id = criteria._id
      if (typeof id !== 'string' && typeof id !== 'number')
        throw new DbError('INVALID_PARAM', 'docId不能为空')
      if ('_id' in data) throw new DbError('INVALID_PARAM', '不能更新_id的值')
      const { updated, upsertedId } = c.replace(id as DocId, data, req.upsert !== false)
      return upsertedId === undefined ? { updated } : { updated, upsert_id: upsertedId }
    }
    const isOperators = Object.keys(data).length > 0 && Object.keys(data).every((k) => k.startsWith('$'))
    const modifier = isOperators ? data : { $set: data }
    const multi = req.queryType !== 'DOC' && req.multi !== false
    return { updated: c.update(criteria, modifier, multi) }
  },

  'database.removeDocument': (store, req, now) => {
    const multi = req.queryType !== 'DOC' && req.multi !== false
    return { deleted: coll(store, req).remove(query(req, now), multi) }
  },

  'database.aggregateDocuments': (store, req, now) => {
    if (!Array.isArray(req.stages)) throw new DbError('INVALID_PARAM', 'stages must be a list')
    const pipeline = req.stages.map((s) => ({ [s.stageKey]: parseWire(s.stageValue, now) }))
    const list = coll(store, req).aggregate(pipeline, (name) => store.collection(name).all())
    return { list: list.map(toWire) }
  },

  'database.addCollection': (store, req) => {
    coll(store, req)
    return {}
  },
}

function coll(store: Store, req: WireRequest) {
  const name = req.collectionName
  if (typeof name !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(name)) {
    throw new DbError('INVALID_PARAM', `invalid collection name: ${String(name)}`)
  }
  return store.collection(name)
}

function query(req: WireRequest, now: number): Doc {
  return asObject(parseWire(req.query, now), 'query')
}

function asObject(value: unknown, what: string): Doc {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new DbError('INVALID_PARAM', `${what} must be an object`)
  }
  return value as Doc
}

function nonNegative(n: unknown, what: string): number | undefined {
  if (n === undefined || n === null) return undefined
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new DbError('INVALID_PARAM', `${what} must be a non-negative integer`)
  }
  return n
}
