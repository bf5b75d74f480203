// Shared by the benchmarks: the built `api` function (plus a trivial `ping` for the door's own cost) in a local
// WeChat Cloud on a real SQLite file, and the figures they print.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { tmpdir } from 'node:os'
import { Agent, request } from 'node:http'
import { buildFunction } from '@functions/build'
import { startEmulator, type Emulator, type EmulatorOptions } from '@emulator/index'
import type { Call, Ngo } from '@core/model'

const ROOT = resolve(__dirname, '..', '..')

export interface BenchCloud {
  emu: Emulator
  stop(): Promise<void>
}

/**
 * The local cloud with the `api` function (and the functions `also` names, e.g. `remind`) built from source;
 * `copies` deploys a built function once more under another name (`{ page: 'api' }`: the same code with instances
 * of its own, as a second function in the environment would have).
 */
export async function startBenchCloud(
  options: Partial<EmulatorOptions> = {},
  also: string[] = [],
  copies: Record<string, string> = {},
): Promise<BenchCloud> {
  // Inside the repository so the bundle's require('wx-server-sdk') resolves from node_modules, as in dist/.
  mkdirSync(join(ROOT, 'dist'), { recursive: true })
  const functionsDir = mkdtempSync(join(ROOT, 'dist', 'bench-functions-'))
  for (const name of ['api', ...also]) await buildFunction(name, functionsDir)
  for (const [name, from] of Object.entries(copies))
    cpSync(join(functionsDir, from), join(functionsDir, name), { recursive: true })
  mkdirSync(join(functionsDir, 'ping'))
  writeFileSync(
    join(functionsDir, 'ping', 'index.js'),
    'exports.main = async () => ({ ok: true, data: "pong" })\n',
  )
  const dataDir = mkdtempSync(join(tmpdir(), 'jushou-bench-'))
  const emu = await startEmulator({ port: 0, dataDir, functionsDir, timers: false, ...options })
  return {
    emu,
    async stop() {
      agent.destroy()
      await emu.stop()
      rmSync(functionsDir, { recursive: true, force: true })
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

// Many phones, but one client machine: reuse up to 256 keep-alive connections instead of opening 2,000 at once
// (a burst of fresh connections measures the kernel's accept queue, not the cloud).
const agent = new Agent({ keepAlive: true, maxSockets: 256 })

export interface DoorReply {
  status: number
  body: { ok?: boolean; code?: string; data?: unknown }
  ms: number
}

/** POSTs an event to a function through the H5 door; returns the parsed reply and the latency in ms. */
export function callDoor(emu: Emulator, fn: string, event: object, openid?: string): Promise<DoorReply> {
  const payload = JSON.stringify(event)
  const headers: Record<string, string | number> = {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
  }
  if (openid) headers['x-wx-openid'] = openid
  const started = performance.now()
  return new Promise((resolveReply, reject) => {
    const req = request(`${emu.url}/functions/${fn}`, { method: 'POST', headers, agent }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
          resolveReply({ status: res.statusCode ?? 0, body, ms: performance.now() - started })
        } catch (err) {
          reject(err)
        }
      })
    })
    req.on('error', reject)
    req.end(payload)
  })
}

/** The storage's CDN is another host than the functions': its connections are not the functions' to wait for. */
const cdnAgent = new Agent({ keepAlive: true, maxSockets: 256 })

/** GETs a public file from the local cloud's storage (as a phone asks the storage's CDN); null when there is none. */
export function fetchStorageFile(emu: Emulator, cloudPath: string): Promise<unknown> {
  return new Promise((resolveFile, reject) => {
    const req = request(`${emu.url}/_storage/${cloudPath}`, { method: 'GET', agent: cdnAgent }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        if (res.statusCode !== 200) return resolveFile(null)
        try {
          resolveFile(JSON.parse(Buffer.concat(chunks).toString('utf8')))
        } catch {
          resolveFile(null)
        }
      })
    })
    req.on('error', reject)
    req.end()
  })
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

export function latencySummary(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b)
  return `p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms`
}

export function openid(i: number): string {
  // 28 characters, like a real openid
  return `oBENCH${String(i).padStart(22, '0')}`
}

const DAY = 86_400_000

/**
 * A verified NGO (stored once, with `admins` as its organizers) and an open call ten days ahead, stored in the
 * cloud; `call` overrides the call's fields.
 */
export function insertBenchCall(emu: Emulator, call: Partial<Call> = {}, admins: string[] = []): Call {
  const now = Date.now()
  const ngo: Ngo = {
    _id: 'bench-ngo',
    name: '压测公益',
    city: '北京',
    causes: ['环保'],
    intro: '',
    logo: '',
    contact: '',
    status: 'verified',
    admins: [],
    createdAt: now,
  }
  const stored: Call = {
    _id: 'bench-call',
    ngoId: ngo._id,
    title: '压测植树活动',
    description: '',
    cover: '',
    tags: ['环保'],
    city: '北京',
    address: '北京',
    startAt: now + 10 * DAY,
    endAt: now + 10 * DAY + 3_600_000,
    signupDeadline: now + 9 * DAY,
    capacity: 50,
    waitlist: false,
    questions: [],
    status: 'open',
    confirmed: 0,
    waitlisted: 0,
    ngo: { name: ngo.name, city: ngo.city, logo: '', intro: '', verified: true },
    createdAt: now,
    updatedAt: now,
    ...call,
  }
  if (!emu.store.collection('ngos').get(ngo._id))
    emu.store.collection('ngos').insert([{ ...ngo, admins } as unknown as Record<string, unknown>])
  emu.store.collection('calls').insert([stored as unknown as Record<string, unknown>])
  return stored
}
