// Runs cloud functions like WeChat Cloud does: each function gets a pool of warm instances (child processes on
// the Node of the function's declared runtime), each instance serves one invocation at a time, invocations beyond
// the pool wait in a queue.
import { fork, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { EmulatorClock } from './clock'
import { DEFAULT_RUNTIME, nodeBinary } from './node-runtime'
import type { WxIdentity } from './sdk-env'
import { invocationEnv } from './sdk-env'

export type InvokeResult = { ok: true; json: string } | { ok: false; errCode: number; errMsg: string }

/** errCodes as wx-server-sdk reports them (TCB_ERR_CODE and the cloud function service's own). */
export const FUNCTION_ERRORS = {
  NOT_FOUND: -501000,
  EXECUTE_FAIL: -504002,
  TIMEOUT: -504003,
  /** WeChat's EXCEED_CONCURRENT_REQUEST_LIMIT: every instance the quota allows is busy */
  CONCURRENCY: -501004,
} as const

export interface FunctionConfig {
  /** WeChat Cloud's runtime name, e.g. `Nodejs18.15` (absent: DEFAULT_RUNTIME) */
  runtime?: string
  /** the time limit in seconds (absent: WeChat's default, 3 s) */
  timeout?: number
  /** MB, reported to the function in its context */
  memorySize?: number
  permissions?: { openapi?: string[] }
  triggers?: { name: string; type: string; config: string }[]
}

/** WeChat Cloud's time limit for a function whose config.json declares none. */
export const DEFAULT_TIMEOUT_S = 3

/** What the server knows about a running invocation, found again by the token its SDK sends. */
export interface Invocation {
  functionName: string
  identity: WxIdentity
  /** `api.signUp` for the api function's actions, else the function's name: what round trips are counted under */
  label: string
  /** database round trips this invocation made so far */
  dbRequests: number
}

/** Database round trips per invocation, by label: how many invocations, and the trips they made in all. */
export type RoundTrips = Map<string, { invocations: number; trips: number }>

/** The api function's action names its label; other functions are labelled by name. */
function labelOf(name: string, event: unknown): string {
  const action = (event as { action?: unknown } | null)?.action
  return typeof action === 'string' && /^[A-Za-z]{1,40}$/.test(action) ? `${name}.${action}` : name
}

export interface PoolOptions {
  functionsDir: string
  /** instances per function; read at each invocation, so a quota profile a test changes applies at once */
  instances: number | (() => number)
  /** refuse an invocation when all `instances` are busy (WeChat Cloud's quota), instead of queueing it */
  refuseWhenBusy?: boolean
  /** one time limit for every function (tests); absent: each function's config.json `timeout` */
  timeoutMs?: number
  baseEnv: Record<string, string>
  /** extra environment for the instances of one function, by function name */
  functionEnv?: Record<string, Record<string, string>>
  log: boolean
  /** receives what the instances write to stdout and stderr (tests reading the logs), instead of `log` */
  output?: (text: string) => void
  /** a moved clock reaches each invocation as JUSHOU_CLOCK_OFFSET_MS */
  clock?: EmulatorClock
}

interface Pending {
  event: unknown
  identity: WxIdentity
  timer: boolean
  resolve: (r: InvokeResult) => void
}

type InstanceMessage =
  | { id: number; started: true }
  | { id: number; ok: true; json: string }
  | { id: number; ok: false; message?: string; stack?: string }
  | { id: number | null; fatal: true; message?: string; stack?: string }

interface Instance {
  child: ChildProcess
  busy: boolean
  exited: Promise<void>
}

const INSTANCE_FILE = join(__dirname, 'function-instance.cjs')

export class FunctionPool {
  private readonly pools = new Map<string, { instances: Set<Instance>; idle: Instance[]; queue: Pending[] }>()
  private readonly invocations = new Map<string, Invocation>()
  /** the database round trips of every finished invocation, by label (see RoundTrips) */
  readonly roundTrips: RoundTrips = new Map()
  private nextId = 1
  private stopped = false

  constructor(private readonly opts: PoolOptions) {}

  has(name: string): boolean {
    return /^[A-Za-z0-9_-]{1,60}$/.test(name) && existsSync(this.file(name))
  }

  config(name: string): FunctionConfig {
    const path = join(this.opts.functionsDir, name, 'config.json')
    if (!/^[A-Za-z0-9_-]{1,60}$/.test(name) || !existsSync(path)) return {}
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as FunctionConfig
    } catch {
      return {}
    }
  }

  /** The invocation behind an SDK request's `wxCloudApiToken`, if it is still running. */
  invocationFor(token: string | undefined): Invocation | undefined {
    return token ? this.invocations.get(token) : undefined
  }

  invoke(name: string, event: unknown, identity: WxIdentity, timer = false): Promise<InvokeResult> {
    if (this.stopped || !this.has(name)) {
      return Promise.resolve({
        ok: false,
        errCode: FUNCTION_ERRORS.NOT_FOUND,
        errMsg: `function not found: ${name}`,
      })
    }
    const pool = this.pool(name)
    const limit = this.instanceLimit()
    if (this.opts.refuseWhenBusy && pool.instances.size - pool.idle.length + pool.queue.length >= limit)
      return Promise.resolve({
        ok: false,
        errCode: FUNCTION_ERRORS.CONCURRENCY,
        errMsg: `exceed concurrent request limit: ${limit} instances of ${name} are busy`,
      })
    return new Promise((resolve) => {
      pool.queue.push({ event, identity, timer, resolve })
      this.dispatch(name)
    })
  }

  async stop(): Promise<void> {
    this.stopped = true
    const all = [...this.pools.values()]
    this.pools.clear()
    for (const pool of all) {
      for (const p of pool.queue)
        p.resolve({ ok: false, errCode: FUNCTION_ERRORS.EXECUTE_FAIL, errMsg: 'emulator stopped' })
      pool.queue.length = 0
    }
    await Promise.all(all.flatMap((pool) => [...pool.instances].map((i) => kill(i))))
  }

  /** Ends the idle instances of `name` (all functions without one): the next invocation starts cold. */
  async retire(name?: string): Promise<void> {
    const pools = name ? [this.pools.get(name)] : [...this.pools.values()]
    const idle = pools.flatMap((pool) => {
      if (!pool) return []
      const instances = pool.idle.splice(0)
      for (const instance of instances) pool.instances.delete(instance)
      return instances
    })
    await Promise.all(idle.map((instance) => kill(instance)))
  }

  /** The time limit of one invocation of `name`, in ms. */
  timeoutMs(name: string): number {
    return this.opts.timeoutMs ?? (this.config(name).timeout ?? DEFAULT_TIMEOUT_S) * 1000
  }

  private file(name: string): string {
    return join(this.opts.functionsDir, name, 'index.js')
  }

  private pool(name: string) {
    let pool = this.pools.get(name)
    if (!pool) {
      pool = { instances: new Set(), idle: [], queue: [] }
      this.pools.set(name, pool)
    }
    return pool
  }

  private instanceLimit(): number {
    const { instances } = this.opts
    return typeof instances === 'function' ? instances() : instances
  }

  private dispatch(name: string): void {
    const pool = this.pools.get(name)
    if (!pool) return
    while (pool.queue.length) {
      let instance = pool.idle.pop()
      if (!instance) {
        if (pool.instances.size >= this.instanceLimit()) return // all busy: the queue waits
        try {
          instance = this.spawn(name)
        } catch (err) {
          // e.g. no binary for the declared runtime: every waiting invocation fails with the reason
          const errMsg = executeFail(err instanceof Error ? err.message : String(err))
          for (const p of pool.queue.splice(0))
            p.resolve({ ok: false, errCode: FUNCTION_ERRORS.EXECUTE_FAIL, errMsg })
          return
        }
        pool.instances.add(instance)
      }
      this.run(name, instance, pool.queue.shift() as Pending)
    }
  }

  private spawn(name: string): Instance {
    // The host's environment (PATH, TZ …) as a worker had it, but not its NODE_OPTIONS (loaders, newer flags).
    const hostEnv = { ...process.env }
    delete hostEnv.NODE_OPTIONS
    const child = fork(INSTANCE_FILE, [this.file(name)], {
      // The exact Node of the function's runtime, as in the cloud (node-runtime.ts).
      execPath: nodeBinary(this.config(name).runtime ?? DEFAULT_RUNTIME),
      // Functions are plain built JS: keep loaders the emulator itself may run under (tsx) out of instances.
      execArgv: [],
      env: { ...hostEnv, ...this.opts.baseEnv, ...this.opts.functionEnv?.[name] },
      stdio: this.opts.output
        ? ['ignore', 'pipe', 'pipe', 'ipc']
        : this.opts.log
          ? ['ignore', 'inherit', 'inherit', 'ipc']
          : ['ignore', 'ignore', 'ignore', 'ipc'],
    })
    const output = this.opts.output
    if (output) {
      for (const stream of [child.stdout, child.stderr]) {
        stream?.setEncoding('utf8')
        stream?.on('data', (text: string) => output(text))
      }
    }
    const exited = new Promise<void>((resolve) => {
      child.once('exit', () => resolve())
      child.once('error', () => child.pid === undefined && resolve()) // never started: no exit will come
    })
    const instance: Instance = { child, busy: false, exited }
    // An instance that dies while idle is dropped; the next invocation gets a fresh one. (While busy, run() reports.)
    child.on('error', () => undefined)
    child.once('exit', () => {
      if (instance.busy) return
      const pool = this.pools.get(name)
      pool?.instances.delete(instance)
      const idle = pool?.idle.indexOf(instance) ?? -1
      if (idle >= 0) pool?.idle.splice(idle, 1)
    })
    // An idle instance does not keep the emulator's process alive (run() holds it while an invocation runs).
    child.unref()
    child.channel?.unref()
    return instance
  }

  private run(name: string, instance: Instance, job: Pending): void {
    const pool = this.pool(name)
    const id = this.nextId++
    const token = randomBytes(12).toString('hex')
    const config = this.config(name)
    const timeoutMs = this.opts.timeoutMs ?? (config.timeout ?? DEFAULT_TIMEOUT_S) * 1000
    const { child } = instance
    const invocation: Invocation = {
      functionName: name,
      identity: job.identity,
      label: labelOf(name, job.event),
      dbRequests: 0,
    }
    this.invocations.set(token, invocation)
    instance.busy = true
    child.channel?.ref()
    let settled = false
    let timeout: NodeJS.Timeout | undefined

    const finish = (result: InvokeResult, keepInstance: boolean): void => {
      if (settled) return
      settled = true
      clearTimeout(timeout)
      child.off('message', onMessage)
      child.off('error', onError)
      child.off('exit', onExit)
      child.channel?.unref()
      this.invocations.delete(token)
      const tally = this.roundTrips.get(invocation.label) ?? { invocations: 0, trips: 0 }
      tally.invocations++
      tally.trips += invocation.dbRequests
      this.roundTrips.set(invocation.label, tally)
      instance.busy = false
      if (keepInstance && !this.stopped && child.connected) {
        pool.idle.push(instance)
      } else {
        pool.instances.delete(instance)
        const idle = pool.idle.indexOf(instance)
        if (idle >= 0) pool.idle.splice(idle, 1)
        void kill(instance)
      }
      job.resolve(result)
      this.dispatch(name)
    }
    const onMessage = (msg: InstanceMessage): void => {
      if ('fatal' in msg) {
        const errMsg = executeFail(msg.message, msg.stack)
        finish({ ok: false, errCode: FUNCTION_ERRORS.EXECUTE_FAIL, errMsg }, false)
      } else if (msg.id !== id) return
      else if ('started' in msg) timeout = setTimeout(onTimeout, timeoutMs)
      else if (msg.ok) finish({ ok: true, json: msg.json }, true)
      else
        finish(
          { ok: false, errCode: FUNCTION_ERRORS.EXECUTE_FAIL, errMsg: executeFail(msg.message, msg.stack) },
          true,
        )
    }
    const onError = (err: Error): void =>
      finish(
        { ok: false, errCode: FUNCTION_ERRORS.EXECUTE_FAIL, errMsg: executeFail(err.message, err.stack) },
        false,
      )
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void =>
      finish(
        {
          ok: false,
          errCode: FUNCTION_ERRORS.EXECUTE_FAIL,
          errMsg: `instance exited with ${signal ? `signal ${signal}` : `code ${code}`}`,
        },
        false,
      )
    // A timed-out instance is killed, as on WeChat: whatever it was doing must not go on.
    const onTimeout = (): void => {
      const errMsg = `Invoking task timed out after ${timeoutMs / 1000} seconds`
      finish({ ok: false, errCode: FUNCTION_ERRORS.TIMEOUT, errMsg }, false)
    }

    child.on('message', onMessage)
    child.on('error', onError)
    child.on('exit', onExit)
    if (child.exitCode !== null || child.signalCode !== null || !child.connected) {
      onExit(child.exitCode, child.signalCode) // died while idle (or never started): replaced
      return
    }
    child.send({
      id,
      event: job.event,
      env: {
        ...invocationEnv(job.identity, token, job.timer),
        JUSHOU_CLOCK_OFFSET_MS: this.opts.clock?.offsetMs ? String(this.opts.clock.offsetMs) : null,
      },
      context: {
        request_id: token,
        function_name: name,
        function_version: '$LATEST',
        namespace: this.opts.baseEnv.SCF_NAMESPACE,
        memory_limit_in_mb: config.memorySize ?? 256,
        time_limit_in_ms: timeoutMs,
      },
    })
  }
}

/** Ends an instance at once (SIGKILL, as a timed-out WeChat instance is) and waits until it is gone. */
function kill(instance: Instance): Promise<void> {
  const { child } = instance
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  return instance.exited
}

function executeFail(message = 'unknown error', stack?: string): string {
  return `Function execution failed: ${stack ?? message}`.slice(0, 4000)
}
