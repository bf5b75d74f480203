// The `/admin` endpoint: every call @cloudbase/node-sdk makes arrives here as a POST with an `action`.
// Replies are `{requestId, data}` on success and `{requestId, code, message}` on failure, which the SDK turns
// into errors with wx-server-sdk's errCode for `code` (e.g. DATABASE_REQUEST_FAILED → -502001).
import { randomBytes } from 'node:crypto'
import type { EmulatorClock } from './clock'
import type { WireRequest } from './database-actions'
import { databaseActions } from './database-actions'
import type { FunctionPool } from './function-pool'
import { parseJson } from './http-util'
import type { FileStorage } from './storage'
import { StorageError } from './storage'
import type { Store } from './store'
import { DbError } from './store'
import { type DatabaseQuota, documentOf } from './quota'

export interface AdminContext {
  store: Store
  storage: FileStorage
  functions: FunctionPool
  counters: { dbRequests: number; adminRequests: number }
  /** the local cloud's time (db.serverDate()), which tests may move */
  clock: EmulatorClock
  /** WeChat Cloud's database quota, when the local cloud runs with a quota profile */
  quota?: DatabaseQuota
  /** wx.openApi: the reply is a protobuf message (binary), not JSON */
  openApi: (fields: Record<string, unknown>) => Promise<Buffer>
}

export type AdminReply = { kind: 'json'; body: Record<string, unknown> } | { kind: 'binary'; body: Buffer }

export async function handleAdmin(ctx: AdminContext, params: Record<string, unknown>): Promise<AdminReply> {
  const requestId = randomBytes(8).toString('hex')
  const action = String(params.action ?? '')
  ctx.counters.adminRequests++
  const ok = (data: Record<string, unknown>): AdminReply => ({ kind: 'json', body: { requestId, data } })
  const fail = (code: string, message: string): AdminReply => ({
    kind: 'json',
    body: { requestId, code, message },
  })
  try {
    if (action.startsWith('database.')) {
      const handler = databaseActions[action]
      if (!handler)
        return fail('DATABASE_INVALID_OPERRATOR', `${action} is not supported by the local emulator`)
      const refusal = ctx.quota?.admit(action, ctx.clock.now())
      if (refusal) return fail(refusal.code, refusal.message)
      ctx.counters.dbRequests++
      const invocation = ctx.functions.invocationFor(params.wxCloudApiToken as string | undefined)
      if (invocation) invocation.dbRequests++
      if (!ctx.quota) return ok(handler(ctx.store, params as unknown as WireRequest, ctx.clock.now()))
      try {
        // The handler is synchronous on purpose: nothing else runs between reading and writing, so each is atomic.
        const request = params as unknown as WireRequest
        return ok(
          await ctx.quota.perform(action, documentOf(request), () =>
            handler(ctx.store, request, ctx.clock.now()),
          ),
        )
      } finally {
        ctx.quota.leave()
      }
    }
    switch (action) {
      case 'storage.getUploadMetadata':
        return ok(ctx.storage.uploadMetadata(params.path))
      case 'storage.batchGetDownloadUrl':
        return ok({ download_list: ctx.storage.tempUrls(params.file_list) })
      case 'storage.batchDeleteFile':
        return ok({ delete_list: ctx.storage.delete(params.fileid_list) })
      case 'functions.invokeFunction':
        return await invokeFunction(ctx, params, ok, fail)
      case 'wx.openApi':
        return { kind: 'binary', body: await ctx.openApi(params) }
      default:
        return fail('INVALID_PARAM', `action ${action || '(none)'} is not supported by the local emulator`)
    }
  } catch (e) {
    if (e instanceof DbError) return fail(e.code, e.message)
    if (e instanceof StorageError) return fail('INVALID_PARAM', e.message)
    return fail('SYS_ERR', (e as Error).message)
  }
}

/** cloud.callFunction from inside a function: the callee runs as the same user as the caller. */
async function invokeFunction(
  ctx: AdminContext,
  params: Record<string, unknown>,
  ok: (data: Record<string, unknown>) => AdminReply,
  fail: (code: string, message: string) => AdminReply,
): Promise<AdminReply> {
  const name = String(params.function_name ?? '')
  if (!ctx.functions.has(name)) return fail('FUNCTIONS_REQUEST_FAIL', `FunctionName ${name} not found`)
  let event: unknown = {}
  try {
    if (typeof params.request_data === 'string' && params.request_data) event = parseJson(params.request_data)
  } catch {
    return fail('INVALID_PARAM', 'request_data is not JSON (or nests too deep)')
  }
  const caller = ctx.functions.invocationFor(params.wxCloudApiToken as string | undefined)
  const result = await ctx.functions.invoke(name, event, { ...caller?.identity, source: 'wx_function' })
  if (!result.ok) return fail('FUNCTIONS_EXECUTE_FAIL', result.errMsg)
  return ok({ response_data: result.json })
}
