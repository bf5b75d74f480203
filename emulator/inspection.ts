// `/_emulator/*`: endpoints for tests, benchmarks and the H5 dev tools to look inside the local cloud.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Doc } from './ejson'
import type { FunctionPool } from './function-pool'
import { parseJson, readBody, sendJson, sendRawJson } from './http-util'
import type { OpenApi } from './openapi'
import { outboxPage } from './outbox-page'
import type { EmulatorClock } from './clock'
import type { Store } from './store'
import type { TimerScheduler } from './timers'
import { toWire } from './ejson'

export interface InspectionContext {
  store: Store
  functions: FunctionPool
  openapi: OpenApi
  timers: TimerScheduler
  clock: EmulatorClock
  counters: { dbRequests: number; adminRequests: number }
  /** false: the function door drops requests (server.ts), as a phone with no signal sees it */
  network: { online: boolean }
}

export async function inspectionRoutes(
  ctx: InspectionContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
) {
  const path = url.pathname.slice('/_emulator/'.length)
  const method = req.method
  if (path === 'health' && method === 'GET') {
    return sendJson(res, 200, { ok: true, counters: ctx.counters, collections: ctx.store.collectionNames() })
  }
  if (path === 'outbox' && method === 'GET') {
    const touser = url.searchParams.get('touser')
    return sendJson(res, 200, { messages: ctx.openapi.outbox(touser ? { touser } : {}) })
  }
  if (path === 'group-cards' && method === 'GET') {
    return sendJson(res, 200, { updates: ctx.openapi.groupCardUpdates() })
  }
  if (path === 'outbox.html' && method === 'GET') {
    const html = outboxPage(ctx.openapi.outbox().reverse())
    return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html)
  }
  if (path === 'clock' && method === 'GET')
    return sendJson(res, 200, { now: ctx.clock.now(), offsetMs: ctx.clock.offsetMs })
  if (path === 'clock' && method === 'POST') {
    const { now, offsetMs } = await jsonBody(req)
    const valid = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v))
    if ((now === undefined && offsetMs === undefined) || !valid(now) || !valid(offsetMs))
      return sendJson(res, 400, { errMsg: 'body must be {now: epoch ms} or {offsetMs: ms from real time}' })
    ctx.clock.set({ at: now as number | undefined, offsetMs: offsetMs as number | undefined })
    return sendJson(res, 200, { now: ctx.clock.now(), offsetMs: ctx.clock.offsetMs })
  }
  if (path === 'network' && method === 'GET') return sendJson(res, 200, ctx.network)
  if (path === 'network' && method === 'POST') {
    const { online } = await jsonBody(req)
    if (typeof online !== 'boolean') return sendJson(res, 400, { errMsg: 'body must be {online: boolean}' })
    ctx.network.online = online
    return sendJson(res, 200, ctx.network)
  }
  if (path === 'outbox' && method === 'DELETE')
    return sendJson(res, 200, { deleted: ctx.openapi.clearOutbox() })
  if (path === 'subscriptions' && method === 'GET')
    return sendJson(res, 200, { subscriptions: ctx.openapi.subscriptions() })
  if (path === 'subscriptions' && method === 'POST') {
    const body = await jsonBody(req)
    const {
      openid,
      templateIds,
      templateId,
      count = 1,
    } = body as { openid?: unknown; templateIds?: unknown; templateId?: unknown; count?: unknown }
    const ids = Array.isArray(templateIds) ? templateIds : [templateId]
    if (
      typeof openid !== 'string' ||
      !openid ||
      !ids.length ||
      ids.some((t) => typeof t !== 'string' || !t)
    ) {
      return sendJson(res, 400, { errMsg: 'body must be {openid, templateId | templateIds[], count?}' })
    }
    if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > 1000) {
      return sendJson(res, 400, { errMsg: 'count must be an integer from 1 to 1000' })
    }
    const counts: Record<string, number> = {}
    for (const t of ids as string[]) counts[t] = ctx.openapi.subscribe(openid, t, count as number)
    return sendJson(res, 200, { openid, counts })
  }
  if (path === 'openapi-faults' && method === 'POST') {
    const { apiName, errcode, times = 1 } = await jsonBody(req)
    if (
      typeof apiName !== 'string' ||
      !Number.isInteger(errcode) ||
      !Number.isInteger(times) ||
      Number(times) < 1
    )
      return sendJson(res, 400, { errMsg: 'body must be {apiName, errcode: integer, times?: integer ≥ 1}' })
    ctx.openapi.failNext(apiName, errcode as number, times as number)
    return sendJson(res, 200, { ok: true })
  }
  if (path === 'phone-codes' && method === 'POST') {
    const { phone, countryCode = '86' } = (await jsonBody(req)) as { phone?: unknown; countryCode?: unknown }
    if (
      typeof phone !== 'string' ||
      !/^\d{5,15}$/.test(phone) ||
      typeof countryCode !== 'string' ||
      !/^\d{1,4}$/.test(countryCode)
    ) {
      return sendJson(res, 400, { errMsg: 'body must be {phone: digits, countryCode?: digits}' })
    }
    return sendJson(res, 200, { code: ctx.openapi.issuePhoneCode(phone, countryCode) })
  }
  const timer = /^timers\/([A-Za-z0-9_-]+)$/.exec(path)
  if (timer && method === 'POST') {
    if (!ctx.functions.has(timer[1]))
      return sendJson(res, 404, { errCode: -501000, errMsg: `function not found: ${timer[1]}` })
    const result = await ctx.timers.fire(timer[1])
    if (result.ok) return sendRawJson(res, 200, result.json)
    return sendJson(res, 500, { errCode: result.errCode, errMsg: result.errMsg })
  }
  const coll = /^db\/([A-Za-z0-9_-]+)$/.exec(path)
  if (coll && method === 'GET') {
    // EJSON text keeps dates recognisable ({"$date": …}) for whoever reads this.
    const docs: Doc[] = ctx.store.collection(coll[1]).find({})
    return sendRawJson(res, 200, `{"docs":[${docs.map(toWire).join(',')}]}`)
  }
  sendJson(res, 404, { errMsg: `no such emulator endpoint: ${method} ${url.pathname}` })
}

/** The body as a JSON object ({} when empty or not an object); text that is not JSON, or nests too deep, is a 400. */
async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const value = parseJson((await readBody(req, 1024 * 1024)).toString('utf8') || '{}')
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {}
}
