// Each cloud function on the Node of its declared runtime (Nodejs18.15 → v18.15.0), through the local cloud's
// pool: cold start (the first invocation on a new instance: process start, code load, the call) and warm calls
// (p50/p99 on a warm instance). api: listCalls; remind: its timer; poster: a call's poster (cold renders; warm =
// a re-render after the call changed, and a cache hit). Then each warm instance's peak memory (VmHWM), to hold
// against the 256 MB a function gets by default.
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { buildFunction, sourceConfig } from '@functions/build'
import { startEmulator, type Emulator } from '@emulator/index'
import { nodeBinary } from '@emulator/node-runtime'
import { PERSONAS } from '@core/shared/demo-personas'
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
  const declared = sourceConfig(name).runtime
  const runtime = process.env.JUSHOU_FUNCTIONS_NODE ? `${declared} (declared; run on the override)` : declared
  console.log(
    `${name.padEnd(7)} on ${runtime}: cold start ${latencySummary(cold)} (n=${COLD}); warm ${latencySummary(warm)} (n=${WARM})`,
  )
}

/** The instances (child processes of this process) running a function from `functionsDir`: their peak RSS. */
function instanceMemory(functionsDir: string): { name: string; peakMb: number }[] {
  if (process.platform !== 'linux') return []
  return readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .flatMap((pid) => {
      try {
        const ppid = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1])
        const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')
        const file = args.find((a) => a.startsWith(functionsDir))
        if (ppid !== process.pid || !file) return []
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
        return [{ name: file.slice(functionsDir.length + 1).split('/')[0], peakMb: Number(hwm?.[1]) / 1024 }]
      } catch {
        return []
      }
    })
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
    let edits = 0
    const changed = (): Promise<number> => {
      // the call's title changed: its poster renders again (the same text would be a cache hit)
      const title = `梭梭林植树 第${++edits}期`
      emu.store.collection('calls').update({ _id: 'mq-trees' }, { $set: { title } }, false)
      return invoke(emu, 'poster', { callId: 'mq-trees' })
    }
    await bench(emu, 'poster', changed)
    const hits: number[] = []
    for (let i = 0; i < WARM; i++) hits.push(await invoke(emu, 'poster', { callId: 'mq-trees' }))
    console.log(`poster  cache hit (stored poster, no render): ${latencySummary(hits)}`)
    for (const { name, peakMb } of instanceMemory(functionsDir))
      console.log(`${name.padEnd(7)} instance peak memory ${peakMb.toFixed(0)} MB`)
  } finally {
    await emu.stop()
    rmSync(functionsDir, { recursive: true, force: true })
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
