// Timer triggers from each function's config.json, in WeChat Cloud's 7-field cron
// (second minute hour day-of-month month day-of-week year), e.g. `0 */5 * * * * *`.
import { readdirSync } from 'node:fs'
import type { FunctionPool, InvokeResult } from './function-pool'

type Field = (n: number) => boolean

const NAMES: Record<string, number> = {
  SUN: 0, MON: 1, TUE: 2, WED: 3, THU: 4, FRI: 5, SAT: 6,
  JAN: 1, FEB: 2, MAR: 3, APR: 4, MAY: 5, JUN: 6, JUL: 7, AUG: 8, SEP: 9, OCT: 10, NOV: 11, DEC: 12,
} // prettier-ignore

const RANGES: [number, number][] = [[0, 59], [0, 59], [0, 23], [1, 31], [1, 12], [0, 6], [1970, 2199]] // prettier-ignore

export class CronError extends Error {}

/** Compiles a 7-field cron expression into a test for one second (local time). */
export function parseCron(expr: string): (date: Date) => boolean {
  const parts = expr.trim().split(/\s+/)
  if (parts.length !== 7)
    throw new CronError(`cron needs 7 fields (second … year), got ${parts.length}: ${expr}`)
  const [sec, min, hour, dom, month, dow, year] = parts.map((p, i) => parseField(p, RANGES[i], expr))
  return (d) =>
    sec(d.getSeconds()) &&
    min(d.getMinutes()) &&
    hour(d.getHours()) &&
    dom(d.getDate()) &&
    month(d.getMonth() + 1) &&
    dow(d.getDay()) &&
    year(d.getFullYear())
}

function parseField(field: string, [lo, hi]: [number, number], expr: string): Field {
  const allowed = new Set<number>()
  const value = (s: string): number => {
    const n = /^\d+$/.test(s) ? Number(s) : NAMES[s.toUpperCase()]
    if (n === undefined || n < lo || n > hi) throw new CronError(`bad value "${s}" in cron ${expr}`)
    return n
  }
  for (const part of field.split(',')) {
    const [range, stepText] = part.split('/')
    const step = stepText === undefined ? 1 : Number(stepText)
    if (!Number.isInteger(step) || step < 1) throw new CronError(`bad step "${part}" in cron ${expr}`)
    let from: number
    let to: number
    if (range === '*' || range === '?') [from, to] = [lo, hi]
    else if (range.includes('-')) [from, to] = range.split('-').map(value) as [number, number]
    else [from, to] = [value(range), stepText === undefined ? value(range) : hi]
    if (from > to) throw new CronError(`bad range "${part}" in cron ${expr}`)
    for (let n = from; n <= to; n += step) allowed.add(n)
  }
  return (n) => allowed.has(n)
}

interface Timer {
  functionName: string
  triggerName: string
  matches: (d: Date) => boolean
}

/** Finds every timer trigger in the functions folder and fires each one on its schedule. */
export class TimerScheduler {
  private handle: NodeJS.Timeout | undefined
  readonly timers: Timer[] = []

  constructor(
    private readonly functions: FunctionPool,
    functionsDir: string,
    private readonly log: boolean,
    private readonly clock: { now(): number } = Date,
  ) {
    let names: string[] = []
    try {
      names = readdirSync(functionsDir)
    } catch {
      names = []
    }
    for (const name of names) {
      for (const trigger of functions.config(name).triggers ?? []) {
        if (trigger.type !== 'timer') continue
        this.timers.push({
          functionName: name,
          triggerName: trigger.name,
          matches: parseCron(trigger.config),
        })
      }
    }
  }

  start(): void {
    const tick = (): void => {
      const now = new Date(this.clock.now())
      for (const t of this.timers) if (t.matches(now)) void this.fire(t.functionName, t.triggerName, now)
      this.handle = setTimeout(tick, 1000 - (Date.now() % 1000) + 5)
    }
    this.handle = setTimeout(tick, 1000 - (Date.now() % 1000) + 5)
    this.handle.unref()
  }

  stop(): void {
    clearTimeout(this.handle)
    this.handle = undefined
  }

  /** Invokes a function as its timer trigger would (no user, TRIGGER_SRC=timer). */
  async fire(
    functionName: string,
    triggerName?: string,
    at = new Date(this.clock.now()),
  ): Promise<InvokeResult> {
    const name =
      triggerName ?? this.timers.find((t) => t.functionName === functionName)?.triggerName ?? 'manual'
    const event = { Type: 'Timer', TriggerName: name, Time: at.toISOString(), Message: '' }
    const result = await this.functions.invoke(functionName, event, {}, true)
    if (this.log && !result.ok)
      console.error(`[emulator] timer ${functionName}/${name} failed: ${result.errMsg}`)
    return result
  }
}
