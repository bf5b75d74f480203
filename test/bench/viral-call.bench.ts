// A call shared into a few big group chats: 2,000 people open it and 1,500 of them sign up within 60 s, on a call
// with 300 places and a waitlist, in a local cloud held to WeChat Cloud's base quota (30 database requests a
// second, 20 at once, 20 instances of the function), with a database latency and per-document write turns like a
// real database's. Each person's phone behaves as the client does (src/services/cloud/api.ts): on BUSY or the
// cloud's -501003/-501004 it waits and sends again, and gives up after its last wait. A page open does what the
// call's page does (services/calls/call-page.ts): it reads the call's public file from storage (the CDN's work in the
// cloud, no function and no database) while it asks the function (`mineLater`); the call is on screen from whichever
// comes first. The function answers whole, or from its copy without the visitor's own part (the database refused
// it). A page without the visitor's part (from the file or the copy) asks again for it in the background only on a
// phone that remembers a sign-up for the call (here: the person's own sign-up was answered before they opened it);
// everyone else is shown 报名 at once and asks nothing more. An open gives up only when neither the file nor the
// function showed the call.
// Prints accepted, waitlisted, retried, failed, opens by how they were served, latency and round trips; exits
// non-zero if a seat was given past
// the capacity, a sign-up was lost or someone was told twice. Counters that disagree with the rows (a seat taken by
// a sign-up that could get neither its row nor the seat's return through the quota) are first repaired as the cloud
// would: by the remind timer, fired once.
// VIRAL_PROFILE=base (default) or =open (the quota lifted: what the call document itself allows).
// VIRAL_PAGE_FUNCTION=own sends the page opens to a second function of the same code (`page`, instances of its
// own, the same database): what a function of its own for the call's page would change.
// VIRAL_SCALE shrinks (or grows) the crowd and the places together, e.g. 0.2 for a quicker run of the same shape.
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { busyWait, mineLaterWait } from '@services/cloud/api'
import { BASE_QUOTA, type QuotaProfile } from '@emulator/quota'
import type { Call, SignUp } from '@core/model'
import { callFromPublicFile, publicCallPath } from '@core/calls/public-file'
import {
  callDoor,
  fetchStorageFile,
  insertBenchCall,
  latencySummary,
  openid,
  startBenchCloud,
  type DoorReply,
} from './harness'

const SCALE = Number(process.env.VIRAL_SCALE) || 1
const OPENERS = Math.round(2000 * SCALE)
const SIGNERS = Math.round(1500 * SCALE)
const CAPACITY = Math.round(300 * SCALE)
const WINDOW_MS = 60_000
const LATENCY = { dbLatencyMs: 8, docWriteMs: 4 }

const PROFILES: Record<string, QuotaProfile> = {
  base: { ...BASE_QUOTA, ...LATENCY },
  open: { ...BASE_QUOTA, dbQps: 100_000, dbConnections: 1_000, functionInstances: 1_000, ...LATENCY },
}

interface Outcome {
  who: number
  reply: DoorReply
  /** from the first tap to the final answer */
  ms: number
  /** sends after the first */
  retries: number
}

/**
 * A page open: shown whole by the function, from the call's public file, from the function's copy without the
 * visitor's part, or given up.
 */
interface Open extends Outcome {
  served: 'whole' | 'file' | 'copy' | 'gave up'
  /** from the tap to the call on screen */
  shownMs?: number
  /** from the tap to the visitor's own part on screen (whole at once, or asked for again), when it got there */
  mineMs?: number
  /** for a page shown without the visitor's part: how many times it asked again for it */
  asks: number
  /** the phone remembered a sign-up for the call, so a page without the visitor's part waited for it */
  remembered: boolean
}

const QUOTA_CODES = new Set([-501003, -501004])

function mineUnknown(reply: DoorReply): boolean {
  return reply.body.ok === true && (reply.body.data as { mineUnknown?: boolean }).mineUnknown === true
}

function busy(reply: DoorReply): boolean {
  const body = reply.body as { code?: string; errCode?: number }
  return body.code === 'BUSY' || (typeof body.errCode === 'number' && QUOTA_CODES.has(body.errCode))
}

/** One phone: sends, and while the cloud is busy waits (jittered, as the client) and sends again. */
async function asThePhoneDoes(
  action: 'getCall' | 'signUp',
  send: () => Promise<DoorReply>,
): Promise<{ reply: DoorReply; retries: number }> {
  const startedAt = Date.now()
  for (let attempt = 0; ; attempt++) {
    const reply = await sendOverKeptConnection(send)
    const wait = busy(reply) ? busyWait(action, attempt, Date.now() - startedAt) : null
    if (wait === null) return { reply, retries: attempt }
    await new Promise((done) => setTimeout(done, wait))
  }
}

/**
 * A kept-alive connection the server closed while idle (the waits are longer than its keep-alive) resets when
 * reused, before the request reaches the function: sent again on a fresh one, as a phone's network layer does.
 */
async function sendOverKeptConnection(send: () => Promise<DoorReply>): Promise<DoorReply> {
  for (let tries = 0; ; tries++) {
    try {
      return await send()
    } catch (err) {
      if ((err as { code?: string }).code !== 'ECONNRESET' || tries >= 3) throw err
    }
  }
}

async function main(): Promise<void> {
  const name = process.env.VIRAL_PROFILE ?? 'base'
  const profile = PROFILES[name]
  if (!profile) throw new Error(`VIRAL_PROFILE=${name}: base or open`)
  // What the function logged about a failure it answered INTERNAL to (the figures below name only the code).
  const failures: string[] = []
  const output = (text: string) => {
    if (/ failed:/.test(text)) failures.push(text.trim())
  }
  // the function the page opens go to: api, or (an experiment) a copy of it with instances of its own
  const pageFunction = process.env.VIRAL_PAGE_FUNCTION === 'own' ? 'page' : 'api'
  const cloud = await startBenchCloud(
    { quota: profile, output },
    ['remind'],
    pageFunction === 'page' ? { page: 'api' } : {},
  )
  const { emu } = cloud
  const call = insertBenchCall(emu, { capacity: CAPACITY, waitlist: true })
  const form = { callId: call._id, name: '志愿者', phone: '13800138000', privacyConsent: true }

  // The local cloud runs in this process: a long stall of its event loop holds every database request it serves.
  const loop = monitorEventLoopDelay({ resolution: 20 })
  loop.enable()
  const started = performance.now()
  const at = () => Math.random() * WINDOW_MS
  const openPage = (i: number) =>
    asThePhoneDoes('getCall', () =>
      callDoor(emu, pageFunction, { action: 'getCall', callId: call._id, mineLater: true }, openid(i)),
    )
  const filePath = publicCallPath(call._id)!
  // The call was published before it was shared: its public file is in storage (the function writes it when it
  // reads the call afresh for a page; here one open before the crowd does).
  await callDoor(emu, 'api', { action: 'getCall', callId: call._id })
  const fileReady = callFromPublicFile(await fetchStorageFile(emu, filePath), call._id) !== null
  let fileReads = 0
  /** the people whose sign-up has been answered: their phones remember it */
  const signedUp = new Set<number>()
  const opens = Array.from({ length: OPENERS }, async (_, i): Promise<Open> => {
    await new Promise((done) => setTimeout(done, at()))
    const t0 = performance.now()
    const remembered = signedUp.has(i)
    let fileShownAt: number | undefined
    let answered = false
    const file = fetchStorageFile(emu, filePath).then((body) => {
      fileReads++
      if (!answered && callFromPublicFile(body, call._id)) fileShownAt = performance.now()
    })
    const { reply, retries } = await openPage(i)
    answered = true
    await file
    const ms = performance.now() - t0
    const shownMs = fileShownAt !== undefined ? fileShownAt - t0 : reply.body.ok ? ms : undefined
    const open = { who: i, reply, ms, retries, shownMs, remembered }
    if (shownMs === undefined) return { ...open, served: 'gave up', asks: 0 }
    if (reply.body.ok && !mineUnknown(reply)) return { ...open, served: 'whole', mineMs: ms, asks: 0 }
    const served = reply.body.ok ? (fileShownAt !== undefined ? 'file' : 'copy') : 'file'
    // a newcomer on this phone: 报名 at once, nothing more asked
    if (!remembered) return { ...open, served, asks: 0 }
    // shown without the visitor's part on a phone that remembers a sign-up: it asks again, with its waits
    const askedAt = performance.now()
    for (let asks = 0; ; asks++) {
      const wait = mineLaterWait(asks, performance.now() - askedAt)
      if (wait === null) return { ...open, served, asks }
      await new Promise((done) => setTimeout(done, wait))
      const again = (await openPage(i)).reply
      if (again.body.ok && !mineUnknown(again))
        return { ...open, served, mineMs: performance.now() - t0, asks: asks + 1 }
    }
  })
  const signs = Array.from({ length: SIGNERS }, async (_, i): Promise<Outcome> => {
    await new Promise((done) => setTimeout(done, at()))
    const t0 = performance.now()
    const { reply, retries } = await asThePhoneDoes('signUp', () =>
      callDoor(emu, 'api', { action: 'signUp', ...form }, openid(i)),
    )
    if (reply.body.ok) signedUp.add(i)
    return { who: i, reply, ms: performance.now() - t0, retries }
  })
  const [opened, signed] = await Promise.all([Promise.all(opens), Promise.all(signs)])
  const seconds = (performance.now() - started) / 1000
  loop.disable()

  const answered = signed.filter((o) => o.reply.body.ok)
  const statusOf = (o: Outcome) => (o.reply.body.data as { signUp: { status: string } }).signUp.status
  const accepted = answered.filter((o) => statusOf(o) === 'confirmed').length
  const waitlisted = answered.filter((o) => statusOf(o) === 'waitlisted').length
  const failed = signed.length - answered.length
  const retried = signed.filter((o) => o.retries > 0).length
  const sends = signed.reduce((n, o) => n + o.retries, 0)
  const storedNow = () => ({
    rows: emu.store.collection('signups').find({ callId: call._id }) as unknown as SignUp[],
    stored: emu.store.collection('calls').get(call._id) as unknown as Call,
  })
  let { rows, stored } = storedNow()
  // A sign-up that took a seat and then could get neither its row nor the seat's return through the quota leaves
  // the seat held empty; the remind timer (every 5 minutes) recounts a call quiet for 3 minutes and moves the
  // queue. The bench runs without timers: here it fires once, as the cloud would, when the counters disagree.
  let repaired = ''
  const seatsOf = (r: SignUp[]) => r.filter((x) => x.status === 'confirmed').length
  const queueOf = (r: SignUp[]) => r.filter((x) => x.status === 'waitlisted').length
  if (stored.confirmed !== seatsOf(rows) || stored.waitlisted !== queueOf(rows)) {
    const before = `confirmed ${stored.confirmed} for ${seatsOf(rows)} rows, waitlisted ${stored.waitlisted} for ${queueOf(rows)}`
    emu.clock.set({ offsetMs: 4 * 60_000 })
    const run = await emu.timers.fire('remind')
    ;({ rows, stored } = storedNow())
    const report = run.ok
      ? (JSON.parse(run.json) as { data?: { repair?: unknown } }).data?.repair
      : run.errMsg
    repaired = `  counters before the remind timer's repair: ${before}; its repair: ${JSON.stringify(report)}`
  }
  const confirmedRows = rows.filter((r) => r.status === 'confirmed').length
  const perPerson = new Map<string, number>()
  for (const r of rows) perPerson.set(r.openid, (perPerson.get(r.openid) ?? 0) + 1)
  const createdTwice = new Map<number, number>()
  for (const o of answered)
    if ((o.reply.body.data as { created: boolean }).created)
      createdTwice.set(o.who, (createdTwice.get(o.who) ?? 0) + 1)
  const trips = (label: string) => emu.functions.roundTrips.get(label) ?? { invocations: 0, trips: 0 }

  console.log(
    `viral call (${name}${pageFunction === 'page' ? ', page opens on a function of their own' : ''}): ${OPENERS} open it and ${SIGNERS} sign up within ${WINDOW_MS / 1000} s; ${CAPACITY} places and a waitlist`,
  )
  console.log(`  quota ${JSON.stringify(profile)}`)
  console.log(`  all answered after ${seconds.toFixed(0)} s`)
  console.log(
    `  sign-ups: accepted ${accepted}, waitlisted ${waitlisted}, failed ${failed} (gave up after the last wait)`,
  )
  const codes = new Map<string, number>()
  for (const o of signed.filter((x) => !x.reply.body.ok)) {
    const body = o.reply.body as { code?: string; errCode?: number }
    const code = body.code ?? String(body.errCode)
    codes.set(code, (codes.get(code) ?? 0) + 1)
  }
  if (codes.size) console.log(`  failed with: ${JSON.stringify(Object.fromEntries(codes))}`)
  for (const failure of failures)
    console.log(`  the function logged: ${failure.split('\n').slice(0, 12).join('\n    ')}`)
  console.log(`  retried by the phone: ${retried} people, ${sends} sends again`)
  console.log(
    `  refused by the quota (each sent again by the function or the phone): ${JSON.stringify(emu.quota?.refused)}`,
  )
  console.log(`  sign-up latency, tap to answer: ${latencySummary(signed.map((o) => o.ms))}`)
  const servedAs = (how: Open['served']) => opened.filter((o) => o.served === how)
  const withoutMine = opened.filter((o) => (o.served === 'copy' || o.served === 'file') && o.remembered)
  const mineCame = withoutMine.filter((o) => o.mineMs !== undefined)
  const newcomers = opened.filter((o) => (o.served === 'copy' || o.served === 'file') && !o.remembered)
  console.log(
    `  the call's public file ${fileReady ? 'in storage before the crowd' : 'MISSING before the crowd'}; read ${fileReads} times`,
  )
  console.log(
    `  opening the call: shown whole ${servedAs('whole').length}, from the public file ${servedAs('file').length}, from the function's copy ${servedAs('copy').length}, gave up ${servedAs('gave up').length} (neither the file nor the function after the phone's last wait)`,
  )
  const gaveUpWith = new Map<string, number>()
  for (const o of servedAs('gave up')) {
    const body = o.reply.body as { code?: string; errCode?: number }
    const code = body.code ?? String(body.errCode)
    gaveUpWith.set(code, (gaveUpWith.get(code) ?? 0) + 1)
  }
  if (gaveUpWith.size) console.log(`  opens gave up with: ${JSON.stringify(Object.fromEntries(gaveUpWith))}`)
  for (const how of ['whole', 'file', 'copy'] as const) {
    const shown = servedAs(how)
    if (shown.length)
      console.log(`  tap to the call on screen, ${how}: ${latencySummary(shown.map((o) => o.shownMs!))}`)
  }
  console.log(
    `  shown without the visitor's part: ${newcomers.length} to phones that remember no sign-up for the call (报名 at once, nothing more asked); ${withoutMine.length} to phones that remember one`,
  )
  if (withoutMine.length)
    console.log(
      `  on those, the visitor's part came for ${mineCame.length} (tap to it: ${latencySummary(mineCame.map((o) => o.mineMs!))}), not within the page's waits for ${withoutMine.length - mineCame.length}; asked again ${withoutMine.reduce((n, o) => n + o.asks, 0)} times`,
    )
  console.log(
    `  the local cloud's event loop: delay p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms, longest ${(loop.max / 1e6).toFixed(0)} ms`,
  )
  for (const label of ['api.signUp', `${pageFunction}.getCall`]) {
    const t = trips(label)
    console.log(
      `  ${label}: ${t.invocations} invocations, ${t.trips} round trips (${(t.trips / Math.max(1, t.invocations)).toFixed(2)} each)`,
    )
  }
  if (repaired) console.log(repaired)
  const problems: string[] = []
  if (confirmedRows > CAPACITY || stored.confirmed > CAPACITY)
    problems.push(`over capacity: ${confirmedRows} rows`)
  if (stored.confirmed !== confirmedRows) problems.push(`counter ${stored.confirmed} ≠ rows ${confirmedRows}`)
  if (answered.length + failed !== SIGNERS) problems.push('a sign-up got no answer')
  for (const o of answered)
    if (!rows.some((r) => r.openid === openid(o.who) && r.status !== 'cancelled'))
      problems.push(`answered ${openid(o.who)} but stored nothing`)
  if ([...perPerson.values()].some((n) => n > 1)) problems.push('someone has two rows')
  if ([...createdTwice.values()].some((n) => n > 1)) problems.push('someone was told 报名成功 twice')
  // Told 候补 and still queued, or promoted since (a seat given back, e.g. by a sign-up that could not write its
  // row, goes to the head of the queue): never a seat without promotion.
  const rowOf = new Map(rows.map((r) => [r.openid, r]))
  const toldQueued = answered.filter((o) => statusOf(o) === 'waitlisted').map((o) => rowOf.get(openid(o.who)))
  const promotedSince = toldQueued.filter(
    (r) => r?.status === 'confirmed' && r.promotedAt !== undefined,
  ).length
  const stillQueued = toldQueued.filter((r) => r?.status === 'waitlisted').length
  if (stillQueued + promotedSince !== waitlisted)
    problems.push(`${waitlisted - stillQueued - promotedSince} told 候补 are neither queued nor promoted`)
  const queued = rows.filter((r) => r.status === 'waitlisted').length
  if (queued !== stillQueued) problems.push(`${queued - stillQueued} queued rows were not answered 候补`)
  // a seat held empty is the timer's to give to the queue: after its repair, none is
  if (confirmedRows < CAPACITY && queued > 0)
    problems.push(`${CAPACITY - confirmedRows} places empty while ${queued} wait`)
  if (promotedSince) console.log(`  promoted after being told 候补: ${promotedSince}`)
  console.log(
    problems.length
      ? `  PROBLEMS: ${problems.join('; ')}`
      : '  consistent: no seat past the capacity, none lost, none told twice',
  )
  await cloud.stop()
  if (problems.length) process.exit(1)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
