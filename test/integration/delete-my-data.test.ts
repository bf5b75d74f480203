// 删除我的数据 through the shipped `api` function and the local cloud: a volunteer's bookings ahead are given back
// (the waitlist moves up), every sign-up keeps the NGO's record but not the person's name, phone or answers,
// certificates and their pictures go, unsent messages, the referrer code and the users doc go; the NGO's figures
// and other volunteers' data stay as they were; a retry completes a half-done deletion and changes nothing more;
// a wrong confirmation, an anonymous caller and an organizer are refused with nothing changed.
import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import type { MySignUpsResponse } from '@core/calls/contract'
import type { IssueCertificateResponse, VerifyCertificateResponse } from '@core/certificates/contract'
import type { MyHoursResponse } from '@core/attendance/contract'
import type { NgoProfile } from '@core/ngos/contract'
import type { RosterResponse } from '@core/calls/contract'
import { ERASED_NAME } from '@core/privacy/privacy'
import type { DeleteMyDataResponse } from '@core/privacy/contract'
import type { PrepareShareResponse } from '@core/sharing/contract'
import type { Message, SignUp } from '@core/model'
import { ALICE, BOB, call, DAY, form, HOUR, ngo, ORGANIZER, signUp, volunteer } from './docs'
import { startApi, type ApiHarness } from './harness'

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())

const CAROL = volunteer(3)
const DAN = volunteer(4)
const PAST = Date.now() - 10 * DAY

const id = (callId: string, openid: string) => `${callId}_${openid}`
const docs = (name: string, filter: Record<string, unknown> = {}) =>
  h.emu.store.collection(name).find(filter) as unknown as Record<string, unknown>[]

/** Everything stored about others: not about ALICE, nor BOB's seat (which her seat goes to) and its message. */
function othersData(): string {
  const kept = ['ngos', 'signups', 'messages', 'certificates', 'referrers', 'shareActivities', 'users']
  return JSON.stringify(
    kept.map((name) => [
      name,
      docs(name)
        .filter((doc) => doc.openid !== ALICE && doc._id !== ALICE && doc._id !== id('trees', BOB))
        .filter((doc) => !(name === 'messages' && doc.openid === BOB && doc.kind === 'promoted')),
    ]),
  )
}

/**
 * ALICE: a seat on `trees` (BOB waits behind her), a waitlist place on `river` (behind CAROL's seat), a past
 * attendance with confirmed hours and its certificate (with a stored picture), messages, a referrer code, a
 * share activity and a users doc. DAN served on the past call too.
 */
async function seedAlice(): Promise<{ code: string; pictureUrl: string }> {
  h.reset()
  const waitedAt = new Date(Date.now() - DAY)
  h.insert({
    ngos: [ngo()],
    calls: [
      call({ capacity: 1, waitlist: true, confirmed: 1, waitlisted: 1 }),
      call({ _id: 'river', title: '石羊河清洁', capacity: 1, waitlist: true, confirmed: 1, waitlisted: 1 }),
      call({
        _id: 'past',
        title: '春季固沙',
        startAt: PAST,
        endAt: PAST + 8 * HOUR,
        signupDeadline: PAST - 2 * DAY,
        status: 'closed',
        confirmed: 2,
      }),
    ],
    signups: [
      signUp('trees', ALICE, {
        name: '林晓',
        answers: { planted: '参加过', words: '我对沙尘过敏，需要口罩' },
        subscriptions: { tplReminder: 2 },
        subscriptionRequests: ['tap-1'],
      }),
      signUp('trees', BOB, { name: '王堃', status: 'waitlisted', waitlistedAt: waitedAt }),
      signUp('river', CAROL, { name: '陈琳' }),
      signUp('river', ALICE, { name: '林晓', status: 'waitlisted', waitlistedAt: waitedAt }),
      ...[ALICE, DAN].map((openid, n) =>
        signUp('past', openid, {
          name: n === 0 ? '林晓' : '赵丹',
          status: 'attended',
          checkedInAt: PAST,
          checkedOutAt: PAST + 3 * HOUR,
          hours: 3 - n,
          hoursConfirmedAt: PAST + DAY,
          hoursConfirmedBy: ORGANIZER,
        }),
      ),
    ],
  })
  const messages = h.emu.store.collection('messages')
  const message = (openid: string, kind: Message['kind'], status: Message['status']): Message => ({
    _id: `${kind}_trees_${openid}`,
    kind,
    openid,
    callId: 'trees',
    signUpId: id('trees', openid),
    templateId: status === 'sent' ? 'tplReminder' : '',
    data: { title: '民勤梭梭林植树志愿者招募', name: '林晓' },
    sendAt: Date.now() + DAY,
    status,
    attempts: status === 'sent' ? 1 : 0,
    leaseUntil: 0,
    lastError: '',
    createdAt: Date.now() - DAY,
  })
  messages.insert([
    message(ALICE, 'reminder', 'pending'),
    message(ALICE, 'changed', 'sending'),
    message(ALICE, 'cancelled', 'sent'),
    message(CAROL, 'reminder', 'pending'),
  ] as unknown as Record<string, unknown>[])
  h.emu.store.collection('users').insert([
    { _id: ALICE, roles: [], nickname: '小林' },
    { _id: CAROL, roles: [], nickname: '琳琳' },
  ])
  await h.apiOk<PrepareShareResponse>('prepareShare', { callId: 'trees' }, ALICE)
  await h.apiOk<PrepareShareResponse>('prepareShare', { callId: 'river' }, CAROL)
  const { certificate } = await h.apiOk<IssueCertificateResponse>(
    'issueCertificate',
    { signUpId: id('past', ALICE) },
    ALICE,
  )
  await h.apiOk('issueCertificate', { signUpId: id('past', DAN) }, DAN) // another's, which stays
  // the picture the poster function would have stored for it
  const res = await fetch(`${h.emu.url}/upload?folder=certificates`, {
    method: 'POST',
    headers: { 'x-wx-openid': ALICE },
    body: Buffer.from('89504e470d0a1a0a', 'hex'),
  })
  const picture = (await res.json()) as { fileID: string; url: string }
  assert.equal((await fetch(picture.url)).status, 200)
  h.emu.store.collection('posters').insert([
    {
      _id: 'certificates:picture-of-alice.png',
      fileID: picture.fileID,
      certificateNo: certificate.certificateNo,
    },
  ])
  return { code: certificate.code, pictureUrl: picture.url }
}

const deleteMyData = (openid: string | undefined, body: object = { confirm: '删除' }) =>
  h.api<DeleteMyDataResponse>('deleteMyData', body, openid)

async function figures() {
  return (await h.apiOk<NgoProfile>('getNgo', { ngoId: 'ngo-minqin' })).figures
}

function assertErased(signUp: SignUp | undefined): void {
  assert.ok(signUp)
  assert.equal(signUp.name, ERASED_NAME)
  assert.equal(signUp.phone, '')
  assert.deepEqual(signUp.answers, {})
  assert.equal(signUp.subscriptions, undefined)
  assert.equal(signUp.subscriptionRequests, undefined)
  assert.equal(typeof signUp.erasedAt, 'number')
}

describe('deleteMyData', () => {
  let seeded: { code: string; pictureUrl: string }
  beforeEach(async () => {
    seeded = await seedAlice()
  })

  test('gives back bookings ahead, erases every sign-up, keeps the NGO’s record and figures', async () => {
    const figuresBefore = await figures()
    const others = othersData()
    const past = h.signUp(id('past', ALICE))

    const result = await deleteMyData(ALICE)
    assert.deepEqual(result, { ok: true, data: { cancelled: 2, erased: 3 } })

    // her seat went to BOB, her waitlist place is gone, the counters say so
    assert.equal(h.signUp(id('trees', ALICE))?.status, 'cancelled')
    assert.equal(h.signUp(id('trees', BOB))?.status, 'confirmed')
    assert.equal(h.messages({ kind: 'promoted', openid: BOB }).length, 1, 'BOB is told of his seat')
    assert.equal(h.signUp(id('river', ALICE))?.status, 'cancelled')
    assert.deepEqual([h.call('trees')?.confirmed, h.call('trees')?.waitlisted], [1, 0])
    assert.deepEqual([h.call('river')?.confirmed, h.call('river')?.waitlisted], [1, 0])

    // every sign-up anonymised; the attendance and confirmed hours stay as they were
    for (const callId of ['trees', 'river', 'past']) assertErased(h.signUp(id(callId, ALICE)))
    const erasedPast = h.signUp(id('past', ALICE))
    for (const key of [
      'status',
      'checkedInAt',
      'checkedOutAt',
      'hours',
      'hoursConfirmedAt',
      'createdAt',
    ] as const)
      assert.deepEqual(erasedPast?.[key], past?.[key], key)
    assert.deepEqual(await figures(), figuresBefore, 'the NGO’s figures are unchanged')

    // the certificate is void, its picture gone
    assert.equal(docs('certificates', { openid: ALICE }).length, 0)
    const verified = await h.apiOk<VerifyCertificateResponse>('verifyCertificate', { code: seeded.code })
    assert.deepEqual(verified, { status: 'unknown' })
    assert.equal((await fetch(seeded.pictureUrl)).status, 404, 'the stored picture is deleted')
    assert.equal(docs('posters').length, 0)

    // unsent messages gone, the sent one keeps no text; sharing and the users doc gone
    assert.deepEqual(
      docs('messages', { openid: ALICE }).map((m) => [m._id, m.status, m.data]),
      [[`cancelled_trees_${ALICE}`, 'sent', {}]],
    )
    assert.equal(docs('referrers', { openid: ALICE }).length, 0)
    assert.equal(docs('shareActivities', { openid: ALICE }).length, 0)
    assert.equal(docs('users', { _id: ALICE }).length, 0)

    assert.equal(othersData(), others, 'other volunteers’ data byte for byte unchanged')

    // her own lists are empty
    assert.deepEqual(await h.apiOk<MySignUpsResponse>('mySignUps', {}, ALICE), { upcoming: [], past: [] })
    assert.equal((await h.apiOk<MyHoursResponse>('myHours', {}, ALICE)).events.length, 0)
    const reissue = await h.api('issueCertificate', { signUpId: id('past', ALICE) }, ALICE)
    assert.equal(reissue.ok ? 'OK' : reissue.code, 'NOT_FOUND')
  })

  test('the NGO’s roster, exports and attendance show 已注销志愿者 without breaking', async () => {
    assert.ok((await deleteMyData(ALICE)).ok)
    const roster = await h.apiOk<RosterResponse>('roster', { callId: 'past' }, ORGANIZER)
    const entry = roster.entries.find((e) => e.name === ERASED_NAME)
    assert.ok(entry, JSON.stringify(roster.entries))
    assert.equal(entry.phone, '')
    assert.deepEqual(entry.answers, {})
    await h.apiOk('exportRoster', { callId: 'past' }, ORGANIZER)
    await h.apiOk('attendance', { callId: 'past' }, ORGANIZER)
    await h.apiOk('exportHours', { ngoId: 'ngo-minqin', from: PAST - DAY, to: Date.now() }, ORGANIZER)
  })

  test('a second call changes nothing more', async () => {
    assert.ok((await deleteMyData(ALICE)).ok)
    const before = h.snapshot()
    assert.deepEqual(await deleteMyData(ALICE), { ok: true, data: { cancelled: 0, erased: 0 } })
    assert.equal(h.snapshot(), before)
  })

  test('a deletion that stopped half-way (seat given back, one sign-up erased) is completed by a retry', async () => {
    // what an instance dying after its first steps leaves: the trees seat given back to BOB, that row erased
    h.emu.store
      .collection('signups')
      .update(
        { _id: id('trees', ALICE) },
        { $set: { status: 'cancelled', name: ERASED_NAME, phone: '', answers: {}, erasedAt: Date.now() } },
        false,
      )
    h.emu.store
      .collection('signups')
      .update({ _id: id('trees', BOB) }, { $set: { status: 'confirmed' } }, false)
    h.emu.store.collection('calls').update({ _id: 'trees' }, { $set: { waitlisted: 0 } }, false)

    assert.deepEqual(await deleteMyData(ALICE), { ok: true, data: { cancelled: 1, erased: 2 } })
    for (const callId of ['trees', 'river', 'past'])
      assert.equal(h.signUp(id(callId, ALICE))?.name, ERASED_NAME)
    assert.deepEqual([h.call('trees')?.confirmed, h.call('trees')?.waitlisted], [1, 0])
    assert.deepEqual([h.call('river')?.confirmed, h.call('river')?.waitlisted], [1, 0])
    assert.equal(docs('certificates', { openid: ALICE }).length, 0)
    assert.equal(docs('messages', { openid: ALICE, status: 'pending' }).length, 0)
    assert.equal(docs('users', { _id: ALICE }).length, 0)
  })

  test('a platform admin keeps the admin role, not the nickname', async () => {
    h.emu.store.collection('users').update({ _id: ALICE }, { $set: { roles: ['admin'] } }, false)
    assert.ok((await deleteMyData(ALICE)).ok)
    assert.deepEqual(docs('users', { _id: ALICE }), [{ _id: ALICE, roles: ['admin'] }])
  })

  test('coming back after deleting: a new sign-up is theirs again', async () => {
    assert.ok((await deleteMyData(ALICE)).ok)
    await h.apiOk('cancelSignUp', { callId: 'trees' }, BOB)
    await h.apiOk('signUp', form('trees', { answers: { planted: '参加过' } }), ALICE)
    const again = h.signUp(id('trees', ALICE))
    assert.equal(again?.name, '林晓')
    assert.equal(again?.erasedAt, undefined)
    assert.equal((await h.apiOk<MySignUpsResponse>('mySignUps', {}, ALICE)).upcoming.length, 1)
  })

  for (const [label, body] of [
    ['no confirmation', {}],
    ['a different word', { confirm: '删' }],
    ['not a string', { confirm: true }],
  ] as const) {
    test(`${label}: INVALID_INPUT, nothing changed`, async () => {
      const before = h.snapshot()
      const result = await deleteMyData(ALICE, body)
      assert.equal(result.ok ? 'OK' : result.code, 'INVALID_INPUT')
      assert.equal(h.snapshot(), before)
    })
  }

  test('anonymous: UNAUTHENTICATED, nothing changed', async () => {
    const before = h.snapshot()
    const result = await deleteMyData(undefined)
    assert.equal(result.ok ? 'OK' : result.code, 'UNAUTHENTICATED')
    assert.equal(h.snapshot(), before)
  })

  test('an organizer (owner or co-organizer) is refused with ORGANIZER_CANNOT_DELETE, nothing changed', async () => {
    h.emu.store
      .collection('ngos')
      .update({ _id: 'ngo-minqin' }, { $set: { admins: [ORGANIZER, ALICE] } }, false)
    h.insert({ signups: [signUp('river', ORGANIZER, { status: 'waitlisted', waitlistedAt: new Date() })] })
    for (const openid of [ALICE, ORGANIZER]) {
      const before = h.snapshot()
      const result = await deleteMyData(openid)
      assert.equal(result.ok ? 'OK' : result.code, 'ORGANIZER_CANNOT_DELETE')
      if (!result.ok) assert.match(result.message, /机构负责人将你移出/)
      assert.equal(h.snapshot(), before)
    }
  })
})
