// Runs cloud functions like WeChat Cloud does: each function gets a pool of warm instances (worker threads),
// each instance serves one invocation at a time, invocations beyond the pool wait in a queue.
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { EmulatorClock } from './clock'
import type { WxIdentity } from './sdk-env'
import { invocationEnv } from './sdk-env'

export type InvokeResult = { ok: true; json: string } | { ok: false; errCode: number; errMsg: string }

/** errCodes as wx-server-sdk reports them (TCB_ERR_CODE and the cloud function service's own). */
export const FUNCTION_ERRORS = {
  NOT_FOUND: -501000,
  EXECUTE_FAIL: -504002,
  TIMEOUT: -504003,
} as const

export interface FunctionConfig {
  permissions?: { openapi?: string[] }
  triggers?: { name: string; type: string; config: string }[]
}

/** What the server knows about a running invocation, found again by the token its SDK sends. */
export interface Invocation {
  functionName: string
  identity: WxIdentity
}

export interface PoolOptions {
  functionsDir: string
  instances: number
  timeoutMs: number
  baseEnv: Record<string, string>
  /** extra environment for the instances of one function, by function name */
  functionEnv?: Record<string, Record<string, string>>
  log: boolean
  /** a moved clock reaches each invocation as JUSHOU_CLOCK_OFFSET_MS */
  clock?: EmulatorClock
}

interface Pending {
  event: unknown
  identity: WxIdentity
  timer: boolean
  resolve: (r: InvokeResult) => void
}

type WorkerMessage =
  | { id: number; started: true }
  | { id: number; ok: true; json: string }
  | { id: number; ok: false; message?: string; stack?: string }

interface Instance {
  worker: Worker
  busy: boolean
}

const WORKER_FILE = join(__dirname, 'function-instance.cjs')

export class FunctionPool {
  private readonly pools = new Map<string, { instances: Set<Instance>; idle: Instance[]; queue: Pending[] }>()
  private readonly invocations = new Map<string, Invocation>()
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
    return new Promise((resolve) => {
      const pool = this.pool(name)
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
    await Promise.all(all.flatMap((pool) => [...pool.instances].map((i) => i.worker.terminate())))
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

  private dispatch(name: string): void {
    const pool = this.pools.get(name)
    if (!pool) return
    while (pool.queue.length) {
      let instance = pool.idle.pop()
      if (!instance) {
        if (pool.instances.size >= this.opts.instances) return // all busy: the queue waits
        instance = this.spawn(name)
        pool.instances.add(instance)
      }
      this.run(name, instance, pool.queue.shift() as Pending)
    }
  }

  private spawn(name: string): Instance {
    const worker = new Worker(WORKER_FILE, {
      workerData: { file: this.file(name), env: { ...this.opts.baseEnv, ...this.opts.functionEnv?.[name] } },
      // Functions are plain built JS: keep loaders the emulator itself may run under (tsx) out of instances.
      execArgv: [],
      stdout: !this.opts.log,
      stderr: !this.opts.log,
    })
    if (!this.opts.log) {
      worker.stdout.resume()
      worker.stderr.resume()
    }
    worker.unref()
    return { worker, busy: false }
  }

  private run(name: string, instance: Instance, job: Pending): void {
    const pool = this.pool(name)
    const id = this.nextId++
    const token = randomBytes(12).toString('hex')
    this.invocations.set(token, { functionName: name, identity: job.identity })
    instance.busy = true
    let settled = false
    let timeout: NodeJS.Timeout | undefined

    const finish = (result: InvokeResult, keepInstance: boolean): void => {
      if (settled) return
      settled = true
      clearTimeout(timeout)
      instance.worker.off('message', onMessage)
      instance.worker.off('error', onError)
      instance.worker.off('exit', onExit)
      this.invocations.delete(token)
      instance.busy = false
      if (keepInstance && !this.stopped) {
        pool.idle.push(instance)
      } else {
        pool.instances.delete(instance)
        void instance.worker.terminate()
      }
      job.resolve(result)
      this.dispatch(name)
    }
    const onMessage = (msg: WorkerMessage): void => {
      if (msg.id !== id) return
      if ('started' in msg) timeout = setTimeout(onTimeout, this.opts.timeoutMs)
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
    const onExit = (code: number): void =>
      finish(
        { ok: false, errCode: FUNCTION_ERRORS.EXECUTE_FAIL, errMsg: `instance exited with code ${code}` },
        false,
      )
    // A timed-out instance is killed, as on WeChat: whatever it was doing must not go on.
    const onTimeout = (): void => {
      const errMsg = `Invoking task timed out after ${this.opts.timeoutMs / 1000} seconds`
      finish({ ok: false, errCode: FUNCTION_ERRORS.TIMEOUT, errMsg }, false)
    }

    instance.worker.on('message', onMessage)
    instance.worker.on('error', onError)
    instance.worker.on('exit', onExit)
    instance.worker.postMessage({
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
        memory_limit_in_mb: 256,
        time_limit_in_ms: this.opts.timeoutMs,
      },
    })
  }
}

function executeFail(message = 'unknown error', stack?: string): string {
  return `Function execution failed: ${stack ?? message}`.slice(0, 4000)
}
