// The morning of an event: 300 volunteers scan the organizer's check-in code at once, then scan again (a second
// tap changes nothing), then the organizer checks everyone out and confirms the hours. How fast, how many
// database round trips each step costs, and whether every volunteer was recorded exactly once.
import type { CheckInCodeResponse } from '@core/attendance/contract'
import type { SignUp } from '@core/model'
import { callDoor, insertBenchCall, latencySummary, openid, startBenchCloud } from './harness'

const VOLUNTEERS = 300
const ORGANIZER = 'oBENCH_organizer_000000000001'
const MINUTE = 60_000

async function main(): Promise<void> {
  const cloud = await startBenchCloud()
  const { emu } = cloud
  const now = Date.now()
  const call = insertBenchCall(emu, {
    capacity: VOLUNTEERS,
    confirmed: VOLUNTEERS,
    startAt: now - 10 * MINUTE,
    endAt: now + 3 * 60 * MINUTE,
    signupDeadline: now - 60 * MINUTE,
  })
  emu.store.collection('ngos').update({ _id: call.ngoId }, { $set: { admins: [ORGANIZER] } }, false)
  const rows: SignUp[] = Array.from({ length: VOLUNTEERS }, (_, i) => ({
    _id: `${call._id}_${openid(i)}`,
    callId: call._id,
    openid: openid(i),
    name: `志愿者${i}`,
    phone: '13800138000',
    answers: {},
    status: 'confirmed',
    createdAt: now - 86_400_000,
    updatedAt: now - 86_400_000,
  }))
  emu.store.collection('signups').insert(rows as unknown as Record<string, unknown>[])

  const issued = await callDoor(
    emu,
    'api',
    { action: 'checkInCode', callId: call._id, mode: 'in' },
    ORGANIZER,
  )
  if (!issued.body.ok) throw new Error(`checkInCode failed: ${JSON.stringify(issued.body)}`)
  const { code } = issued.body.data as CheckInCodeResponse
  // warm the instances, as a real morning would have them after the first few scans
  await Promise.all(
    Array.from({ length: 16 }, () => callDoor(emu, 'api', { action: 'getCall', callId: call._id })),
  )

  const scanWave = async (label: string) => {
    const dbBefore = emu.counters.dbRequests
    const started = performance.now()
    const results = await Promise.all(
      rows.map((row) => callDoor(emu, 'api', { action: 'checkIn', code }, row.openid)),
    )
    const seconds = (performance.now() - started) / 1000
    const failed = results.filter((r) => !r.body.ok).length
    const trips = emu.counters.dbRequests - dbBefore
    console.log(
      `${label}: ${VOLUNTEERS} scans at once, ${(VOLUNTEERS / seconds).toFixed(0)} scans/s, ${latencySummary(results.map((r) => r.ms))}, refused ${failed}, ${(trips / VOLUNTEERS).toFixed(2)} DB round trips per scan`,
    )
  }
  await scanWave('first scan')
  await scanWave('scanned again')
  const checkedIn = emu.store.collection('signups').find({ callId: call._id, status: 'attended' }).length
  console.log(`  checked in: ${checkedIn} (must be ${VOLUNTEERS})`)

  const step = async (label: string, event: object) => {
    const dbBefore = emu.counters.dbRequests
    const reply = await callDoor(emu, 'api', event, ORGANIZER)
    if (!reply.body.ok) throw new Error(`${label} failed: ${JSON.stringify(reply.body)}`)
    const trips = emu.counters.dbRequests - dbBefore
    console.log(
      `${label}: ${reply.ms.toFixed(0)} ms, ${trips} DB round trips, ${JSON.stringify(reply.body.data)}`,
    )
  }
  emu.clock.set({ offsetMs: 4 * 60 * MINUTE })
  await step('checkOutAll', { action: 'checkOutAll', callId: call._id })
  await step('confirmHours', { action: 'confirmHours', callId: call._id })
  const confirmed = emu.store
    .collection('signups')
    .find({ callId: call._id })
    .filter((s) => s.hoursConfirmedAt !== undefined).length
  console.log(`  hours confirmed: ${confirmed} (must be ${VOLUNTEERS})`)
  await cloud.stop()
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
