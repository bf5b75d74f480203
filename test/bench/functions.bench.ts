// Each cloud function on the Node of its declared runtime (Nodejs18.15 → v18.15.0), through the local cloud's
// pool: cold start (the first invocation on a new instance: process start, code load, the call) and warm calls
// (p50/p99 on a warm instance). api: listCalls; remind: its timer; poster: a call's poster (cold renders; warm =
// a re-render after the call changed, and a cache hit).
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { buildFunction, sourceConfig } from '../../cloudfunctions/build'
import { startEmulator, type Emulator } from '../../emulator'
import { nodeBinary } from '../../emulator/node-runtime'
import { PERSONAS } from '../../src/core/demo-personas'
import { latencySummary } from './harness'

const ROOT = resolve(__dirname, '..', '..')
const COLD = 5
const WARM = 40

async function invoke(emu: Emulator, name: string, event: object, timer = false): Promise<number> {
  const started = performance.now()
  const result = await emu.functions.invoke(name, event, { openid: PERSONAS[0].openid }, timer)
  const ms = performance.now() - started
  if (!result.ok) throw new Error(`${name}: ${result.errMsg}`)
  const reply = JSON.parse(result.json) as { ok?: boolean }
  if (reply && reply.ok === false) throw new Error(`${name}: ${result.json}`)
  return ms
}

async function bench(
  emu: Emulator,
  name: string,
  call: () => Promise<number>,
  warmCall = call,
): Promise<void> {
  const cold: number[] = []
  for (let i = 0; i < COLD; i++) {
    await emu.functions.retire(name)
    cold.push(await call())
  }
  const warm: number[] = []
  for (let i = 0; i < WARM; i++) warm.push(await warmCall())
  const runtime = sourceConfig(name).runtime
  console.log(
    `${name.padEnd(7)} on ${runtime}: cold start ${latencySummary(cold)} (n=${COLD}); warm ${latencySummary(warm)} (n=${WARM})`,
  )
}

async function main(): Promise<void> {
  const functionsDir = mkdtempSync(join(tmpdir(), 'jushou-functions-bench-'))
  symlinkSync(join(ROOT, 'node_modules'), join(functionsDir, 'node_modules'), 'dir')
  for (const name of ['api', 'remind', 'poster']) await buildFunction(name, functionsDir)
  const emu = await startEmulator({
    dataDir: ':memory:',
    functionsDir,
    seed: true,
    timers: false,
    instances: 1,
  })
  const node = process.env.JUSHOU_FUNCTIONS_NODE
    ? `JUSHOU_FUNCTIONS_NODE=${process.env.JUSHOU_FUNCTIONS_NODE}`
    : nodeBinary('Nodejs18.15')
  console.log(`functions run on ${node}; the emulator on Node ${process.version}`)
  try {
    await bench(emu, 'api', () => invoke(emu, 'api', { action: 'listCalls' }))
    await bench(emu, 'remind', () =>
      invoke(emu, 'remind', { Type: 'Timer', TriggerName: 'remindTimer' }, true),
    )
    let confirmed = 0
    const changed = (): Promise<number> => {
      // another seat taken: the poster's "还剩 N 个名额" changes, so it renders again
      emu.store
        .collection('calls')
        .update({ _id: 'mq-trees' }, { $set: { confirmed: ++confirmed % 10 } }, false)
      return invoke(emu, 'poster', { callId: 'mq-trees' })
    }
    await bench(emu, 'poster', changed)
    const hits: number[] = []
    for (let i = 0; i < WARM; i++) hits.push(await invoke(emu, 'poster', { callId: 'mq-trees' }))
    console.log(`poster  cache hit (stored poster, no render): ${latencySummary(hits)}`)
  } finally {
    await emu.stop()
    rmSync(functionsDir, { recursive: true, force: true })
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
