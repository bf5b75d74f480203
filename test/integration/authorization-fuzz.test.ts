// The authorization fuzz: every action × every identity × generated requests that name other NGOs' calls, NGOs
// and sign-ups, unknown ids, ids of the wrong kind, wrong types and extra fields naming other resources. Through
// the shipped function and the local cloud. For each request it checks, independently of how the gate works:
//   - a refusal changes nothing;
//   - an organizer's action changes only documents of an NGO the caller organizes (the takeover of an NGO through
//     `createInvite {ngoId: <theirs>, callId: <mine>}` changed another NGO's document);
//   - an organizer's action succeeds only for the organizers of the NGO named by the request's target field;
//   - no response carries a phone number, an openid or an answer the caller may not see;
//   - nothing answers INTERNAL: bad input is the caller's error, never the server's.
// Seeded and replayable: SEED=<n> picks the random requests, FUZZ_ROUNDS=<n> how many per action and identity.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { signUpIdFor } from '@core/calls/slots'
import type { Call, SignUp } from '@core/model'
import { call, DAY, HOUR, ngo, QUESTIONS, signUp } from './docs'
import { startApi, type ApiHarness } from './harness'
import { callForm, REGISTRATION } from './ngo-docs'

const SEED = Number(process.env.SEED ?? Date.now() % 100_000)
const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 3)

// The world: two verified NGOs (A with an owner and a co-organizer, B with its owner), one pending NGO, calls of
// each, and sign-ups whose phones, openids and answers are the secrets.
const OWNER_A = 'oFUZZ_owner_a_0000000000001'
const CO_A = 'oFUZZ_coorganizer_a_000001'
const OWNER_B = 'oFUZZ_owner_b_0000000000001'
const OWNER_P = 'oFUZZ_owner_pending_0000001'
const VOL = 'oFUZZ_volunteer_000000000001'
const VOL2 = 'oFUZZ_volunteer_000000000002'
const NEWCOMER = 'oFUZZ_newcomer_00000000001'
const ADMIN = 'oFUZZ_platform_admin_000001'

const IDENTITIES = {
  anonymous: undefined,
  newcomer: NEWCOMER,
  volunteer: VOL,
  otherOrganizer: OWNER_B,
  coOrganizer: CO_A,
  owner: OWNER_A,
  platformAdmin: ADMIN,
} as const

const ADMINS: Record<string, string[]> = {
  'ngo-a': [OWNER_A, CO_A],
  'ngo-b': [OWNER_B],
  'ngo-p': [OWNER_P],
}

function world(): { calls: Call[]; signups: SignUp[] } {
  const now = Date.now()
  const past = { startAt: now - 3 * DAY, endAt: now - 3 * DAY + 4 * HOUR, signupDeadline: now - 4 * DAY }
  const calls = [
    call({ _id: 'a-open', ngoId: 'ngo-a', waitlist: true, confirmed: 1 }),
    call({ _id: 'a-draft', ngoId: 'ngo-a', status: 'draft' }),
    call({ _id: 'a-today', ngoId: 'ngo-a', startAt: now - HOUR, endAt: now + 3 * HOUR, confirmed: 1 }),
    call({ _id: 'b-open', ngoId: 'ngo-b', confirmed: 1 }),
    call({ _id: 'b-past', ngoId: 'ngo-b', ...past, confirmed: 2 }),
  ]
  const served = {
    status: 'attended' as const,
    checkedInAt: past.startAt,
    hours: 4,
    hoursConfirmedAt: now - DAY,
  }
  const signups = [
    signUp('a-open', VOL, { phone: '13911110001', answers: { planted: '参加过', words: 'SECRET-A1' } }),
    signUp('a-today', VOL2, { phone: '13911110002', answers: { planted: '参加过', words: 'SECRET-A2' } }),
    signUp('b-open', VOL2, { phone: '13911110003', answers: { planted: '参加过', words: 'SECRET-B1' } }),
    signUp('b-past', VOL, {
      phone: '13911110004',
      answers: { planted: '参加过', words: 'SECRET-B2' },
      ...served,
    }),
    signUp('b-past', VOL2, {
      phone: '13911110005',
      answers: { planted: '参加过', words: 'SECRET-B3' },
      ...served,
    }),
  ]
  return { calls, signups }
}

let h: ApiHarness
/** callId → ngoId */
const CALLS = new Map(world().calls.map((c) => [c._id, c.ngoId]))
before(async () => {
  h = await startApi()
})
after(() => h.stop())

function seed(): void {
  h.reset()
  const { calls, signups } = world()
  h.insert({
    ngos: [
      ngo({ _id: 'ngo-a', name: '甲机构', admins: ADMINS['ngo-a'], inviteCode: 'InviteA2345' }),
      ngo({ _id: 'ngo-b', name: '乙机构', admins: ADMINS['ngo-b'], inviteCode: 'InviteB2345' }),
      ngo({ _id: 'ngo-p', name: '待审核机构', status: 'pending', admins: ADMINS['ngo-p'] }),
    ],
    calls,
    signups,
  })
  h.emu.store.collection('users').insert([{ _id: ADMIN, roles: ['admin'] }])
}

/**
 * Who may see each secret: the volunteer it belongs to and the organizers of the NGO whose call it is on (an
 * openid on sign-ups of two NGOs may be seen by either's organizers: they hold its sign-up id).
 */
function secrets(): Map<string, Set<string>> {
  const seen = new Map<string, Set<string>>()
  const add = (text: string, by: string[]) => {
    const set = seen.get(text) ?? new Set<string>()
    for (const o of by) set.add(o)
    seen.set(text, set)
  }
  for (const s of world().signups) {
    const by = [s.openid, ...ADMINS[CALLS.get(s.callId) ?? '']]
    add(s.phone, by)
    add(String(s.answers.words), by)
    add(s.openid, by)
  }
  // organizers' openids: their teams see keys (the last 8 characters), never the openid itself
  for (const admins of Object.values(ADMINS)) for (const o of admins) add(o, [o])
  add(ADMIN, [ADMIN])
  return seen
}

// What the generator draws from.
const CALL_IDS = [
  'a-open',
  'a-draft',
  'a-today',
  'b-open',
  'b-past',
  'nope',
  'ngo-a',
  signUpIdFor('b-open', VOL2),
]
const NGO_IDS = ['ngo-a', 'ngo-b', 'ngo-p', 'nope', 'b-open']
const SIGN_UP_IDS = [
  signUpIdFor('a-open', VOL),
  signUpIdFor('a-today', VOL2),
  signUpIdFor('b-open', VOL2),
  signUpIdFor('b-past', VOL),
  signUpIdFor('b-past', VOL2),
  'nope',
  'b-past',
]
const WRONG_TYPES: unknown[] = [
  123,
  {},
  [],
  null,
  true,
  { toString: 'x' },
  '',
  'x'.repeat(300),
  '../ngo-b',
  { $ne: null },
]
/** Fields naming other resources, added to a request: the gate must act on the field the action uses, only. */
const EXTRAS: Record<string, unknown>[] = [
  { callId: 'nope' },
  { callId: 'b-open' },
  { callId: 'a-open' },
  { ngoId: 'ngo-b' },
  { ngoId: 'nope' },
  { signUpId: signUpIdFor('b-open', VOL2) },
  { openid: OWNER_A },
  { _openid: OWNER_B },
  { admins: [NEWCOMER] },
  { referrer: VOL2 },
  { status: 'verified' },
]

type Target = 'callId' | 'ngoId' | 'callOrNgo' | null
type Audience = 'everyone' | 'signedIn' | 'organizers' | 'owner' | 'platform'

/** action → [a valid request about NGO A, its audience, the field that names what it acts on] */
const ACTIONS: Record<string, [Record<string, unknown>, Audience, Target]> = {
  listCalls: [{ keyword: '植树' }, 'everyone', null],
  getCall: [{ callId: 'a-open' }, 'everyone', null],
  signUp: [
    {
      callId: 'a-open',
      name: '新人',
      phone: '13700001111',
      answers: { planted: '参加过' },
      privacyConsent: true,
    },
    'signedIn',
    null,
  ],
  cancelSignUp: [{ callId: 'a-open' }, 'signedIn', null],
  mySignUps: [{}, 'signedIn', null],
  getPhoneNumber: [{ code: 'not-a-real-code' }, 'signedIn', null],
  subscribeTemplates: [{}, 'everyone', null],
  recordSubscriptions: [{ callId: 'a-open', accepted: [], requestId: 'tap1' }, 'signedIn', null],
  prepareShare: [{ callId: 'a-open' }, 'signedIn', null],
  callShareStats: [{ callId: 'a-open' }, 'organizers', 'callId'],
  myRecruits: [{}, 'signedIn', null],
  closeCall: [{ callId: 'a-open' }, 'organizers', 'callId'],
  cancelCall: [{ callId: 'a-open', reason: '天气' }, 'organizers', 'callId'],
  updateCall: [{ callId: 'a-open', capacity: 40 }, 'organizers', 'callId'],
  addSessions: [
    { callId: 'a-open', sessions: [{ startAt: Date.now() + 30 * DAY, endAt: Date.now() + 30 * DAY + HOUR }] },
    'organizers',
    'callId',
  ],
  setSlotCapacity: [{ callId: 'a-open', slot: 's1', capacity: 40 }, 'organizers', 'callId'],
  updateSession: [{ callId: 'a-open', sessionId: 's1', address: '新地点' }, 'organizers', 'callId'],
  cancelSession: [{ callId: 'a-open', sessionId: 's1', reason: '天气' }, 'organizers', 'callId'],
  saveRole: [{ callId: 'a-open', name: '摄影', description: '', capacity: 2 }, 'organizers', 'callId'],
  registerNgo: [REGISTRATION, 'signedIn', null],
  myNgo: [{}, 'signedIn', null],
  pendingNgos: [{}, 'platform', null],
  verifyNgo: [{ ngoId: 'ngo-p' }, 'platform', null],
  rejectNgo: [{ ngoId: 'ngo-p', reason: '材料不全' }, 'platform', null],
  saveCall: [{ ngoId: 'ngo-a', ...callForm() }, 'organizers', 'callOrNgo'],
  publishCall: [{ callId: 'a-draft' }, 'organizers', 'callId'],
  roster: [{ callId: 'a-open' }, 'organizers', 'callId'],
  exportRoster: [{ callId: 'a-open' }, 'organizers', 'callId'],
  listNgos: [{}, 'everyone', null],
  getNgo: [{ ngoId: 'ngo-a' }, 'everyone', null],
  createInvite: [{ ngoId: 'ngo-a' }, 'owner', 'ngoId'],
  joinNgo: [{ code: 'InviteA2345', name: '小周' }, 'signedIn', null],
  removeOrganizer: [{ ngoId: 'ngo-a', key: CO_A.slice(-8) }, 'owner', 'ngoId'],
  checkInCode: [{ callId: 'a-today', mode: 'in' }, 'organizers', 'callId'],
  checkIn: [{ code: `c.a-today.in.1.${'A'.repeat(43)}` }, 'signedIn', null],
  personalCode: [{}, 'signedIn', null],
  markAttendance: [
    { callId: 'a-today', mode: 'in', signUpId: signUpIdFor('a-today', VOL2) },
    'organizers',
    'callId',
  ],
  addWalkIn: [{ callId: 'a-today', name: '路过的人', phone: '13900139000' }, 'organizers', 'callId'],
  checkOutAll: [{ callId: 'a-today' }, 'organizers', 'callId'],
  offlinePasses: [{}, 'signedIn', null],
  offlineRoster: [{ callId: 'a-today' }, 'organizers', 'callId'],
  syncCheckIns: [
    {
      callId: 'a-today',
      sessionId: 's1',
      records: [{ id: 'phone1-1', mode: 'in', at: Date.now(), signUpId: signUpIdFor('a-today', VOL2) }],
    },
    'organizers',
    'callId',
  ],
  editHours: [
    { callId: 'a-today', signUpId: signUpIdFor('a-today', VOL2), hours: 2, reason: '补录时长' },
    'organizers',
    'callId',
  ],
  confirmHours: [{ callId: 'a-today' }, 'organizers', 'callId'],
  markNoShows: [{ callId: 'a-today' }, 'organizers', 'callId'],
  attendance: [{ callId: 'a-today' }, 'organizers', 'callId'],
  setHoursRule: [{ ngoId: 'ngo-a', rule: { zeroBelow: 10, halfBelow: 40 } }, 'organizers', 'ngoId'],
  myHours: [{}, 'signedIn', null],
  exportHours: [{ ngoId: 'ngo-a', from: Date.now() - 30 * DAY, to: Date.now() + DAY }, 'organizers', 'ngoId'],
  issueCertificate: [{ signUpId: signUpIdFor('b-past', VOL) }, 'signedIn', null],
  myCertificates: [{}, 'signedIn', null],
  verifyCertificate: [{ code: '7KQ4-M9XC-2HDW' }, 'everyone', null],
  deleteMyData: [{ confirm: '删除' }, 'signedIn', null],
  exportInsuranceList: [{ callId: 'a-open' }, 'owner', 'callId'],
  notifyVolunteers: [
    { callId: 'a-open', text: '明早八点集合', audience: 'confirmed', requestId: 'notice1' },
    'organizers',
    'callId',
  ],
  callNotices: [{ callId: 'a-open' }, 'signedIn', null],
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * The requests tried for one action and identity: the valid one; the valid one with each extra field; its ids
 * swapped for the other NGO's (every one of them); then `ROUNDS` random mutations (ids drawn from every pool, a
 * field of the wrong type, extras).
 */
function requests(base: Record<string, unknown>, random: () => number): Record<string, unknown>[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]
  const pools: Record<string, readonly unknown[]> = {
    callId: CALL_IDS,
    ngoId: NGO_IDS,
    signUpId: SIGN_UP_IDS,
    signUpIds: [[signUpIdFor('b-past', VOL)], [signUpIdFor('a-today', VOL2)], ['nope']],
  }
  const list = [{ ...base }, ...EXTRAS.map((extra) => ({ ...base, ...extra }))]
  const swaps: Record<string, unknown> = {
    callId: 'b-open',
    ngoId: 'ngo-b',
    signUpId: signUpIdFor('b-past', VOL2),
  }
  const swapped = Object.fromEntries(Object.entries(swaps).filter(([field]) => field in base))
  if (Object.keys(swapped).length > 0) list.push({ ...base, ...swapped })
  for (let round = 0; round < ROUNDS; round++) {
    const body: Record<string, unknown> = { ...base }
    for (const [field, pool] of Object.entries(pools))
      if (field in body && random() < 0.8) body[field] = pick(pool)
    const fields = Object.keys(body)
    if (fields.length > 0 && random() < 0.4) body[pick(fields)] = pick(WRONG_TYPES)
    if (random() < 0.5) Object.assign(body, pick(EXTRAS))
    list.push(body)
  }
  return list
}

/** The NGO a stored document belongs to (null: not an NGO's document). */
function ngoOf(collection: string, doc: Record<string, unknown>, calls: Map<string, string>): string | null {
  if (collection === 'ngos') return String(doc._id)
  if (typeof doc.ngoId === 'string') return doc.ngoId
  if (typeof doc.callId === 'string') return calls.get(doc.callId) ?? `call:${doc.callId}`
  if (collection === 'mediaReviews') {
    return doc.collection === 'ngos' ? String(doc.docId) : (calls.get(String(doc.docId)) ?? null)
  }
  return null
}

/** Documents added, removed or changed between two snapshots, with their collection. */
function changes(before: string, after: string): { collection: string; doc: Record<string, unknown> }[] {
  const index = (snapshot: string) =>
    new Map(
      (JSON.parse(snapshot) as [string, Record<string, unknown>[]][]).flatMap(([name, docs]) =>
        docs.map((doc) => [`${name}/${String(doc._id)}`, { collection: name, doc }] as const),
      ),
    )
  const a = index(before)
  const b = index(after)
  const changed: { collection: string; doc: Record<string, unknown> }[] = []
  for (const [key, entry] of b)
    if (JSON.stringify(a.get(key)?.doc) !== JSON.stringify(entry.doc)) changed.push(entry)
  for (const [key, entry] of a) if (!b.has(key)) changed.push(entry)
  // rate-limit counters count every request, refused or not: by design, and nobody's data
  return changed.filter((c) => c.collection !== 'rateLimits')
}

/** The NGO named by the request's target field, as an attacker would have to pass it. */
function namedNgo(body: Record<string, unknown>, target: Target): string | null {
  const byCall = () => (typeof body.callId === 'string' ? (CALLS.get(body.callId) ?? null) : null)
  const byNgo = () => (typeof body.ngoId === 'string' ? body.ngoId : null)
  if (target === 'callId') return byCall()
  if (target === 'ngoId') return byNgo()
  if (target === 'callOrNgo') return body.callId !== undefined ? byCall() : byNgo()
  return null
}

const SECRETS = secrets()

describe(`authorization fuzz (SEED=${SEED} FUZZ_ROUNDS=${ROUNDS})`, () => {
  const random = mulberry32(SEED)
  for (const [action, [base, audience, target]] of Object.entries(ACTIONS)) {
    test(action, async () => {
      for (const [who, openid] of Object.entries(IDENTITIES)) {
        for (const body of requests(base, random)) {
          seed()
          const before = h.snapshot()
          const result = await h.api(action, body, openid)
          const after = h.snapshot()
          const what = `${action} as ${who} with ${JSON.stringify(body)} → ${JSON.stringify(result).slice(0, 300)}`

          assert.ok(result.ok || result.code !== 'INTERNAL', `INTERNAL: ${what}`)
          const changed = changes(before, after)
          if (!result.ok) assert.deepEqual(changed, [], `a refusal changed something: ${what}`)

          if (audience === 'organizers' || audience === 'owner') {
            for (const { collection, doc } of changed) {
              const owner = ngoOf(collection, doc, CALLS)
              const allowed = owner !== null && ADMINS[owner]?.includes(openid ?? '')
              assert.ok(allowed, `changed ${collection}/${String(doc._id)} of ${owner}: ${what}`)
            }
            if (result.ok) {
              const named = namedNgo(body, target)
              const team = named ? (ADMINS[named] ?? []) : []
              const may = audience === 'owner' ? team[0] === openid : team.includes(openid ?? '')
              assert.ok(may, `succeeded for someone not organizing ${named}: ${what}`)
            }
          }

          const text = JSON.stringify(result)
          for (const [secret, seenBy] of SECRETS) {
            if (text.includes(secret) && !seenBy.has(openid ?? ''))
              assert.fail(`leaked ${secret} to ${who}: ${what}`)
          }
        }
      }
    })
  }
})

test('the fuzz covers every action of the api function', async () => {
  const { permissionTable } = await import('@functions/api/registry')
  assert.deepEqual(Object.keys(permissionTable()).sort(), Object.keys(ACTIONS).sort())
  assert.ok(
    QUESTIONS.some((q) => q.id === 'words'),
    'the secrets are answers to the fixture call’s question',
  )
})
