// 2,000 volunteers tap 报名 at once on a 50-seat call, through the H5 door: how many get in (must be exactly 50),
// how fast, and how many database round trips a sign-up costs; beside it, a trivial function through the same door.
import type { Call } from '@core/model'
import { callDoor, insertBenchCall, latencySummary, openid, startBenchCloud } from './harness'

const VOLUNTEERS = 2000
const CAPACITY = 50

async function main(): Promise<void> {
  const cloud = await startBenchCloud()
  const { emu } = cloud
  const call = insertBenchCall(emu, { capacity: CAPACITY })

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
