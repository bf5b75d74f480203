// The public page of a call is kept a few seconds inside each warm instance of the function (lib/calls/
// public-call-cache.ts): what every visitor sees alike comes from that copy, what is the visitor's own is read each
// time. Run on one instance, so every open after the first finds the copy.
import { after, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { CallDetail, SignUpResponse } from '@core/calls/contract'
import { PUBLIC_CALL_TTL_MS } from '@lib/calls/public-call-cache'
import { REFRESH_EVERY_MS } from '@lib/calls/public-call-file'
import { ALICE, BOB, call, form, ngo, ORGANIZER, volunteer } from './docs'
import { startApi, type ApiHarness } from './harness'

let h: ApiHarness
before(async () => {
  h = await startApi({ instances: 1 })
})
after(() => h.stop())
beforeEach(() => {
  h.reset()
  // every test starts past the copies an earlier one left
  h.emu.clock.set({ offsetMs: h.emu.clock.offsetMs + PUBLIC_CALL_TTL_MS })
  h.insert({ ngos: [ngo({ admins: [ORGANIZER] })], calls: [call({ _id: 'trees', capacity: 30 })] })
})

function tripsOfGetCall(): number {
  return h.emu.functions.roundTrips.get('api.getCall')?.trips ?? 0
}

describe('the shared page of a call', () => {
  test('a page served from the copy shows each visitor only their own sign-up', async () => {
    await h.apiOk<SignUpResponse>('signUp', form('trees', { name: '爱丽丝', phone: '13911112222' }), ALICE)
    const anonymous = await h.apiOk<CallDetail>('getCall', { callId: 'trees' })
    const bob = await h.apiOk<CallDetail>('getCall', { callId: 'trees' }, BOB)
    const alice = await h.apiOk<CallDetail>('getCall', { callId: 'trees' }, ALICE)
    const bobAgain = await h.apiOk<CallDetail>('getCall', { callId: 'trees' }, BOB)
    for (const page of [anonymous, bob, bobAgain]) {
      assert.equal(page.mySignUp, null)
      assert.deepEqual(page.mySignUps, [])
      const text = JSON.stringify(page)
      assert.ok(
        !text.includes(ALICE) && !text.includes('爱丽丝') && !text.includes('1111'),
        'nothing of Alice',
      )
    }
    assert.equal(alice.mySignUp?.status, 'confirmed')
    assert.equal(alice.mySignUp?.phone, '139****2222')
  })

  test('someone with a sign-up sees the call as stored now, not the copy', async () => {
    await h.apiOk<CallDetail>('getCall', { callId: 'trees' }, BOB) // the copy: 30 places left
    await h.apiOk<SignUpResponse>('signUp', form('trees'), BOB)
    const page = await h.apiOk<CallDetail>('getCall', { callId: 'trees' }, BOB)
    assert.equal(page.mySignUp?.status, 'confirmed')
    assert.equal(page.spotsLeft, 29)
  })

  test('an edited, then closed call is seen within the TTL', async () => {
    assert.equal((await h.apiOk<CallDetail>('getCall', { callId: 'trees' })).spotsLeft, 30)
    await h.apiOk('updateCall', { callId: 'trees', capacity: 50 }, ORGANIZER)
    h.emu.clock.set({ offsetMs: h.emu.clock.offsetMs + PUBLIC_CALL_TTL_MS })
    assert.equal((await h.apiOk<CallDetail>('getCall', { callId: 'trees' }, BOB)).spotsLeft, 50)
    await h.apiOk('closeCall', { callId: 'trees' }, ORGANIZER)
    h.emu.clock.set({ offsetMs: h.emu.clock.offsetMs + PUBLIC_CALL_TTL_MS })
    assert.equal((await h.apiOk<CallDetail>('getCall', { callId: 'trees' }, BOB)).signupOpen, false)
  })

  test('a draft is never kept: its organizer sees it, nobody else does', async () => {
    h.insert({ calls: [call({ _id: 'draft', status: 'draft' })] })
    assert.equal((await h.apiOk<CallDetail>('getCall', { callId: 'draft' }, ORGANIZER)).status, 'draft')
    const reply = await h.api('getCall', { callId: 'draft' }, BOB)
    assert.equal(reply.ok ? 'OK' : reply.code, 'NOT_FOUND')
  })

  test('a burst of opens reads the call once, and each visitor’s own sign-ups once', async () => {
    const before = tripsOfGetCall()
    const startedAt = Date.now()
    const opens = 40
    for (let i = 0; i < opens; i++) await h.apiOk<CallDetail>('getCall', { callId: 'trees' }, volunteer(i))
    const anonymousOpens = 10
    for (let i = 0; i < anonymousOpens; i++) await h.apiOk<CallDetail>('getCall', { callId: 'trees' })
    const trips = tripsOfGetCall() - before
    // One instance: the call is read once per TTL it took (without the copy: once per open), and one query is made
    // per signed-in visitor (none for the anonymous ones). A read afresh may also write the call's public file
    // (public-call-file.ts: at most once per 10 s per instance), which costs one more read, to verify it.
    const elapsed = Date.now() - startedAt + 1
    const copies = Math.ceil(elapsed / PUBLIC_CALL_TTL_MS)
    const files = Math.ceil(elapsed / REFRESH_EVERY_MS)
    assert.ok(
      trips >= opens + 1 && trips <= opens + copies + files,
      `${trips} round trips for ${opens} + ${copies} + ${files}`,
    )
  })
})
