// Reminders and messages of a call in several sessions, through the real `remind` and `api` functions and the
// local cloud: each confirmed sign-up is reminded once, before its own session (found however far the call's first
// session lies behind), a cancelled session reminds nobody, a moved session re-reminds once for its new time, a
// promotion in a later session names that session's time, and queueForSession reaches that session's sign-ups only.
import { after, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { RemindReport } from '@functions/remind'
import { emptySlots, signUpIdFor } from '@core/calls/slots'
import { sessionCancelledMessage, sessionChangedMessage } from '@core/messages/messages'
import { reminderId } from '@core/messages/reminders'
import { DEFAULT_TEMPLATES } from '@core/messages/templates'
import { formatChinaTime } from '@core/shared/china-time'
import type { Call, CallSession, Message, SignUp } from '@core/model'
import { ALICE, BOB, call, DAY, HOUR, ngo, signUp, volunteer } from './docs'
import { startApi, type ApiHarness } from './harness'

const STARTING = DEFAULT_TEMPLATES.starting.id
const SIGNED_UP = DEFAULT_TEMPLATES.signedUp.id
const MINUTE = 60_000
const CAROL = volunteer(3)
const DAVE = volunteer(4)
const EVE = volunteer(5)

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())
beforeEach(() => {
  h.reset()
  h.emu.clock.set({ offsetMs: 0 })
})

interface Delivered {
  touser: string
  templateId: string
  data: Record<string, { value: string }>
  query: Record<string, string>
}
const outbox = () => h.emu.openapi.outbox() as unknown as Delivered[]
const reminders = () => outbox().filter((m) => m.templateId === STARTING)

async function remindAt(at: number): Promise<RemindReport> {
  h.emu.clock.set({ at })
  const result = await h.remind<RemindReport>()
  assert.ok(result.ok, JSON.stringify(result))
  return result.ok ? result.data : assert.fail()
}

/** Three weekly sessions (the last at its own place) × two roles: 引导员 (2 places) and 后勤 (1). */
function threeSessions(): { doc: Call; sessions: CallSession[] } {
  const first = Date.now() + 10 * DAY
  const sessions: CallSession[] = [0, 7, 14].map((days, i) => ({
    id: `s${i + 1}`,
    startAt: first + days * DAY,
    endAt: first + days * DAY + 4 * HOUR,
    ...(i === 2 ? { address: '民勤县红沙梁乡' } : {}),
  }))
  const base = call({
    startAt: sessions[0].startAt,
    endAt: sessions[2].endAt,
    signupDeadline: sessions[0].startAt - DAY,
    waitlist: true,
    questions: [],
    sessions,
    roles: [
      { id: 'r1', name: '引导员', description: '带路', capacity: 2 },
      { id: 'r2', name: '后勤', description: '发水', capacity: 1 },
    ],
    capacity: 3 * 3,
  })
  return { doc: { ...base, slots: emptySlots(base) }, sessions }
}

function inSlot(openid: string, slot: string, overrides: Partial<SignUp> = {}): SignUp {
  return signUp('trees', openid, { _id: signUpIdFor('trees', openid, slot), slot, ...overrides })
}

/** The call and its sign-ups, the call's counters set from the rows (as the api keeps them). */
function insert(doc: Call, rows: SignUp[]): void {
  const slots = structuredClone(doc.slots ?? {})
  for (const row of rows) {
    const counters = slots[row.slot as string]
    if (row.status === 'confirmed') counters.confirmed++
    if (row.status === 'waitlisted') counters.waitlisted++
  }
  const sum = (field: 'confirmed' | 'waitlisted') =>
    Object.values(slots).reduce((n, slot) => n + slot[field], 0)
  h.insert({
    ngos: [ngo()],
    calls: [{ ...doc, slots, confirmed: sum('confirmed'), waitlisted: sum('waitlisted') }],
    signups: rows,
  })
}

/** Alice: s1 引导员 and s2 引导员; Bob: s1 后勤 and s3 后勤; Carol: s3 引导员. Each accepted enough reminders. */
function fiveSignUps(): SignUp[] {
  const rows = [
    inSlot(ALICE, 's1-r1'),
    inSlot(BOB, 's1-r2'),
    inSlot(ALICE, 's2-r1'),
    inSlot(CAROL, 's3-r1'),
    inSlot(BOB, 's3-r2'),
  ]
  for (const row of rows) h.emu.openapi.subscribe(row.openid, STARTING)
  return rows
}

describe('reminders per session', () => {
  test('each confirmed sign-up is reminded once, before its own session, with its place and role', async () => {
    const { doc, sessions } = threeSessions()
    const [s1, s2, s3] = sessions
    insert(doc, fiveSignUps())

    assert.equal((await remindAt(s1.startAt - DAY - MINUTE)).reminders, 0)
    assert.equal((await remindAt(s1.startAt - DAY + 4 * MINUTE)).reminders, 2)
    assert.deepEqual(
      reminders()
        .map((m) => m.touser)
        .sort(),
      [ALICE, BOB].sort(),
    )
    assert.ok(reminders().every((m) => m.data.time2.value === formatChinaTime(s1.startAt)))
    const alice1 = reminders().find((m) => m.touser === ALICE) as Delivered
    assert.equal(alice1.query.m, reminderId(signUpIdFor('trees', ALICE, 's1-r1'), s1.startAt))
    assert.equal(alice1.data.thing3.value, '甘肃·民勤 民勤县西渠镇')
    assert.equal(alice1.data.thing4.value, '引导员 · 活动即将开始，请准时到达')
    assert.equal((await remindAt(s1.startAt - DAY + 9 * MINUTE)).reminders, 0, 'the next run writes none')
    assert.equal((await remindAt(s1.startAt + HOUR)).reminders, 0, 'nor during the first session')

    // A week on, the call's first session is over: its second is still found and reminded.
    assert.equal((await remindAt(s2.startAt - DAY - MINUTE)).reminders, 0)
    assert.equal((await remindAt(s2.startAt - DAY + 4 * MINUTE)).reminders, 1)
    const second = reminders().slice(2)
    assert.deepEqual(
      second.map((m) => [m.touser, m.data.time2.value]),
      [[ALICE, formatChinaTime(s2.startAt)]],
    )

    assert.equal((await remindAt(s3.startAt - 2 * HOUR)).reminders, 2)
    const third = reminders().slice(3)
    assert.deepEqual(third.map((m) => m.touser).sort(), [BOB, CAROL].sort())
    for (const m of third) {
      assert.equal(m.data.time2.value, formatChinaTime(s3.startAt))
      assert.equal(m.data.thing3.value, '甘肃·民勤 民勤县红沙梁乡', 'the session’s own place')
    }
    assert.equal(
      (third.find((m) => m.touser === BOB) as Delivered).data.thing4.value,
      '后勤 · 活动即将开始，请准时到达',
    )
    await remindAt(s3.startAt - HOUR)

    assert.equal(reminders().length, 5, 'one per sign-up, nothing twice')
    const written = h.messages({ kind: 'reminder' })
    assert.equal(written.length, 5)
    assert.ok(written.every((m) => m.status === 'sent'))
  })

  test('a cancelled session reminds nobody; a reminder written before the cancel is skipped', async () => {
    const { doc, sessions } = threeSessions()
    const [, s2] = sessions
    const cancelled = {
      ...doc,
      sessions: sessions.map((s) => (s.id === 's2' ? { ...s, cancelledAt: Date.now() } : s)),
    }
    insert({ ...cancelled, slots: emptySlots(cancelled) }, fiveSignUps())
    // Alice's s2 reminder, written by a run that died before sending it; then the session was cancelled.
    const stale: Message = {
      _id: reminderId(signUpIdFor('trees', ALICE, 's2-r1'), s2.startAt),
      kind: 'reminder',
      openid: ALICE,
      callId: 'trees',
      signUpId: signUpIdFor('trees', ALICE, 's2-r1'),
      templateId: '',
      data: { title: '旧', time: formatChinaTime(s2.startAt), place: '旧', note: '' },
      sendAt: s2.startAt - DAY,
      status: 'pending',
      attempts: 0,
      leaseUntil: 0,
      lastError: '',
      createdAt: s2.startAt - DAY,
    }
    h.emu.store.collection('messages').insert([stale as unknown as Record<string, unknown>])

    const report = await remindAt(s2.startAt - DAY + 4 * MINUTE)
    assert.equal(report.reminders, 0)
    assert.equal(reminders().length, 0)
    const [skipped] = h.messages({ _id: stale._id })
    assert.equal(skipped.status, 'skipped')
    assert.match(skipped.lastError, /session was cancelled/)
  })

  test('a session moved after its reminder went out is reminded once more, for its new time', async () => {
    const { doc, sessions } = threeSessions()
    const [, , s3] = sessions
    insert(doc, fiveSignUps())
    h.emu.openapi.subscribe(CAROL, STARTING)
    h.emu.openapi.subscribe(BOB, STARTING)
    await remindAt(s3.startAt - DAY + MINUTE)
    assert.equal(reminders().length, 2)

    const moved = s3.startAt + 2 * DAY
    const stored = h.call('trees') as Call
    h.emu.store.collection('calls').update(
      { _id: 'trees' },
      {
        $set: {
          sessions: (stored.sessions ?? []).map((s) =>
            s.id === 's3' ? { ...s, startAt: moved, endAt: moved + 4 * HOUR } : s,
          ),
          endAt: moved + 4 * HOUR,
        },
      },
      false,
    )
    assert.equal((await remindAt(s3.startAt - HOUR)).reminders, 0, 'not at the old time')
    assert.equal((await remindAt(moved - DAY + MINUTE)).reminders, 2)
    assert.equal((await remindAt(moved - DAY + 6 * MINUTE)).reminders, 0)
    const again = reminders().slice(2)
    assert.deepEqual(again.map((m) => m.touser).sort(), [BOB, CAROL].sort())
    assert.ok(again.every((m) => m.data.time2.value === formatChinaTime(moved)))
    assert.equal(reminders().length, 4)
  })
})

describe('messages follow the slot', () => {
  test('a sign-up that raced a session’s cancel is told by the next remind run, once; an old cancel is left', async () => {
    const { doc, sessions } = threeSessions()
    const cancelledAt = Date.now() - 2 * MINUTE
    const withCancels = {
      ...doc,
      sessions: sessions.map((s) =>
        s.id === 's2'
          ? { ...s, cancelledAt }
          : s.id === 's3'
            ? { ...s, cancelledAt: cancelledAt - 2 * HOUR }
            : s,
      ),
    }
    insert({ ...withCancels, slots: emptySlots(withCancels) }, fiveSignUps())
    const told = await h.remind<RemindReport>()
    assert.ok(told.ok)
    assert.equal(told.ok && told.data.cancelNotices, 1)
    const [message] = h.messages({ kind: 'cancelled' })
    const aliceS2 = signUpIdFor('trees', ALICE, 's2-r1')
    assert.equal(message._id, `cancelled_${aliceS2}_s2`)
    assert.equal(message.data.note, '引导员 · 本场活动已取消')
    assert.equal(message.data.time, formatChinaTime(sessions[1].startAt))
    const again = await h.remind<RemindReport>()
    assert.equal(again.ok && again.data.cancelNotices, 0)
    assert.equal(h.messages({ kind: 'cancelled' }).length, 1)
  })

  test('a promotion in a later session names that session’s time, place and role', async () => {
    const { doc, sessions } = threeSessions()
    const [, , s3] = sessions
    insert(doc, [
      inSlot(DAVE, 's3-r2'),
      inSlot(EVE, 's3-r2', { status: 'waitlisted', waitlistedAt: new Date(Date.now() - HOUR) }),
    ])
    h.emu.openapi.subscribe(EVE, SIGNED_UP)
    await h.apiOk('cancelSignUp', { callId: 'trees', slot: 's3-r2' }, DAVE)
    assert.equal(h.signUp(signUpIdFor('trees', EVE, 's3-r2'))?.status, 'confirmed')
    const [promoted] = h.messages({ kind: 'promoted' })
    assert.equal(promoted.openid, EVE)
    assert.equal(promoted.data.time, formatChinaTime(s3.startAt))
    assert.equal(promoted.data.place, '甘肃·民勤 民勤县红沙梁乡')
    assert.equal(promoted.data.note, '后勤 · 候补成功，你已获得名额')

    await remindAt(Date.now() + MINUTE)
    const [sent] = outbox().filter((m) => m.templateId === SIGNED_UP)
    assert.equal(sent.touser, EVE)
    assert.equal(sent.data.time2.value, formatChinaTime(s3.startAt))
  })

  test('queueForSession reaches the confirmed and waitlisted sign-ups of that session only, once', async () => {
    const { doc, sessions } = threeSessions()
    const [, s2] = sessions
    insert(doc, [
      ...fiveSignUps(),
      inSlot(DAVE, 's2-r2'),
      inSlot(EVE, 's2-r2', { status: 'waitlisted', waitlistedAt: new Date(Date.now() - HOUR) }),
      inSlot(CAROL, 's2-r1', { status: 'cancelled' }),
    ])
    // The lib runs in this process, with the real SDK pointed at the local cloud.
    Object.assign(process.env, h.emu.sdkEnv)
    const { queueForSession } = await import('@lib/messages/outbox')
    const stored = h.call('trees') as Call
    const moved = { ...s2, startAt: s2.startAt + HOUR, endAt: s2.endAt + HOUR, address: '民勤县收成镇' }
    const now = Date.now()
    const edit = () => queueForSession(stored, 's2', (s) => sessionChangedMessage(stored, moved, s, 4, now))
    assert.equal(await edit(), 3)
    assert.equal(await edit(), 3, 'a retried edit addresses them again')
    const changed = h.messages({ kind: 'changed' })
    assert.equal(changed.length, 3, '…and writes nothing twice')
    assert.deepEqual(changed.map((m) => m.openid).sort(), [ALICE, DAVE, EVE].sort())
    for (const m of changed) {
      assert.equal(m.data.time, formatChinaTime(moved.startAt))
      assert.equal(m.data.place, '甘肃·民勤 民勤县收成镇')
    }
    assert.equal(
      (changed.find((m) => m.openid === ALICE) as Message)._id,
      `changed_${signUpIdFor('trees', ALICE, 's2-r1')}_s2_v4`,
    )

    const cancelled = await queueForSession(stored, 's3', (s) =>
      sessionCancelledMessage(stored, s3Of(stored), s, '场地临时关闭', now),
    )
    assert.equal(cancelled, 2)
    assert.deepEqual(
      h
        .messages({ kind: 'cancelled' })
        .map((m) => [m.openid, m.data.note])
        .sort(),
      [
        [BOB, '场地临时关闭'],
        [CAROL, '场地临时关闭'],
      ].sort(),
    )
    assert.equal(await queueForSession(stored, 's9', () => assert.fail('no such session')), 0)
  })
})

function s3Of(doc: Call): CallSession {
  return (doc.sessions ?? []).find((s) => s.id === 's3') as CallSession
}
