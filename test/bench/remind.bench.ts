// One `remind` run over a large database: 100,000 sign-ups across 1,000 calls, 100 of which start within the
// next day, so 10,000 reminders fall due (every volunteer accepted the template once). The run writes them, sends
// them through the local cloud's subscribeMessage.send, and repairs counters. Figures: duration, messages/s,
// database round trips per message, and duplicates per message id in the outbox (must be 0: exits non-zero).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { buildFunction } from '@functions/build'
import type { RemindReport } from '@functions/remind'
import { startEmulator } from '@emulator/index'
import type { ApiResult } from '@core/shared/errors'
import { signUpIdFor } from '@core/calls/slots'
import { DEFAULT_TEMPLATES } from '@core/messages/templates'
import type { Call, Ngo, SignUp } from '@core/model'

const CALLS = 1000
const PER_CALL = 100
const DUE_CALLS = 100
const HOUR = 3_600_000
const ROOT = resolve(__dirname, '..', '..')

async function main(): Promise<void> {
  mkdirSync(join(ROOT, 'dist'), { recursive: true })
  const functionsDir = mkdtempSync(join(ROOT, 'dist', 'bench-functions-'))
  const dataDir = mkdtempSync(join(tmpdir(), 'jushou-bench-'))
  await buildFunction('remind', functionsDir)
  // WeChat stops a timer at 60 s (remind's config.json) and the run stops sending after 40 s; but the local cloud
  // has no secondary indexes (a query not on `_id` scans its collection), so its counter repair over 1,000 calls
  // outlasts that here: the limit is lifted to measure each step.
  const emu = await startEmulator({ port: 0, dataDir, functionsDir, timers: false, timeoutMs: 600_000 })
  try {
    const now = Date.now()
    const ngo: Ngo = {
      _id: 'bench-ngo',
      name: '压测公益',
      city: '北京',
      causes: [],
      intro: '',
      logo: '',
      contact: '',
      status: 'verified',
      admins: [],
      createdAt: now,
    }
    const calls: Call[] = []
    const signUps: SignUp[] = []
    for (let c = 0; c < CALLS; c++) {
      // The first 100 start in 2–23 hours (their 24-hour reminders are due); the rest in 2–30 days.
      const startAt = c < DUE_CALLS ? now + (2 + (c % 20)) * HOUR : now + (2 + (c % 28)) * 24 * HOUR
      const callId = `call-${String(c).padStart(4, '0')}`
      calls.push({
        _id: callId,
        ngoId: ngo._id,
        title: `压测活动第 ${c} 场：社区公园清洁与植树志愿服务`,
        description: '',
        cover: '',
        tags: [],
        city: '北京',
        address: '朝阳区某社区公园',
        startAt,
        endAt: startAt + 4 * HOUR,
        signupDeadline: startAt - HOUR,
        capacity: PER_CALL,
        waitlist: false,
        questions: [],
        status: 'open',
        confirmed: PER_CALL,
        waitlisted: 0,
        createdAt: now - 30 * 24 * HOUR,
        updatedAt: now - 30 * 24 * HOUR,
      })
      for (let v = 0; v < PER_CALL; v++) {
        const openid = `oBENCH_${String(c).padStart(4, '0')}_${String(v).padStart(3, '0')}`
        signUps.push({
          _id: signUpIdFor(callId, openid),
          callId,
          openid,
          name: '志愿者',
          phone: '13800138000',
          answers: {},
          status: 'confirmed',
          createdAt: now - 24 * HOUR,
          updatedAt: now - 24 * HOUR,
        })
      }
    }
    const subscriptions = signUps
      .filter((_, i) => i < DUE_CALLS * PER_CALL)
      .map((s) => ({
        _id: `${s.openid}:${DEFAULT_TEMPLATES.starting.id}`,
        openid: s.openid,
        templateId: DEFAULT_TEMPLATES.starting.id,
        count: 1,
      }))
    emu.store.transaction(() => {
      emu.store.collection('ngos').insert([ngo as unknown as Record<string, unknown>])
      emu.store.collection('calls').insert(calls as unknown as Record<string, unknown>[])
      emu.store.collection('signups').insert(signUps as unknown as Record<string, unknown>[])
      emu.store.collection('_emulator_subscriptions').insert(subscriptions)
    })
    console.log(`${CALLS} calls, ${signUps.length} sign-ups, ${DUE_CALLS * PER_CALL} reminders due`)

    const times = new Map<string, number>()
    let runs = 0
    let sent = 0
    for (;;) {
      const before = emu.counters.dbRequests
      const started = performance.now()
      const result = await emu.timers.fire('remind')
      const seconds = (performance.now() - started) / 1000
      if (!result.ok) throw new Error(`remind failed: ${result.errMsg}`)
      const reply = JSON.parse(result.json) as ApiResult<RemindReport>
      if (!reply.ok) throw new Error(`remind answered ${reply.code}`)
      const { reminders, delivery, took } = reply.data
      const trips = emu.counters.dbRequests - before
      runs++
      sent += delivery.sent
      console.log(
        `run ${runs}: ${seconds.toFixed(1)} s (reminders ${(took.reminders / 1000).toFixed(1)} s, ` +
          `sending ${(took.delivery / 1000).toFixed(1)} s, repair ${(took.repair / 1000).toFixed(1)} s); ` +
          `reminders written ${reminders}, sent ${delivery.sent}, skipped ${delivery.skipped}, failed ${delivery.failed}`,
      )
      console.log(
        `  sending: ${(delivery.sent / Math.max(0.001, took.delivery / 1000)).toFixed(0)} messages/s; ` +
          `${trips} database round trips in the run, ${(trips / Math.max(1, delivery.sent)).toFixed(2)} per message sent`,
      )
      if (sent >= DUE_CALLS * PER_CALL || (delivery.sent === 0 && reminders === 0) || runs >= 10) break
    }
    for (const m of emu.openapi.outbox() as { query: { m: string } }[])
      times.set(m.query.m, (times.get(m.query.m) ?? 0) + 1)
    const duplicates = [...times.values()].filter((n) => n > 1).length
    console.log(`after ${runs} run(s): ${times.size} messages delivered, duplicates ${duplicates}`)
    if (duplicates > 0 || times.size !== DUE_CALLS * PER_CALL) process.exitCode = 1
  } finally {
    await emu.stop()
    rmSync(functionsDir, { recursive: true, force: true })
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
