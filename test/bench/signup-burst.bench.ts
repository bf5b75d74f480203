// 2,000 volunteers tap 报名 at once on a 50-seat call, through the H5 door: how many get in (must be exactly 50),
// how fast, and how many database round trips a sign-up costs; beside it, a trivial function through the same door.
// Then the same burst on one 50-seat slot of a call of three batches × two roles (the slot's counters sit beside
// five others and the call's sums in the same document).
import { emptySlots, slotOf, totalCapacity } from '@core/calls/slots'
import type { Call, CallRole, CallSession } from '@core/model'
import { callDoor, insertBenchCall, latencySummary, openid, startBenchCloud } from './harness'

const VOLUNTEERS = 2000
const CAPACITY = 50
const DAY = 86_400_000
const SLOT = 's2-r1'

async function main(): Promise<void> {
  await burst('one-slot call', {})
  await burst(`slot ${SLOT} of a call of three batches × two roles`, severalSlots())
}

function severalSlots(): Partial<Call> {
  const first = Date.now() + 10 * DAY
  const sessions: CallSession[] = [0, 7, 14].map((d, i) => ({
    id: `s${i + 1}`,
    startAt: first + d * DAY,
    endAt: first + d * DAY + 6 * 3_600_000,
  }))
  const roles: CallRole[] = [
    { id: 'r1', name: '植树', description: '', capacity: CAPACITY },
    { id: 'r2', name: '后勤', description: '', capacity: 4 },
  ]
  const shape = { startAt: first, endAt: sessions[2].endAt, capacity: CAPACITY, sessions, roles }
  const slots = emptySlots(shape) ?? {}
  return { ...shape, slots, capacity: totalCapacity(slots) }
}

async function burst(label: string, shape: Partial<Call>): Promise<void> {
  const slot = shape.slots ? SLOT : undefined
  const cloud = await startBenchCloud()
  const { emu } = cloud
  const call = insertBenchCall(emu, { capacity: CAPACITY, ...shape })

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
          ...(slot ? { slot } : {}),
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
  const storedCall = emu.store.collection('calls').get(call._id) as unknown as Call
  const counter = slotOf(storedCall, slot ?? 's1')?.confirmed

  const pingStarted = performance.now()
  const pings = await Promise.all(Array.from({ length: VOLUNTEERS }, () => callDoor(emu, 'ping', {})))
  const pingSeconds = (performance.now() - pingStarted) / 1000

  console.log(
    `sign-up burst (${label}): ${VOLUNTEERS} concurrent signUp from ${VOLUNTEERS} openids, capacity ${CAPACITY}`,
  )
  console.log(`  accepted ${accepted} (must be ${CAPACITY}), refused FULL ${refused}, other ${other}`)
  console.log(`  stored confirmed sign-ups ${stored}, ${slot ? 'slot' : 'call'} counter ${counter}`)
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
