// The way out if one call document's conditional update is what limits a viral call: its seat counter split over
// K shard documents. A simulation, not the production seat code: a crowd claims the seats of one call from the
// local cloud (the real store over HTTP, through the real SDK), whose database makes writes to one document take
// turns (DOC_WRITE_MS each, default 20) and gives every request a latency; the quota is lifted, so what is measured
// is what the documents allow. Each claim is what a sign-up does: a conditional update `confirmed < capacity` on
// a shard picked at random (falling to the others when it is full), then the seat's row under an id derived from
// the person. Some people tap twice at once: the database refuses their second row, and that claim gives its seat
// back, as a sign-up's retry does. K = 1 is today's one document.
// Prints throughput, p50/p99 of a claim, round trips, and proves exactly `capacity` seats taken, none twice.
//
// What moving production (lib/waitlist/seats.ts) to shards would need:
// - the waitlist's FIFO: a newcomer may take a seat only while nobody queues. With one document the condition
//   `waitlisted == 0` sits beside `confirmed < capacity`; with shards, the first claimer to find every shard full
//   closes them all (`closed: true` on each, a condition of every newcomer's update) before joining the queue, so
//   from then on a seat given back can only be taken by promotion (which ignores `closed`), in the queue's order; the
//   queue itself (its counter, the rows' waitlistedAt) stays on the call document, where writes are rare.
// - per-slot counters: each slot (session × role) gets its own K shards, `capacity_i` summing to the slot's; the
//   call's and the slot's figures shown on the page are the sums (one query over the shards, kept like the page).
// - promotion, cancel and repair: each row records its shard, so a seat goes back to its own shard, and `repair`
//   recounts rows per shard; a capacity edit spreads the new places over the shards (a lowered one only by free
//   places, shard by shard).
// - near the end a claim tries several full shards (counted below as "found full"): a call marked full, read with
//   the call as the gate reads it anyway, answers FULL at one read, as below.
import { randomInt } from 'node:crypto'
import { EventEmitter } from 'node:events'
import cloud from 'wx-server-sdk'
import { BASE_QUOTA, type QuotaProfile } from '@emulator/quota'
import { latencySummary, openid, startBenchCloud } from './harness'

const PEOPLE = Number(process.env.SHARDS_PEOPLE) || 1500
const CAPACITY = Number(process.env.SHARDS_CAPACITY) || 300
/** claims in flight at once (the SDK's own connection pool holds 100) */
const CROWD = 100
/** every tenth of the first people taps twice at once (early, so a seat given back is claimed again) */
const tapsTwice = (i: number) => i % 10 === 0 && i < CAPACITY / 2
const SHARDINGS = [1, 4, 16]
const CALL = 'bench-call'
const DOC_WRITE_MS = Number(process.env.DOC_WRITE_MS) || 20
const PROFILE: QuotaProfile = {
  ...BASE_QUOTA,
  dbQps: 1_000_000,
  dbConnections: 1_000,
  functionInstances: 1_000,
  dbLatencyMs: 8,
  docWriteMs: DOC_WRITE_MS,
}

interface Shard {
  _id: string
  capacity: number
  confirmed: number
}

type Db = ReturnType<typeof cloud.database>

async function main(): Promise<void> {
  // the SDK adds a listener per request to a socket still connecting, and warns of every request slower than 3 s:
  // a crowd meant to queue is neither a leak nor news
  EventEmitter.defaultMaxListeners = CROWD
  const warn = console.warn
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).startsWith('[TCB][WARN]')) warn(...args)
  }
  console.log(
    `seat shards: ${PEOPLE} people claim ${CAPACITY} seats of one call, ${CROWD} at once; writes to one document take ${DOC_WRITE_MS} ms each in turn, every request ${PROFILE.dbLatencyMs} ms`,
  )
  for (const k of SHARDINGS) await run(k)
}

async function run(shardCount: number): Promise<void> {
  const bench = await startBenchCloud({ quota: PROFILE })
  Object.assign(process.env, bench.emu.sdkEnv) // the SDK reads its endpoint from the environment on every call
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  const db = cloud.database()
  const shards = shardsOf(shardCount)
  bench.emu.store.collection('seatShards').insert(shards as unknown as Record<string, unknown>[])
  bench.emu.store.collection('calls').insert([{ _id: CALL, full: false }])
  const tripsBefore = bench.emu.counters.dbRequests

  const seatedMs: number[] = []
  const fullMs: number[] = []
  let foundFull = 0
  /** people told 「报名成功」 (their row made) */
  let seated = 0
  let twice = 0
  let filledAt = 0
  const started = performance.now()
  let next = 0
  await Promise.all(
    Array.from({ length: CROWD }, async () => {
      while (next < PEOPLE) {
        const i = next++
        const t0 = performance.now()
        const taps = await Promise.all(
          Array.from({ length: tapsTwice(i) ? 2 : 1 }, () => claimSeat(db, shards, openid(i))),
        )
        const created = taps.filter((c) => c.created).length
        ;(created > 0 ? seatedMs : fullMs).push(performance.now() - t0)
        foundFull += taps.reduce((n, c) => n + c.foundFull, 0)
        seated += created
        if (created > 1) twice++
        if (seated === CAPACITY && !filledAt) filledAt = performance.now()
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  const doubleTaps = Array.from({ length: PEOPLE }, (_, i) => i).filter(tapsTwice).length
  const trips = bench.emu.counters.dbRequests - tripsBefore

  const stored = bench.emu.store.collection('seatShards').find({}) as unknown as Shard[]
  const rows = bench.emu.store.collection('seats').find({}) as unknown as { _id: string; shard: string }[]
  const problems: string[] = []
  const counted = stored.reduce((n, s) => n + s.confirmed, 0)
  if (counted !== CAPACITY) problems.push(`${counted} seats counted, not ${CAPACITY}`)
  if (rows.length !== counted) problems.push(`${rows.length} rows for ${counted} counted seats`)
  if (seated !== rows.length) problems.push(`${seated} told seated, ${rows.length} rows`)
  for (const s of stored) {
    if (s.confirmed > s.capacity) problems.push(`${s._id} over its capacity`)
    const own = rows.filter((r) => r.shard === s._id).length
    if (own !== s.confirmed) problems.push(`${s._id}: counter ${s.confirmed} ≠ rows ${own}`)
  }
  if (twice > 0) problems.push(`${twice} people told twice`)

  const fill = filledAt ? (filledAt - started) / 1000 : NaN
  console.log(
    `  ${shardCount} shard${shardCount > 1 ? 's' : ' (today: the call document)'}: ${CAPACITY} seats taken in ${fill.toFixed(1)} s (${(CAPACITY / fill).toFixed(0)} seats/s), all ${PEOPLE} answered in ${seconds.toFixed(1)} s`,
  )
  console.log(
    `    seated ${seated}: ${latencySummary(seatedMs)}; full ${fullMs.length}: ${latencySummary(fullMs)}; ${(trips / PEOPLE).toFixed(2)} round trips a person (${foundFull} updates found a shard full)`,
  )
  console.log(
    problems.length
      ? `    PROBLEMS: ${problems.join('; ')}`
      : `    exactly ${CAPACITY} seats, none twice (${doubleTaps} people tapped twice at once), counters equal rows`,
  )
  await bench.stop()
  if (problems.length) process.exitCode = 1
}

/** `capacity` spread over `count` shards as evenly as whole seats go. */
function shardsOf(count: number): Shard[] {
  return Array.from({ length: count }, (_, i) => ({
    _id: `${CALL}-shard-${i}`,
    capacity: Math.floor(CAPACITY / count) + (i < CAPACITY % count ? 1 : 0),
    confirmed: 0,
  }))
}

/**
 * One claim, as a sign-up: the call is read (the gate does, so it costs no trip more), and a call marked full
 * answers FULL at once; else a seat from a shard picked at random, or from the others in turn, then the row.
 * `created`: this claim made the person's row; false: every shard was full (the claimer that finds it so marks the
 * call full), or their other tap holds the seat (this one's went back). A shard found full is not tried again by
 * the same claim (seats go back only early, from the double taps).
 */
async function claimSeat(
  db: Db,
  shards: Shard[],
  who: string,
): Promise<{ created: boolean; foundFull: number }> {
  const _ = db.command
  const read = await db.collection('calls').where({ _id: CALL }).get()
  const call = (read as unknown as { data: { full?: boolean }[] }).data
  if (call[0]?.full) return { created: false, foundFull: 0 }
  const first = randomInt(shards.length)
  let foundFull = 0
  for (let i = 0; i < shards.length; i++) {
    const shard = shards[(first + i) % shards.length]
    const taken = (await db
      .collection('seatShards')
      .where({ _id: shard._id, confirmed: _.lt(shard.capacity) })
      .update({ data: { confirmed: _.inc(1) } })) as { stats: { updated: number } }
    if (taken.stats.updated === 0) {
      foundFull++
      continue
    }
    try {
      await db.collection('seats').add({ data: { _id: who, shard: shard._id } })
      return { created: true, foundFull }
    } catch (err) {
      // their row is there already (the other tap): this seat goes back; anything else is a real failure
      const { total } = (await db.collection('seats').where({ _id: who }).count()) as { total: number }
      if (total === 0) throw err
      await db
        .collection('seatShards')
        .where({ _id: shard._id })
        .update({ data: { confirmed: _.inc(-1) } })
      return { created: false, foundFull }
    }
  }
  await db
    .collection('calls')
    .where({ _id: CALL, full: false })
    .update({ data: { full: true } })
  return { created: false, foundFull }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
