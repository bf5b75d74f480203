// Organizers' notices to a call's sign-ups, through the real api and remind functions: stored and shown to those
// addressed, one WeChat message each through the outbox (the 活动变更/取消通知 template), retried taps sent once,
// risky text and a sixth notice of the day refused with nothing stored.
import { after, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { CallNoticesResponse, NotifyVolunteersResponse } from '@core/messages/contract'
import { formatChinaTime } from '@core/shared/china-time'
import { DEFAULT_TEMPLATES } from '@core/messages/templates'
import { ALICE, BOB, call, HOUR, ngo, ORGANIZER, signUp, volunteer } from './docs'
import { startApi, type ApiHarness } from './harness'

const CHANGED = DEFAULT_TEMPLATES.changed.id
const CAROL = volunteer(3) // waitlisted
const DAN = volunteer(4) // cancelled
const STRANGER = volunteer(5)
const CO_ORGANIZER = 'oTEST_co_organizer_000000001'
const TEXT = '明早八点在西渠镇政府门口集合，请带好手套和水壶，风大注意防晒。'

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())

/** ALICE and BOB hold seats (ALICE allowed one 活动变更 message), CAROL waits, DAN cancelled. */
beforeEach(() => {
  h.reset()
  h.insert({
    ngos: [ngo({ admins: [ORGANIZER, CO_ORGANIZER], organizerNames: { [ORGANIZER]: '阿梅' } })],
    calls: [call({ capacity: 2, confirmed: 2, waitlisted: 1, waitlist: true })],
    signups: [
      signUp('trees', ALICE, { subscriptions: { [CHANGED]: 1 } }),
      signUp('trees', BOB),
      signUp('trees', CAROL, { status: 'waitlisted', waitlistedAt: new Date(Date.now() - HOUR) }),
      signUp('trees', DAN, { status: 'cancelled', cancelledAt: Date.now() - HOUR }),
    ],
  })
  h.emu.openapi.subscribe(ALICE, CHANGED)
})

const notify = (body: object = {}, openid: string | undefined = ORGANIZER) =>
  h.api<NotifyVolunteersResponse>(
    'notifyVolunteers',
    { callId: 'trees', text: TEXT, audience: 'confirmed', requestId: 'tap1', ...body },
    openid,
  )

async function refused(body: object, openid: string | undefined, code: string) {
  const before = h.snapshot()
  const result = await h.api(
    'notifyVolunteers',
    { callId: 'trees', text: TEXT, audience: 'confirmed', requestId: 'tap1', ...body },
    openid,
  )
  assert.equal(result.ok ? 'OK' : result.code, code, JSON.stringify(result))
  assert.equal(h.snapshot(), before, 'nothing changed')
  return result.ok ? undefined : result.fields
}

describe('notifyVolunteers', () => {
  test('one message per confirmed sign-up, with the 活动变更 texts; stored once', async () => {
    const result = await notify()
    assert.ok(result.ok, JSON.stringify(result))
    const { notice, addressed, withReminderAllowed } = result.data
    assert.equal(addressed, 2)
    assert.equal(withReminderAllowed, 1, 'only ALICE allowed a message')
    assert.equal(notice.text, TEXT)
    assert.equal(notice.from, '阿梅')
    const messages = h.messages({ kind: 'notice' })
    assert.deepEqual(messages.map((m) => m.openid).sort(), [ALICE, BOB].sort())
    const alice = messages.find((m) => m.openid === ALICE)
    assert.equal(alice?._id, `notice_trees_${ALICE}_${notice._id}`)
    assert.deepEqual(alice?.data, {
      title: '民勤梭梭林植树志愿者招募',
      time: formatChinaTime(h.call('trees')?.startAt ?? 0),
      place: '甘肃·民勤 民勤县西渠镇',
      note: '明早八点在西渠镇政府门口集合，请带好手…',
    })
    assert.equal(Array.from(alice?.data.note ?? '').length, 20, 'clipped to a thing field')
  })

  test('a retry with the same requestId changes nothing; another tap is another notice', async () => {
    const first = await notify()
    assert.ok(first.ok)
    const before = h.snapshot()
    const again = await notify()
    assert.deepEqual(again, first)
    assert.equal(h.snapshot(), before, 'nothing stored or queued twice')
    const other = await notify({ requestId: 'tap2', text: '集合地点改到镇政府西门' })
    assert.ok(other.ok)
    assert.notEqual(other.data.notice._id, first.data.notice._id)
    assert.equal(h.messages({ kind: 'notice' }).length, 4)
  })

  test('the waitlist only with audience all; checked in: yes; cancelled sign-ups and walk-ins never', async () => {
    const EVE = volunteer(6)
    h.insert({
      signups: [
        signUp('trees', EVE, { status: 'attended', checkedInAt: Date.now() }),
        signUp('trees', '', { _id: 'trees_walkin_13900139000', status: 'attended', walkIn: true }),
      ],
    })
    const confirmed = await notify()
    assert.ok(confirmed.ok)
    assert.equal(confirmed.data.addressed, 3)
    const result = await notify({ audience: 'all', requestId: 'tap2' })
    assert.ok(result.ok)
    assert.equal(result.data.addressed, 4)
    const to = h.messages({ kind: 'notice' }).map((m) => m.openid)
    assert.deepEqual(to.sort(), [ALICE, ALICE, BOB, BOB, CAROL, EVE, EVE].sort())
    assert.ok(!to.includes(DAN))
  })

  test('content review: risky text refused with nothing stored', async () => {
    const fields = await refused({ text: '周末一起去赌博吧' }, ORGANIZER, 'CONTENT_RISKY')
    assert.ok(fields?.text)
  })

  test('at most 5 notices a call a day: the sixth refused, nothing stored', async () => {
    for (let i = 1; i <= 5; i++) assert.ok((await notify({ requestId: `tap${i}` })).ok)
    await refused({ requestId: 'tap6' }, ORGANIZER, 'NOTICE_LIMIT')
    const list = await h.apiOk<CallNoticesResponse>('callNotices', { callId: 'trees' }, CO_ORGANIZER)
    assert.equal(list.notices.length, 5)
    assert.equal(list.remainingToday, 0)
    // a retried tap of the day's fifth still answers its notice
    assert.ok((await notify({ requestId: 'tap5' })).ok)
  })

  test('bad input, drafts, cancelled calls and non-organizers: refused, nothing changes', async () => {
    h.insert({
      calls: [call({ _id: 'draft', status: 'draft' }), call({ _id: 'gone', status: 'cancelled' })],
    })
    assert.ok((await refused({ text: ' 好 ' }, ORGANIZER, 'INVALID_INPUT'))?.text)
    assert.ok((await refused({ text: 'x'.repeat(201) }, ORGANIZER, 'INVALID_INPUT'))?.text)
    assert.ok((await refused({ text: 42 }, ORGANIZER, 'INVALID_INPUT'))?.text)
    assert.ok((await refused({ audience: 'everyone' }, ORGANIZER, 'INVALID_INPUT'))?.audience)
    assert.ok((await refused({ requestId: '' }, ORGANIZER, 'INVALID_INPUT'))?.requestId)
    await refused({ callId: 'draft' }, ORGANIZER, 'NOT_PUBLISHED')
    await refused({ callId: 'gone' }, ORGANIZER, 'CALL_CANCELLED')
    await refused({ callId: 'nope' }, ORGANIZER, 'NOT_FOUND')
    await refused({}, ALICE, 'FORBIDDEN')
    await refused({}, undefined, 'UNAUTHENTICATED')
    // 200 characters, after trimming, is still fine
    assert.ok((await notify({ text: ` ${'好'.repeat(200)} ` })).ok)
  })
})

describe('callNotices', () => {
  test('volunteers read what addressed them, newest first; organizers read all', async () => {
    assert.ok((await notify({ requestId: 'tap1', text: '第一条：给已报名的' })).ok)
    assert.ok((await notify({ requestId: 'tap2', text: '第二条：给所有人', audience: 'all' })).ok)
    const texts = async (openid: string) =>
      (await h.apiOk<CallNoticesResponse>('callNotices', { callId: 'trees' }, openid)).notices.map(
        (n) => n.text,
      )
    assert.deepEqual(await texts(ALICE), ['第二条：给所有人', '第一条：给已报名的'])
    assert.deepEqual(await texts(CAROL), ['第二条：给所有人'])
    assert.deepEqual(await texts(CO_ORGANIZER), ['第二条：给所有人', '第一条：给已报名的'])
    const forAlice = await h.apiOk<CallNoticesResponse>('callNotices', { callId: 'trees' }, ALICE)
    assert.equal(forAlice.remainingToday, undefined, 'organizers only')
  })

  test('a stranger, a cancelled sign-up or an anonymous visitor cannot read them', async () => {
    assert.ok((await notify()).ok)
    for (const [openid, code] of [
      [STRANGER, 'NOT_SIGNED_UP'],
      [DAN, 'NOT_SIGNED_UP'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const) {
      const result = await h.api('callNotices', { callId: 'trees' }, openid)
      assert.equal(result.ok ? 'OK' : result.code, code)
    }
    const missing = await h.api('callNotices', { callId: 'nope' }, ALICE)
    assert.equal(missing.ok ? 'OK' : missing.code, 'NOT_FOUND')
  })
})

describe('delivery', () => {
  test('the remind run sends them with the 活动变更 template; those without an acceptance are skipped', async () => {
    const result = await notify({ audience: 'all' })
    assert.ok(result.ok)
    await h.remind()
    const sent = h.emu.openapi.outbox() as unknown as {
      touser: string
      templateId: string
      data: Record<string, { value: string }>
      query: Record<string, string>
    }[]
    assert.deepEqual(
      sent.map((m) => m.touser),
      [ALICE],
    )
    assert.equal(sent[0].templateId, CHANGED)
    assert.equal(sent[0].data.thing4.value, '明早八点在西渠镇政府门口集合，请带好手…')
    assert.equal(sent[0].query.m, `notice_trees_${ALICE}_${result.data.notice._id}`)
    const status = (openid: string) => h.messages({ kind: 'notice', openid })[0]?.status
    assert.equal(status(ALICE), 'sent')
    assert.equal(status(BOB), 'skipped')
    assert.equal(status(CAROL), 'skipped')
    assert.equal(h.signUp(`trees_${ALICE}`)?.subscriptions?.[CHANGED], 0, 'the acceptance used')
  })

  test('a volunteer who cancelled before the run is not sent the notice', async () => {
    assert.ok((await notify()).ok)
    assert.ok((await h.api('cancelSignUp', { callId: 'trees' }, ALICE)).ok)
    await h.remind()
    assert.equal(h.emu.openapi.outbox().length, 0)
    assert.equal(h.messages({ kind: 'notice', openid: ALICE })[0]?.status, 'skipped')
    assert.equal(h.signUp(`trees_${ALICE}`)?.subscriptions?.[CHANGED], 1, 'her acceptance kept')
  })
})
