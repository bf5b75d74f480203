// A public call's page as a file in cloud storage (lib/calls/public-call-file.ts): written after every change of
// what the page shows, exactly the anonymous visitor's getCall answer or a tombstone, converging when writers race,
// kept fresh for the places left by getCall's own reads, and never failing the organizer's action. Run on one
// instance, so the instance's memory of what it wrote (and its copy of the call) is the one every request meets.
import { after, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { CallDetail, SaveCallResponse } from '@core/calls/contract'
import { callFromPublicFile, publicCallPath, type PublicCallFile } from '@core/calls/public-file'
import { PUBLIC_CALL_TTL_MS } from '@lib/calls/public-call-cache'
import { REFRESH_EVERY_MS } from '@lib/calls/public-call-file'
import { StorageError } from '@emulator/storage'
import { ALICE, BOB, call, DAY, form, HOUR, ngo, ORGANIZER } from './docs'
import { callForm } from './ngo-docs'
import { startApi, type ApiHarness } from './harness'

const ADMIN = 'oTEST_platform_admin_0000001'
const CONTACT_PHONE = '13905710000'
let h: ApiHarness
let seq = 0
/** storage outlives h.reset(): each test's calls get ids of their own */
let id: (name: string) => string

before(async () => {
  h = await startApi({ instances: 1 })
})
after(() => h.stop())
beforeEach(() => {
  h.reset()
  const run = ++seq
  id = (name) => `${name}-${run}`
  // past any copy or write an earlier test left in the instance
  later(REFRESH_EVERY_MS + PUBLIC_CALL_TTL_MS)
  h.emu.store.collection('users').insert([{ _id: ADMIN, roles: ['admin'] }])
  h.insert({
    ngos: [
      ngo({
        admins: [ORGANIZER],
        contact: CONTACT_PHONE,
        contactPhone: CONTACT_PHONE,
        contactName: '王青',
        organizerNames: { [ORGANIZER]: '王青' },
      }),
    ],
  })
})

const later = (ms: number) => h.emu.clock.set({ offsetMs: h.emu.clock.offsetMs + ms })

function fileOf(callId: string): PublicCallFile | undefined {
  const path = publicCallPath(callId)
  assert.ok(path)
  const content = h.emu.storage.read(path)
  return content ? (JSON.parse(content.toString('utf8')) as PublicCallFile) : undefined
}

function publicCall(callId: string): CallDetail {
  const file = fileOf(callId)
  assert.ok(file, `a file for ${callId}`)
  assert.ok(!('removed' in file), `${callId}'s file is not a tombstone: ${JSON.stringify(file)}`)
  return file.call
}

function assertTombstone(callId: string): void {
  const file = fileOf(callId)
  assert.ok(file, `a file for ${callId}`)
  assert.deepEqual({ ...file, writtenAt: 0 }, { v: 1, callId, writtenAt: 0, removed: true })
  assert.equal(callFromPublicFile(file, callId), null)
}

/** Writes a file into storage as an earlier (or racing) writer left it. */
function writeFile(callId: string, file: object): void {
  const path = publicCallPath(callId)
  assert.ok(path)
  const { token } = h.emu.storage.uploadMetadata(path)
  assert.ok(h.emu.storage.put(path, token, Buffer.from(JSON.stringify(file))))
}

async function published(): Promise<string> {
  const { call: draft } = await h.apiOk<SaveCallResponse>(
    'saveCall',
    { ngoId: 'ngo-minqin', ...callForm() },
    ORGANIZER,
  )
  await h.apiOk('publishCall', { callId: draft._id }, ORGANIZER)
  return draft._id
}

function tripsOfGetCall(): number {
  return h.emu.functions.roundTrips.get('api.getCall')?.trips ?? 0
}

describe('the public file of a call', () => {
  test('publishing writes what an anonymous visitor sees, nothing personal; a draft has none', async () => {
    const { call: draft } = await h.apiOk<SaveCallResponse>(
      'saveCall',
      { ngoId: 'ngo-minqin', ...callForm({ title: '西溪湿地清洁日' }) },
      ORGANIZER,
    )
    assert.equal(fileOf(draft._id), undefined, 'a draft has no file')
    await h.apiOk('publishCall', { callId: draft._id }, ORGANIZER)
    const writtenOnPublish = fileOf(draft._id)
    assert.ok(writtenOnPublish && !('removed' in writtenOnPublish), 'publishing wrote the file')
    assert.equal(writtenOnPublish.call.status, 'open')
    const anonymous = await h.apiOk<CallDetail>('getCall', { callId: draft._id })
    await h.apiOk('signUp', form(draft._id, { answers: { q1: '是' } }), ALICE)

    const file = fileOf(draft._id)
    assert.ok(file && !('removed' in file))
    assert.equal(file.v, 1)
    assert.equal(file.callId, draft._id)
    assert.equal(typeof file.writtenAt, 'number')
    assert.deepEqual(file.call, anonymous, 'exactly what an anonymous getCall answered')
    assert.equal(file.call.status, 'open')
    assert.equal(file.call.title, '西溪湿地清洁日')
    assert.equal(file.call.ngo.name, '民勤治沙')
    assert.equal(file.call.spotsLeft, 2, 'as published: the sign-up did not write it')
    assert.equal(file.call.mySignUp, null)
    assert.deepEqual(file.call.mySignUps, [])
    assert.deepEqual(callFromPublicFile(file, draft._id), file.call)

    const text = JSON.stringify(file)
    for (const personal of [
      ORGANIZER,
      ALICE,
      CONTACT_PHONE,
      '13800138000',
      '王青',
      '林晓',
      'openid',
      'admins',
    ])
      assert.ok(!text.includes(personal), `the file holds no ${personal}`)
  })

  test('an edit, a close and a cancel each rewrite it', async () => {
    const callId = await published()
    await h.apiOk('updateCall', { callId, address: '西溪湿地西门' }, ORGANIZER)
    assert.equal(publicCall(callId).address, '西溪湿地西门')
    await h.apiOk('updateCall', { callId, capacity: 5 }, ORGANIZER)
    assert.equal(publicCall(callId).spotsLeft, 5)
    await h.apiOk('closeCall', { callId }, ORGANIZER)
    assert.equal(publicCall(callId).status, 'closed')
    assert.equal(publicCall(callId).signupOpen, false)
    await h.apiOk('cancelCall', { callId, reason: '天气原因' }, ORGANIZER)
    assert.equal(publicCall(callId).status, 'cancelled')
  })

  test('a new session shows, and the next session once the first is under way', async () => {
    const callId = id('sessions')
    const start = Date.now() + 10 * DAY
    h.insert({ calls: [call({ _id: callId, startAt: start, endAt: start + 4 * HOUR })] })
    await h.apiOk(
      'addSessions',
      { callId, sessions: [{ startAt: start + 7 * DAY, endAt: start + 7 * DAY + HOUR }] },
      ORGANIZER,
    )
    assert.equal(publicCall(callId).sessions.length, 2)
    assert.equal(publicCall(callId).capacity, 60)
    assert.equal(publicCall(callId).startAt, start)

    // the first session under way: the remind run lists the call by its next one, and its page shows that too
    const offsetMs = h.emu.clock.offsetMs
    h.emu.clock.set({ offsetMs: start + HOUR - Date.now() })
    try {
      const report = await h.remind<{ nextSessions: number }>()
      assert.equal(report.ok && report.data.nextSessions, 1)
    } finally {
      h.emu.clock.set({ offsetMs })
    }
    assert.equal(publicCall(callId).startAt, start + 7 * DAY)
  })

  test('an NGO no longer verified leaves tombstones; verified again, its calls are public again', async () => {
    const callId = await published()
    assert.equal(publicCall(callId).ngo.verified, true)
    // an admin's change of the NGO (as a suspension would), then its review rejects it
    h.emu.store.collection('ngos').update({ _id: 'ngo-minqin' }, { $set: { status: 'pending' } }, false)
    await h.apiOk('rejectNgo', { ngoId: 'ngo-minqin', reason: '请上传登记证书' }, ADMIN)
    assertTombstone(callId)
    const anonymous = await h.api('getCall', { callId })
    assert.equal(anonymous.ok ? 'OK' : anonymous.code, 'NOT_FOUND', 'the file says what getCall says')
    await h.apiOk('verifyNgo', { ngoId: 'ngo-minqin' }, ADMIN)
    assert.equal(publicCall(callId).ngo.verified, true)
    assert.equal(publicCall(callId).title, '西溪湿地清洁日')
  })

  test('a stale file left by an earlier writer is overwritten by the next sync', async () => {
    const callId = await published()
    const stale = { ...fileOf(callId) } as PublicCallFile
    h.emu.store.collection('ngos').update({ _id: 'ngo-minqin' }, { $set: { status: 'pending' } }, false)
    await h.apiOk('rejectNgo', { ngoId: 'ngo-minqin', reason: '请上传登记证书' }, ADMIN)
    assertTombstone(callId)
    writeFile(callId, stale) // a writer that read the call before the rejection lands last
    assert.ok(callFromPublicFile(fileOf(callId), callId), 'the stale file shows the call')
    await h.apiOk('rejectNgo', { ngoId: 'ngo-minqin', reason: '请上传登记证书' }, ADMIN)
    assertTombstone(callId)
  })

  test('a takedown landing between a writer’s read and its write is not left public', async () => {
    const callId = await published()
    await h.apiOk('closeCall', { callId }, ORGANIZER) // the file now says closed
    const storage = h.emu.storage
    const put = storage.put.bind(storage)
    const path = publicCallPath(callId)
    let puts = 0
    // the first upload of this sync: the NGO is rejected (calls rewritten) after the writer read the call
    storage.put = (cloudPath, token, content) => {
      if (cloudPath === path && ++puts === 1) {
        h.emu.store.collection('ngos').update({ _id: 'ngo-minqin' }, { $set: { status: 'rejected' } }, false)
        h.emu.store.collection('calls').update({ _id: callId }, { $set: { 'ngo.verified': false } }, false)
      }
      return put(cloudPath, token, content)
    }
    try {
      // a getCall after the TTL reads the call afresh: capacity changed behind the file's back (no sync), so it writes
      h.emu.store.collection('calls').update({ _id: callId }, { $set: { capacity: 9 } }, false)
      later(PUBLIC_CALL_TTL_MS + REFRESH_EVERY_MS)
      const page = await h.apiOk<CallDetail>('getCall', { callId })
      assert.equal(page.capacity, 9, 'the visitor got the call as read')
    } finally {
      storage.put = put
    }
    assert.equal(puts, 2, 'written, then written again after the verifying read')
    assertTombstone(callId)
  })

  test('sign-ups show in the file through getCall’s fresh reads, at most every 10 s, with one read to verify', async () => {
    const callId = await published()
    assert.equal(publicCall(callId).spotsLeft, 2)
    later(PUBLIC_CALL_TTL_MS)
    let trips = tripsOfGetCall()
    await h.apiOk<CallDetail>('getCall', { callId }) // read afresh; the file is current: nothing written
    assert.equal(tripsOfGetCall() - trips, 1, 'one read of the call, as without the file')
    const writtenAt = fileOf(callId)?.writtenAt

    await h.apiOk('signUp', form(callId, { answers: { q1: '是' } }), ALICE)
    await h.apiOk<CallDetail>('getCall', { callId }) // the copy: no read, no write
    assert.equal(publicCall(callId).spotsLeft, 2)
    assert.equal(fileOf(callId)?.writtenAt, writtenAt)

    later(PUBLIC_CALL_TTL_MS + REFRESH_EVERY_MS)
    trips = tripsOfGetCall()
    assert.equal((await h.apiOk<CallDetail>('getCall', { callId })).spotsLeft, 1)
    assert.equal(tripsOfGetCall() - trips, 2, 'the read, and the read that verifies the write')
    assert.equal(publicCall(callId).spotsLeft, 1)

    await h.apiOk('signUp', form(callId, { answers: { q1: '否' } }), BOB)
    later(PUBLIC_CALL_TTL_MS) // read afresh, but this instance wrote the file 3 s ago
    assert.equal((await h.apiOk<CallDetail>('getCall', { callId }, ALICE)).spotsLeft, 0)
    assert.equal(publicCall(callId).spotsLeft, 1, 'not written again within 10 s')
    later(REFRESH_EVERY_MS)
    await h.apiOk<CallDetail>('getCall', { callId })
    assert.equal(publicCall(callId).spotsLeft, 0)
  })

  test('bad ids never make a path', async () => {
    for (const bad of ['../x', 'public/calls/x', 'a b', '', 'x'.repeat(200)]) {
      assert.equal(publicCallPath(bad), null)
      const reply = await h.api('getCall', { callId: bad })
      assert.equal(reply.ok ? 'OK' : reply.code, 'INVALID_INPUT')
      const closed = await h.api('closeCall', { callId: bad }, ORGANIZER)
      assert.equal(closed.ok ? 'OK' : closed.code, 'INVALID_INPUT')
    }
    await published()
    for (const path of h.emu.storage.paths().filter((p) => p.startsWith('public/')))
      assert.match(path, /^public\/calls\/[A-Za-z0-9_-]+\.json$/)
  })

  test('storage refusing the file does not fail the organizer’s action; a later read writes it', async () => {
    const callId = await published()
    const storage = h.emu.storage
    const uploadMetadata = storage.uploadMetadata.bind(storage)
    storage.uploadMetadata = () => {
      throw new StorageError('storage is down')
    }
    try {
      const closed = await h.apiOk<{ call: CallDetail }>('closeCall', { callId }, ORGANIZER)
      assert.equal(closed.call.status, 'closed')
    } finally {
      storage.uploadMetadata = uploadMetadata
    }
    assert.equal(h.call(callId)?.status, 'closed')
    assert.equal(publicCall(callId).status, 'open', 'the file was not written')
    later(PUBLIC_CALL_TTL_MS + REFRESH_EVERY_MS)
    await h.apiOk<CallDetail>('getCall', { callId })
    assert.equal(publicCall(callId).status, 'closed')
  })
})
