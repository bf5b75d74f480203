// The local WeChat Cloud: database, storage, openapi, cloud functions and their timers behind one HTTP server,
// spoken to by the real wx-server-sdk. See server.ts for the routes.
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { EmulatorClock } from './clock'
import { demoData } from './demo-data'
import { DatabaseQuota, type QuotaProfile } from './quota'
import { FunctionPool } from './function-pool'
import { OpenApi } from './openapi'
import { LOCAL_ENV_ID, sdkEnv } from './sdk-env'
import { createEmulatorServer } from './server'
import { signingSecret } from './signing-secret'
import { dataKey } from './data-key'
import { passKey } from './pass-key'
import { FileStorage, storageRoot } from './storage'
import { Store } from './store'
import { TimerScheduler } from './timers'

export { sdkEnv } from './sdk-env'
export type { WxIdentity } from './sdk-env'
export { Store, Collection, DbError } from './store'

export interface EmulatorOptions {
  /** 0 = a free port (default 0) */
  port?: number
  /** default 127.0.0.1 */
  host?: string
  /** folder for the database and stored files, or ':memory:' (default `.cloud-data`) */
  dataDir?: string
  /** one folder per function, each with index.js exporting main(event, context) (default dist/cloudfunctions) */
  functionsDir?: string
  /** a folder to serve at `/` (the H5 build) */
  staticDir?: string
  /** load the demo data when the database is empty */
  seed?: boolean
  /** warm instances per function (default 8) */
  instances?: number
  /** one per-invocation time limit for every function (tests); default: each function's config.json `timeout`
   * in seconds, or WeChat's 3 s when it declares none */
  timeoutMs?: number
  /** fire timer triggers on schedule (default true) */
  timers?: boolean
  /** print function output and errors (default false) */
  log?: boolean
  /** receives the functions' output instead (tests that read the logs) */
  output?: (text: string) => void
  /** extra environment for one function's instances, by function name (e.g. fault injection in tests) */
  functionEnv?: Record<string, Record<string, string>>
  /** WeChat Cloud's quotas (emulator/quota.ts), e.g. BASE_QUOTA; absent: no limits */
  quota?: QuotaProfile
}

export interface Emulator {
  url: string
  port: number
  store: Store
  openapi: OpenApi
  /** cloud storage: `paths()` lists what is stored */
  storage: FileStorage
  functions: FunctionPool
  timers: TimerScheduler
  /** the local cloud's time: move it (`clock.set`) to test what happens later */
  clock: EmulatorClock
  /** `dbRequests`: database round trips (database.* calls on /admin); `adminRequests`: every /admin call */
  counters: { dbRequests: number; adminRequests: number }
  /**
   * `online: false` cuts the phones off: the function door drops every request unanswered, as with no signal
   * (`POST /_emulator/network {"online": false}` does the same); the SDK's own door and the inspection ones stay.
   */
  network: { online: boolean }
  /** the database quota when started with one: what it refused */
  quota?: DatabaseQuota
  /** environment for running wx-server-sdk against this emulator (in tests, scripts) */
  sdkEnv: Record<string, string>
  stop(): Promise<void>
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const dataDir = opts.dataDir ?? '.cloud-data'
  const inMemory = dataDir === ':memory:'
  const fileDir = inMemory ? mkdtempSync(join(tmpdir(), 'emulator-files-')) : storageRoot(resolve(dataDir))
  const functionsDir = resolve(opts.functionsDir ?? join('dist', 'cloudfunctions'))
  const log = opts.log ?? false

  const store = new Store(inMemory ? ':memory:' : resolve(dataDir))
  if (opts.seed && store.collectionNames().length === 0) seed(store)

  let url = ''
  const counters = { dbRequests: 0, adminRequests: 0 }
  const network = { online: true }
  // The functions' signing secret (check-in codes, certificates), data key (insurance details) and offline passes'
  // key, as WeChat Cloud would set them for them.
  const baseEnv = {
    ...sdkEnv('http://127.0.0.1:0'),
    JUSHOU_SIGNING_SECRET: signingSecret(inMemory ? null : resolve(dataDir)),
    JUSHOU_DATA_KEY: dataKey(inMemory ? null : resolve(dataDir)),
    JUSHOU_PASS_KEY: passKey(inMemory ? null : resolve(dataDir)),
  }
  const clock = new EmulatorClock()
  // the quota profile as given: a test that changes it (a day of reads used up, instances taken) changes the cloud
  const quotaProfile = opts.quota
  const functions = new FunctionPool({
    functionsDir,
    // under a quota, WeChat's instance limit, and a function past it refuses rather than queues
    instances: quotaProfile ? () => quotaProfile.functionInstances : (opts.instances ?? 8),
    refuseWhenBusy: opts.quota !== undefined,
    timeoutMs: opts.timeoutMs,
    baseEnv,
    functionEnv: opts.functionEnv,
    log,
    output: opts.output,
    clock,
  })
  const storage = new FileStorage(
    fileDir,
    LOCAL_ENV_ID,
    () => url,
    () => clock.now(),
  )
  const openapi = new OpenApi(store, functions, clock)
  const timers = new TimerScheduler(functions, functionsDir, log, clock)
  const quota = opts.quota ? new DatabaseQuota(opts.quota) : undefined
  const server = createEmulatorServer({
    quota,
    store,
    storage,
    functions,
    counters,
    network,
    openapi,
    openApi: (fields) => openapi.handle(fields),
    timers,
    clock,
    staticDir: opts.staticDir ? resolve(opts.staticDir) : undefined,
    log,
  })

  const host = opts.host ?? '127.0.0.1'
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen({ port: opts.port ?? 0, host, backlog: 4096 }, () => ok())
  })
  const port = (server.address() as AddressInfo).port
  url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  // Instances started from now on talk to this server (a wildcard bind is still reachable on loopback).
  const sdkHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host
  Object.assign(baseEnv, sdkEnv(`http://${sdkHost.includes(':') ? `[${sdkHost}]` : sdkHost}:${port}`))
  if (opts.timers ?? true) timers.start()
  if (log) console.log(`[emulator] listening on ${url} (data: ${inMemory ? 'in memory' : resolve(dataDir)})`)

  let stopped: Promise<void> | undefined
  return {
    url,
    port,
    store,
    openapi,
    storage,
    functions,
    timers,
    clock,
    counters,
    network,
    quota,
    sdkEnv: { ...baseEnv },
    stop() {
      stopped ??= (async () => {
        timers.stop()
        await functions.stop()
        await new Promise<void>((ok) => {
          server.close(() => ok())
          server.closeAllConnections()
        })
        store.close()
        if (inMemory) rmSync(fileDir, { recursive: true, force: true })
      })()
      return stopped
    },
  }
}

function seed(store: Store): void {
  const data = demoData(Date.now())
  store.transaction(() => {
    for (const [name, docs] of Object.entries(data)) {
      if (docs.length) store.collection(name).insert(docs as Record<string, unknown>[])
    }
  })
}
