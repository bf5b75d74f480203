// The SDK speaks MongoDB Extended JSON (bson's EJSON) plus one CloudBase extension, `$tcb_server_date`.
// These helpers turn wire text into plain JS values that mingo understands, and back.
import { BSONRegExp, EJSON } from 'bson'

export type Doc = Record<string, unknown>

/** Parses wire EJSON; `now` resolves `db.serverDate()` so one request sees one server time. */
export function parseWire(text: string | undefined, now = Date.now()): unknown {
  if (text === undefined || text === '') return {}
  return revive(EJSON.parse(text, { relaxed: true }), now)
}

export function toWire(value: unknown): string {
  return EJSON.stringify(value, { relaxed: true })
}

/** Storage form: canonical EJSON, so types survive a restart exactly. */
export function toStored(value: unknown): string {
  return EJSON.stringify(value, { relaxed: false })
}

export function fromStored(text: string): Doc {
  return EJSON.parse(text, { relaxed: true }) as Doc
}

function revive(value: unknown, now: number): unknown {
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Date) return value
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, value.options.replace(/[^dgimsuy]/g, ''))
  if (Array.isArray(value)) return value.map((v) => revive(v, now))
  const obj = value as Record<string, unknown>
  const serverDate = obj.$tcb_server_date as { offset?: number } | undefined
  if (serverDate && typeof serverDate === 'object' && Object.keys(obj).length === 1) {
    return new Date(now + Number(serverDate.offset ?? 0))
  }
  if (Object.getPrototypeOf(obj) !== Object.prototype) return value // ObjectId, Binary …: keep as is
  for (const key of Object.keys(obj)) obj[key] = revive(obj[key], now)
  return obj
}
