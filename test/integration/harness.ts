// The functions as they ship (`api`, and the `remind` timer): bundled by cloudfunctions/build.ts, run by the local
// WeChat Cloud with the real wx-server-sdk, called over HTTP through the H5 door (the timer as its trigger fires
// it). Each test file starts one harness and resets between tests.
import { toNgoOnCall } from '@core/calls/views'
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { buildFunction } from '@functions/build'
import { startEmulator, type Emulator } from '@emulator/index'
import type { QuotaProfile } from '@emulator/quota'
import type { Action } from '@core/contract'
import type { ApiResult } from '@core/shared/errors'
import type { Call, Message, Ngo, SignUp } from '@core/model'

const ROOT = resolve(__dirname, '..', '..')

export interface ApiHarness {
  emu: Emulator
  /** POSTs `{action, ...body}` to the api function as `openid` (undefined = anonymous). */
  api<T = unknown>(action: Action | string, body?: object, openid?: string): Promise<ApiResult<T>>
  /** Like `api` for a call expected to succeed: its data, or a failed assertion with the error. */
  apiOk<T = unknown>(action: Action | string, body?: object, openid?: string): Promise<T>
  /** fires the `remind` function's timer trigger; its result (throws if the invocation failed) */
  remind<T = unknown>(): Promise<ApiResult<T>>
  insert(docs: { ngos?: Ngo[]; calls?: Call[]; signups?: SignUp[] }): void
  call(id: string): Call | undefined
  signUp(id: string): SignUp | undefined
  signUpsOf(callId: string): SignUp[]
  messages(filter?: Partial<Message>): Message[]
  /** every document of every collection, for "nothing changed" checks */
  snapshot(): string
  reset(): void
  stop(): Promise<void>
}

export interface ApiOptions {
  seed?: boolean
  /** extra environment for a function's instances, e.g. `{ api: { JUSHOU_CRASH_AT: 'seat-taken' } }` */
  functionEnv?: Record<string, Record<string, string>>
  /** warm instances per function (the emulator's default when absent) */
  instances?: number
  /** WeChat Cloud's quotas in the local cloud (emulator/quota.ts) */
  quota?: QuotaProfile
  /** receives the functions' stdout and stderr (tests that read the logs) */
  output?: (text: string) => void
}

export async function startApi(opts: ApiOptions = {}): Promise<ApiHarness> {
  // A private folder (builds of dist/ may come and go meanwhile) that still finds the project's wx-server-sdk.
  const functionsDir = mkdtempSync(join(tmpdir(), 'jushou-functions-'))
  symlinkSync(join(ROOT, 'node_modules'), join(functionsDir, 'node_modules'), 'dir')
  await buildFunction('api', functionsDir)
  await buildFunction('remind', functionsDir)
  const emu = await startEmulator({
    port: 0,
    dataDir: ':memory:',
    functionsDir,
    seed: opts.seed,
    timers: false,
    functionEnv: opts.functionEnv,
    instances: opts.instances,
    quota: opts.quota,
    output: opts.output,
  })
  const coll = (name: string) => emu.store.collection(name)

  async function api<T>(action: string, body: object = {}, openid?: string): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (openid !== undefined) headers['x-wx-openid'] = openid
    const res = await fetch(`${emu.url}/functions/api`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ action, ...body }),
    })
    if (res.status !== 200) throw new Error(`the door answered ${res.status}: ${await res.text()}`)
    return (await res.json()) as ApiResult<T>
  }

  return {
    emu,
    api,
    async apiOk<T>(action: string, body?: object, openid?: string): Promise<T> {
      const result = await api<T>(action, body, openid)
      if (!result.ok) throw new Error(`${action} failed: ${JSON.stringify(result)}`)
      return result.data
    },
    async remind<T>(): Promise<ApiResult<T>> {
      const result = await emu.timers.fire('remind')
      if (!result.ok) throw new Error(`remind failed: ${result.errMsg}`)
      return JSON.parse(result.json) as ApiResult<T>
    },
    insert(docs) {
      // calls as saveCall writes them: with their NGO as they show it (a test of older calls leaves `ngo` out
      // by inserting through the store)
      const ngoOf = (id: string) =>
        docs.ngos?.find((ngo) => ngo._id === id) ?? (coll('ngos').get(id) as Ngo | undefined)
      const calls = docs.calls?.map((call) => {
        const ngo = ngoOf(call.ngoId)
        return call.ngo || !ngo ? call : { ...call, ngo: toNgoOnCall(ngo) }
      })
      for (const [name, list] of Object.entries({ ...docs, ...(calls ? { calls } : {}) })) {
        if (list.length) coll(name).insert(list as unknown as Record<string, unknown>[])
      }
    },
    call: (id) => coll('calls').get(id) as Call | undefined,
    signUp: (id) => coll('signups').get(id) as SignUp | undefined,
    signUpsOf: (callId) => coll('signups').find({ callId }) as unknown as SignUp[],
    messages: (filter = {}) => coll('messages').find(filter) as unknown as Message[],
    snapshot: () =>
      JSON.stringify(
        emu.store
          .collectionNames()
          .sort()
          .map((name) => [name, coll(name).all()]),
      ),
    reset() {
      for (const name of emu.store.collectionNames()) coll(name).remove({}, true)
    },
    async stop() {
      await emu.stop()
      rmSync(functionsDir, { recursive: true, force: true })
    },
  }
}
