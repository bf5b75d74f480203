// Database round trips per action: the unit of WeChat Cloud's quotas (requests per second, reads and writes a
// day) and of its bill. One request at a time, so the local cloud's count between two calls is that call's.
// Prints the table the README shows.
import type { CheckInCodeResponse } from '@core/attendance/contract'
import type { SignUp } from '@core/model'
import { callDoor, insertBenchCall, openid, startBenchCloud } from './harness'

const ORGANIZER = 'oBENCH_organizer_000000000001'
const MINUTE = 60_000
const ON_THE_DAY = 300

async function main(): Promise<void> {
  const cloud = await startBenchCloud()
  const { emu } = cloud
  const now = Date.now()
  const open = insertBenchCall(emu, { _id: 'c-open', capacity: 1000, waitlist: true }, [ORGANIZER])
  const full = insertBenchCall(emu, { _id: 'c-full', capacity: 1, confirmed: 1 })
  const queue = insertBenchCall(emu, { _id: 'c-queue', capacity: 1, confirmed: 1, waitlist: true })
  const day = insertBenchCall(emu, {
    _id: 'c-day',
    capacity: ON_THE_DAY + 1,
    confirmed: ON_THE_DAY + 1,
    startAt: now - 10 * MINUTE,
    endAt: now + 3 * 60 * MINUTE,
    signupDeadline: now - 60 * MINUTE,
  })
  const row = (callId: string, who: string, fields: Partial<SignUp> = {}): SignUp => ({
    _id: `${callId}_${who}`,
    callId,
    openid: who,
    name: '志愿者',
    phone: '13800138000',
    answers: {},
    status: 'confirmed',
    createdAt: now - 86_400_000,
    updatedAt: now - 86_400_000,
    ...fields,
  })
  const rows = [
    row(full._id, openid(9000)),
    row(queue._id, openid(9000)),
    row(day._id, openid(0)),
    ...Array.from({ length: ON_THE_DAY }, (_, i) =>
      row(day._id, openid(i + 1), { status: 'attended', checkedInAt: now - 5 * MINUTE }),
    ),
  ]
  emu.store.collection('signups').insert(rows as unknown as Record<string, unknown>[])
  // warm instances: the figures are round trips, but a cold start should not be what is timed by anyone reading
  await Promise.all(Array.from({ length: 4 }, () => callDoor(emu, 'api', { action: 'listCalls' })))

  const table: { action: string; when: string; trips: number }[] = []
  const measure = async (when: string, event: { action: string; [field: string]: unknown }, who?: string) => {
    const before = emu.counters.dbRequests
    const reply = await callDoor(emu, 'api', event, who)
    table.push({ action: event.action, when, trips: emu.counters.dbRequests - before })
    return reply
  }
  const form = { name: '小林', phone: '13800138000', privacyConsent: true }

  await measure('a page of the list', { action: 'listCalls' })
  await measure('searching a word', { action: 'listCalls', keyword: '压测' })
  await measure('a call’s page', { action: 'getCall', callId: open._id }, openid(1))
  // the same warm instance again (an idle instance is reused last in, first out), within the copy's 3 s
  await measure('a call’s page, kept copy', { action: 'getCall', callId: open._id }, openid(2))
  await measure('kept copy, anonymous', { action: 'getCall', callId: open._id })
  await measure('a seat', { action: 'signUp', callId: open._id, ...form }, openid(1))
  await measure('again, already signed up', { action: 'signUp', callId: open._id, ...form }, openid(1))
  await measure('refused FULL', { action: 'signUp', callId: full._id, ...form }, openid(2))
  await measure('waitlisted', { action: 'signUp', callId: queue._id, ...form }, openid(2))
  await measure('my sign-ups', { action: 'mySignUps' }, openid(1))
  await measure('giving a seat back', { action: 'cancelSignUp', callId: open._id }, openid(1))
  const issued = await measure(
    'the organizer’s code',
    { action: 'checkInCode', callId: day._id, mode: 'in' },
    ORGANIZER,
  )
  const { code } = issued.body.data as CheckInCodeResponse
  await measure('a scan, first', { action: 'checkIn', code }, openid(0))
  await measure('a scan, repeated', { action: 'checkIn', code }, openid(0))
  await measure(`roster of ${ON_THE_DAY + 1}`, { action: 'roster', callId: day._id }, ORGANIZER)
  await measure(`${ON_THE_DAY + 1} people`, { action: 'checkOutAll', callId: day._id }, ORGANIZER)
  await measure('an organizer action', { action: 'closeCall', callId: open._id }, ORGANIZER)
  await measure('the console', { action: 'myNgo' }, ORGANIZER)

  console.log('database round trips per action (one request at a time)')
  const width = Math.max(...table.map((t) => `${t.action} (${t.when})`.length))
  for (const t of table) console.log(`  ${`${t.action} (${t.when})`.padEnd(width)}  ${t.trips}`)
  console.log(`  by label, from the local cloud's per-invocation count:`)
  for (const [label, tally] of emu.functions.roundTrips)
    console.log(
      `    ${label}: ${tally.invocations} invocations, ${(tally.trips / tally.invocations).toFixed(2)} each`,
    )
  await cloud.stop()
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
