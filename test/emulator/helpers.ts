// Shared set-up for the emulator tests: an in-memory emulator over the fixture functions, and the real
// wx-server-sdk in this process pointed at it.
import { join } from 'node:path'
import * as cloud from 'wx-server-sdk'
import type { Emulator, EmulatorOptions } from '@emulator/index'
import { startEmulator } from '@emulator/index'

export const FIXTURE_FUNCTIONS = join(__dirname, 'fixtures', 'functions')

let initialised = false

export async function startTestEmulator(
  opts: EmulatorOptions = {},
): Promise<{ emu: Emulator; sdk: typeof cloud }> {
  const emu = await startEmulator({
    dataDir: ':memory:',
    functionsDir: FIXTURE_FUNCTIONS,
    timers: false,
    ...opts,
  })
  Object.assign(process.env, emu.sdkEnv) // the SDK reads its endpoint from the environment on every call
  if (!initialised) {
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
    initialised = true
  }
  return { emu, sdk: cloud }
}

/** POSTs to the H5 door as `openid` (undefined = anonymous). */
export async function callDoor(
  emu: Emulator,
  name: string,
  event: unknown,
  openid?: string,
): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (openid !== undefined) headers['x-wx-openid'] = openid
  const res = await fetch(`${emu.url}/functions/${name}`, {
    method: 'POST',
    headers,
    body: typeof event === 'string' ? event : JSON.stringify(event),
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : undefined }
}

/** The error a rejected SDK call carries. */
export async function sdkError(promise: Promise<unknown>): Promise<{ errCode: number; errMsg: string }> {
  try {
    await promise
  } catch (e) {
    return e as { errCode: number; errMsg: string }
  }
  throw new Error('expected the SDK call to fail')
}

// wx-server-sdk's typings describe the callback style too (results typed `void | string | …`); the tests use the
// promise style only, so they see the database through these promise-only shapes.
export type Doc = Record<string, unknown>
export interface TestQuery {
  where(query: object): TestQuery
  orderBy(field: string, order: 'asc' | 'desc'): TestQuery
  skip(n: number): TestQuery
  limit(n: number): TestQuery
  field(projection: object): TestQuery
  get(): Promise<{ data: Doc[] }>
  count(): Promise<{ total: number }>
  update(opts: { data: object }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}
export interface TestDocument {
  field(projection: object): TestDocument
  get(): Promise<{ data: Doc }>
  set(opts: { data: object }): Promise<{ _id: string; stats: { updated: number; created: number } }>
  update(opts: { data: object }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}
export interface TestAggregate {
  match(q: object): TestAggregate
  group(g: object): TestAggregate
  sort(s: object): TestAggregate
  limit(n: number): TestAggregate
  skip(n: number): TestAggregate
  project(p: object): TestAggregate
  count(field: string): TestAggregate
  unwind(path: string): TestAggregate
  lookup(l: object): TestAggregate
  addFields(f: object): TestAggregate
  end(): Promise<{ list: Doc[] }>
}
export interface TestCollection extends TestQuery {
  doc(id: string): TestDocument
  add(opts: { data: object | object[] }): Promise<{ _id: string; _ids?: string[] }>
  aggregate(): TestAggregate
}
export interface TestDb {
  collection(name: string): TestCollection
  command: ReturnType<typeof cloud.database>['command']
  serverDate(): object
  RegExp(opts: { regexp: string; options: string }): object
}

export function testDb(sdk: typeof cloud): TestDb {
  return sdk.database() as unknown as TestDb
}
