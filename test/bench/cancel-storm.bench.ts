// A full call (50 seats) with 500 people waiting; then 2,000 requests at once: cancellations (of seats and of
// waitlist places, some tapped twice) and sign-ups of newcomers, through the H5 door. How fast, how many database
// round trips an operation costs, and whether the end state is consistent: counters equal to the rows, no more
// confirmed than seats, no seat empty while someone waits. Exits non-zero if not.
import type { Call, SignUp } from '@core/model'
import { signUpIdFor } from '@core/calls/slots'
import { callDoor, insertBenchCall, latencySummary, openid, startBenchCloud } from './harness'

const CAPACITY = 50
const WAITING = 500
const OPERATIONS = 2000
const DAY = 86_400_000

function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

async function main(): Promise<void> {
  const cloud = await startBenchCloud()
  const { emu } = cloud
  const now = Date.now()
  const random = prng(20250501)
  const call = insertBenchCall(emu, {
    capacity: CAPACITY,
    waitlist: true,
    confirmed: CAPACITY,
    waitlisted: WAITING,
  })
  const holders = Array.from({ length: CAPACITY + WAITING }, (_, i) => openid(i))
  const rows: SignUp[] = holders.map((person, i) => ({
    _id: signUpIdFor(call._id, person),
    callId: call._id,
    openid: person,
    name: `志愿者${i}`,
    phone: '13800138000',
    answers: {},
    status: i < CAPACITY ? 'confirmed' : 'waitlisted',
    ...(i < CAPACITY ? {} : { waitlistedAt: new Date(now - DAY + i * 1000) }),
    createdAt: now - DAY,
    updatedAt: now - DAY,
  }))
  emu.store.collection('signups').insert(rows as unknown as Record<string, unknown>[])

  await Promise.all(
    Array.from({ length: 16 }, () => callDoor(emu, 'api', { action: 'getCall', callId: call._id })),
  )

  // Half cancellations by holders (a seat or a place; some tap twice), half newcomers signing up.
  const operations = Array.from({ length: OPERATIONS }, (_, i) => {
    if (i % 2 === 0) {
      const person = holders[Math.floor(random() * holders.length)]
      return () => callDoor(emu, 'api', { action: 'cancelSignUp', callId: call._id }, person)
    }
    const person = openid(CAPACITY + WAITING + i)
    const form = {
      action: 'signUp',
      callId: call._id,
      name: '新人',
      phone: '13800138000',
      privacyConsent: true,
    }
    return () => callDoor(emu, 'api', form, person)
  })
  const dbBefore = emu.counters.dbRequests
  const started = performance.now()
  const results = await Promise.all(operations.map((op) => op()))
  const seconds = (performance.now() - started) / 1000
  const dbTrips = emu.counters.dbRequests - dbBefore

  const failed = results.filter((r) => r.status !== 200 || r.body.ok !== true)
  const all = emu.store.collection('signups').find({ callId: call._id }) as unknown as SignUp[]
  const seated = all.filter((s) => s.status === 'confirmed').length
  const waiting = all.filter((s) => s.status === 'waitlisted').length
  const stored = emu.store.collection('calls').get(call._id) as unknown as Call
  const promoted = emu.store.collection('messages').count({ kind: 'promoted' })

  console.log(
    `cancel storm: ${OPERATIONS} concurrent cancels and sign-ups on a full call (capacity ${CAPACITY}, ${WAITING} waiting)`,
  )
  console.log(
    `  ${(OPERATIONS / seconds).toFixed(0)} operations/s, ${latencySummary(results.map((r) => r.ms))}`,
  )
  console.log(
    `  database round trips per operation: ${(dbTrips / OPERATIONS).toFixed(2)} (${dbTrips} in all)`,
  )
  console.log(`  refused or failed: ${failed.length}; promotions (messages queued): ${promoted}`)
  console.log(
    `  end state: confirmed rows ${seated} (counter ${stored.confirmed}), waitlisted rows ${waiting} (counter ${stored.waitlisted})`,
  )
  const problems: string[] = []
  if (stored.confirmed !== seated) problems.push('confirmed counter ≠ rows')
  if (stored.waitlisted !== waiting) problems.push('waitlisted counter ≠ rows')
  if (seated > CAPACITY) problems.push('more confirmed than seats')
  if (waiting > 0 && seated < CAPACITY) problems.push('a seat empty while someone waits')
  if (failed.length) problems.push(`${failed.length} operations failed`)
  console.log(problems.length ? `  INCONSISTENT: ${problems.join('; ')}` : '  consistent')
  await cloud.stop()
  if (problems.length) process.exit(1)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
