// 2,000 volunteers tap 报名 at once on a 50-seat call, through the H5 door: how many get in (must be exactly 50),
// how fast, and how many database round trips a sign-up costs; beside it, a trivial function through the same door.
import type { Call, Ngo } from '../../src/core/types'
import { callDoor, latencySummary, openid, startBenchCloud } from './harness'

const VOLUNTEERS = 2000
const CAPACITY = 50
const DAY = 86_400_000

async function main(): Promise<void> {
  const cloud = await startBenchCloud()
  const { emu } = cloud
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
  const call: Call = {
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
    capacity: CAPACITY,
    waitlist: false,
    questions: [],
    status: 'open',
    confirmed: 0,
    waitlisted: 0,
    createdAt: now,
    updatedAt: now,
  }
  emu.store.collection('ngos').insert([ngo as unknown as Record<string, unknown>])
  emu.store.collection('calls').insert([call as unknown as Record<string, unknown>])

  // Warm the instances so the figure is the steady state, not the cold starts.
  await Promise.all(Array.from({ length: 16 }, () => callDoor(emu, 'ping', {})))
  await Promise.all(
    Array.from({ length: 16 }, () => callDoor(emu, 'api', { action: 'getCall', callId: call._id })),
  )

  const dbBefore = emu.counters.dbRequests
  const started = performance.now()
  const results = await Promise.all(
    Array.from({ length: VOLUNTEERS }, (_, i) =>
      callDoor(
        emu,
        'api',
        {
          action: 'signUp',
          callId: call._id,
          name: `志愿者${i}`,
          phone: '13800138000',
          privacyConsent: true,
        },
        openid(i),
      ),
    ),
  )
  const seconds = (performance.now() - started) / 1000
  const dbTrips = emu.counters.dbRequests - dbBefore

  const accepted = results.filter((r) => r.body.ok).length
  const refused = results.filter((r) => r.body.ok === false && r.body.code === 'FULL').length
  const other = results.length - accepted - refused
  const stored = emu.store.collection('signups').find({ callId: call._id, status: 'confirmed' }).length
  const counter = (emu.store.collection('calls').get(call._id) as unknown as Call).confirmed

  const pingStarted = performance.now()
  const pings = await Promise.all(Array.from({ length: VOLUNTEERS }, () => callDoor(emu, 'ping', {})))
  const pingSeconds = (performance.now() - pingStarted) / 1000

  console.log(
    `sign-up burst: ${VOLUNTEERS} concurrent signUp from ${VOLUNTEERS} openids, capacity ${CAPACITY}`,
  )
  console.log(`  accepted ${accepted} (must be ${CAPACITY}), refused FULL ${refused}, other ${other}`)
  console.log(`  stored confirmed sign-ups ${stored}, call counter ${counter}`)
  console.log(`  ${(VOLUNTEERS / seconds).toFixed(0)} calls/s, ${latencySummary(results.map((r) => r.ms))}`)
  console.log(`  database round trips per sign-up: ${(dbTrips / VOLUNTEERS).toFixed(2)} (${dbTrips} in all)`)
  console.log(
    `trivial function through the same door: ${(VOLUNTEERS / pingSeconds).toFixed(0)} calls/s, ${latencySummary(pings.map((r) => r.ms))}`,
  )
  await cloud.stop()
  if (accepted !== CAPACITY || stored !== CAPACITY || counter !== CAPACITY) {
    console.error('OVERSOLD OR UNDERSOLD: the capacity invariant was broken')
    process.exit(1)
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
