// 5,000 interleaved sign-ups, cancellations and waitlist departures from 200 volunteers on a 30-seat call with a
// waitlist, 50 in flight at a time through the local cloud's door. A watcher looks at the database after every
// single write the functions make (every moment at which the state can change) and checks the invariants there;
// the end state is checked against what each volunteer was last told. Replay a run with SEED=<printed seed>.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Call, SignUp } from '@core/model'
import { call, form, ngo, volunteer } from './docs'
import { startApi, type ApiHarness } from './harness'
import { prng, watchWrites } from './watch'

const OPERATIONS = 5000
const PEOPLE = 200
const CAPACITY = 30
const IN_FLIGHT = 50

let h: ApiHarness
before(async () => {
  h = await startApi({ instances: 16 })
})
after(() => h.stop())

interface Watch {
  writes: number
  maxConfirmedRows: number
  promotions: { id: string; waitlistedAt: number }[]
  violations: string[]
}

function observe(watch: Watch): () => void {
  const signups = h.emu.store.collection('signups')
  const calls = h.emu.store.collection('calls')
  let statusBefore = new Map<string, string>()
  return watchWrites(
    [signups, calls],
    () => {
      statusBefore = new Map((signups.all() as unknown as SignUp[]).map((s) => [s._id, s.status]))
    },
    () => {
      watch.writes++
      const rows = signups.all() as unknown as SignUp[]
      const theCall = calls.get('trees') as unknown as Call
      const seated = rows.filter((s) => s.status === 'confirmed')
      const waiting = rows.filter((s) => s.status === 'waitlisted')
      watch.maxConfirmedRows = Math.max(watch.maxConfirmedRows, seated.length)
      const at = `after write ${watch.writes}`
      if (theCall.confirmed > CAPACITY)
        watch.violations.push(`${at}: counter ${theCall.confirmed} > capacity`)
      if (seated.length > theCall.confirmed)
        watch.violations.push(`${at}: ${seated.length} confirmed rows > counter ${theCall.confirmed}`)
      if (waiting.length > theCall.waitlisted)
        watch.violations.push(`${at}: ${waiting.length} waitlisted rows > counter ${theCall.waitlisted}`)
      // Promotion order: nobody still waiting had joined the queue strictly earlier than the one promoted.
      for (const row of seated) {
        if (statusBefore.get(row._id) !== 'waitlisted') continue
        const joined = (row.waitlistedAt as Date).getTime()
        watch.promotions.push({ id: row._id, waitlistedAt: joined })
        const skipped = waiting.filter((w) => (w.waitlistedAt as Date).getTime() < joined)
        if (skipped.length)
          watch.violations.push(`${at}: promoted ${row._id} ahead of ${skipped.map((s) => s._id).join(', ')}`)
      }
    },
  )
}

test('5,000 random sign-ups, cancels and departures keep every seat accounted for', async () => {
  const seed = process.env.SEED ? Number(process.env.SEED) : Math.floor(Math.random() * 2 ** 31)
  console.log(`lifecycle-random: SEED=${seed}`)
  const random = prng(seed)
  h.insert({
    ngos: [ngo()],
    calls: [call({ capacity: CAPACITY, waitlist: true, questions: [] })],
  })
  const people = Array.from({ length: PEOPLE }, (_, i) => volunteer(i + 1))
  /** what each one's last successful operation left them wanting */
  const wantsSeat = new Map<string, boolean>()
  /** one phone each: a person has at most one request in flight */
  const busy = new Set<string>()
  const tally: Record<string, number> = {}
  const count = (key: string) => (tally[key] = (tally[key] ?? 0) + 1)

  const watch: Watch = { writes: 0, maxConfirmedRows: 0, promotions: [], violations: [] }
  const stopWatching = observe(watch)

  async function operate(): Promise<void> {
    let openid: string
    do openid = people[Math.floor(random() * PEOPLE)]
    while (busy.has(openid))
    busy.add(openid)
    const wanting = wantsSeat.get(openid) ?? false
    const signingUp = random() < (wanting ? 0.15 : 0.85) // mostly the natural next step, sometimes a repeat
    try {
      if (signingUp) {
        const result = await h.api<{ signUp: SignUp }>('signUp', form('trees', { answers: {} }), openid)
        count(result.ok ? `signUp ${result.data.signUp.status}` : `signUp ${result.code}`)
        if (result.ok) wantsSeat.set(openid, true)
      } else {
        const row = h.signUp(`trees_${openid}`)
        const kind = row?.status === 'waitlisted' ? 'leave waitlist' : 'cancel'
        const result = await h.api('cancelSignUp', { callId: 'trees' }, openid)
        count(result.ok ? kind : `${kind} ${result.code}`)
        if (result.ok) wantsSeat.set(openid, false)
      }
    } finally {
      busy.delete(openid)
    }
  }

  const started = performance.now()
  let issued = 0
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (issued < OPERATIONS) {
        issued++
        await operate()
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  stopWatching()
  console.log(
    `lifecycle-random: ${OPERATIONS} operations in ${seconds.toFixed(1)} s (${(OPERATIONS / seconds).toFixed(0)} ops/s), ` +
      `${watch.writes} writes watched, ${watch.promotions.length} promotions`,
  )
  console.log(`lifecycle-random: ${JSON.stringify(tally)}`)

  assert.deepEqual(watch.violations.slice(0, 10), [], 'invariants held after every write')
  const rows = h.signUpsOf('trees')
  const seated = rows.filter((s) => s.status === 'confirmed')
  const waiting = rows.filter((s) => s.status === 'waitlisted')
  const wanting = people.filter((p) => wantsSeat.get(p))
  for (const openid of people) {
    const status = h.signUp(`trees_${openid}`)?.status
    const holds = status === 'confirmed' || status === 'waitlisted'
    assert.equal(holds, wantsSeat.get(openid) ?? false, `${openid}: row ${status} vs last answer`)
  }
  assert.equal(seated.length, Math.min(CAPACITY, wanting.length), 'every seat taken that someone wants')
  if (waiting.length > 0) assert.equal(seated.length, CAPACITY, 'no seat left empty while someone waits')
  const theCall = h.call('trees')
  assert.equal(theCall?.confirmed, seated.length, 'confirmed counter = rows')
  assert.equal(theCall?.waitlisted, waiting.length, 'waitlisted counter = rows')

  const promoted = h.messages({ kind: 'promoted' })
  assert.deepEqual(
    promoted.map((m) => m._id).sort(),
    watch.promotions.map((p) => `promoted_${p.id}_${p.waitlistedAt}`).sort(),
    'exactly one promoted message per promotion',
  )
  // The run exercised what it claims to: a full call, a queue, promotions, the watcher.
  assert.equal(watch.maxConfirmedRows, CAPACITY)
  assert.ok(watch.promotions.length > 100, `${watch.promotions.length} promotions`)
  assert.ok(
    (tally['leave waitlist'] ?? 0) > 100 && (tally['signUp waitlisted'] ?? 0) > 100,
    JSON.stringify(tally),
  )
  assert.ok(watch.writes > OPERATIONS)
})
