// The NGO directory and profiles through the real SDK and the local cloud: only verified NGOs, filters by
// province and cause, map points from calls, and transparency figures counted from the calls themselves.
import { after, before, beforeEach, test } from 'node:test'
import assert from 'node:assert/strict'
import type { ListNgosResponse, NgoProfile } from '@core/ngos/contract'
import { ALICE, BOB, call, DAY, ngo, ORGANIZER, signUp, volunteer } from './docs'
import { startApi, type ApiHarness } from './harness'

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())

const PENDING_OWNER = 'oTEST_pending_owner_0000001'

beforeEach(() => {
  h.reset()
  const past = Date.now() - 30 * DAY
  h.insert({
    ngos: [
      ngo({ causes: ['环境保护', '乡村振兴'] }),
      ngo({
        _id: 'ngo-bj',
        name: '银龄陪伴',
        city: '北京',
        causes: ['助老'],
        admins: ['oTEST_bj_owner_000000000001'],
      }),
      ngo({
        _id: 'ngo-gs2',
        name: '河西助学',
        city: '甘肃·张掖',
        causes: ['助学'],
        admins: ['oTEST_gs_owner_000000000001'],
      }),
      ngo({
        _id: 'ngo-new',
        name: '新机构',
        status: 'pending',
        causes: ['环境保护'],
        admins: [PENDING_OWNER],
      }),
    ],
    calls: [
      call({ location: { lat: 38.6, lng: 103.1 } }),
      call({
        _id: 'held',
        startAt: past,
        endAt: past + 8 * 3_600_000,
        signupDeadline: past - DAY,
        status: 'closed',
      }),
      call({
        _id: 'called-off',
        startAt: past,
        endAt: past + DAY,
        signupDeadline: past - DAY,
        status: 'cancelled',
      }),
      call({ _id: 'draft', status: 'draft' }),
    ],
    signups: [
      signUp('held', ALICE, { status: 'attended', hours: 6, hoursConfirmedAt: Date.now() - DAY }),
      signUp('held', BOB, { status: 'attended', hours: 3 }),
      signUp('held', '', {
        _id: 'held_walkin_13900139000',
        walkIn: true,
        status: 'attended',
        phone: '13900139000',
        hours: 1.5,
        hoursConfirmedAt: Date.now() - DAY,
      }),
      signUp('held', volunteer(4), { status: 'no_show' }),
      signUp('held', volunteer(3), { status: 'cancelled' }),
      signUp('called-off', volunteer(4), { status: 'confirmed' }),
      signUp('trees', volunteer(5), { status: 'confirmed' }),
    ],
  })
})

test('the directory lists verified NGOs only, filtered by province and cause', async () => {
  const all = await h.apiOk<ListNgosResponse>('listNgos', {})
  assert.deepEqual(all.items.map((n) => n.name).sort(), ['民勤治沙', '河西助学', '银龄陪伴'].sort())
  const gansu = await h.apiOk<ListNgosResponse>('listNgos', { province: '甘肃' })
  assert.deepEqual(gansu.items.map((n) => n._id).sort(), ['ngo-gs2', 'ngo-minqin'])
  const beijing = await h.apiOk<ListNgosResponse>('listNgos', { province: '北京', cause: '助老' })
  assert.deepEqual(
    beijing.items.map((n) => n._id),
    ['ngo-bj'],
  )
  const minqin = gansu.items.find((n) => n._id === 'ngo-minqin')
  assert.equal(minqin?.openCalls, 1)
  assert.deepEqual(minqin?.location, { lat: 38.6, lng: 103.1 })
  assert.equal(minqin?.verified, true)
  const bad = await h.api('listNgos', { province: '火星', cause: { $ne: 1 } })
  assert.ok(!bad.ok && bad.code === 'INVALID_INPUT' && bad.fields?.province && bad.fields.cause)
})

test('a long directory comes in pages by name: every NGO once, same names kept apart by id', async () => {
  // 120 more verified NGOs in 甘肃, names repeating so that pages break inside a run of equal names
  h.insert({
    ngos: Array.from({ length: 120 }, (_, i) =>
      ngo({ _id: `ngo-many-${String(i).padStart(3, '0')}`, name: `甘肃公益${i % 7}`, admins: [] }),
    ),
  })
  const seen: string[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const page: ListNgosResponse = await h.apiOk<ListNgosResponse>('listNgos', {
      province: '甘肃',
      ...(cursor ? { cursor } : {}),
    })
    seen.push(...page.items.map((n) => n._id))
    cursor = page.nextCursor
    pages++
  } while (cursor && pages < 10)
  assert.equal(pages, 3)
  assert.equal(seen.length, 122)
  assert.equal(new Set(seen).size, 122, 'no NGO twice')
  const byName = h.emu.store
    .collection('ngos')
    .find({ status: 'verified', city: /^甘肃/ })
    .map((n) => [String(n.name), String(n._id)] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : 1))
    .map(([, id]) => id)
  assert.deepEqual(seen, byName)

  const before = h.snapshot()
  const bad = await h.api('listNgos', { cursor: 'not a cursor' })
  assert.ok(!bad.ok && bad.code === 'INVALID_INPUT' && bad.fields?.cursor)
  assert.deepEqual(h.snapshot(), before)
})

test('a profile shows open and past calls and figures counted from them', async () => {
  const profile = await h.apiOk<NgoProfile>('getNgo', { ngoId: 'ngo-minqin' })
  assert.deepEqual(
    profile.openCalls.map((c) => c._id),
    ['trees'],
  )
  assert.deepEqual(
    profile.pastCalls.map((c) => c._id),
    ['held'],
  )
  // the cancelled call was not held, the draft is not shown; only confirmed hours count (Alice's and the
  // walk-in's): Bob's await confirmation, the no-show and the cancelled sign-up served none
  assert.deepEqual(profile.figures, { callsHeld: 1, volunteers: 2, hours: 7.5 })
})

test('an NGO under review has no public profile, except for its own organizers', async () => {
  const stranger = await h.api('getNgo', { ngoId: 'ngo-new' }, ALICE)
  assert.equal(stranger.ok ? 'OK' : stranger.code, 'NOT_FOUND')
  const own = await h.apiOk<NgoProfile>('getNgo', { ngoId: 'ngo-new' }, PENDING_OWNER)
  assert.equal(own.ngo.verified, false)
  assert.equal((await h.api('getNgo', { ngoId: 'nope' }, ORGANIZER)).ok, false)
})
