// The NGO side through the real SDK and the local cloud: registration and review, drafts and publishing,
// content review, the roster with full phone numbers, and the Excel export read back.
import { after, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import ExcelJS from 'exceljs'
import type { CallDetail, SignUpResponse } from '@core/calls/contract'
import type {
  CreateInviteResponse,
  MyNgoResponse,
  PendingNgosResponse,
  RegisterNgoResponse,
  ReviewNgoResponse,
  TeamResponse,
} from '@core/ngos/contract'
import type { ExportRosterResponse, RosterResponse, SaveCallResponse } from '@core/calls/contract'
import { ALICE, BOB, volunteer } from './docs'
import { callForm, REGISTRATION } from './ngo-docs'
import { startApi, type ApiHarness } from './harness'

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())

const OWNER = 'oTEST_ngo_owner_000000000001'
const STRANGER_ORGANIZER = 'oTEST_ngo_other_000000000001'
const ADMIN = 'oTEST_platform_admin_0000001'

beforeEach(() => {
  h.reset()
  h.emu.store.collection('users').insert([{ _id: ADMIN, roles: ['admin'] }])
})

async function registeredNgo(owner = OWNER, name = REGISTRATION.name): Promise<string> {
  const { ngo } = await h.apiOk<RegisterNgoResponse>('registerNgo', { ...REGISTRATION, name }, owner)
  return ngo._id
}

async function verifiedNgo(owner = OWNER, name?: string): Promise<string> {
  const ngoId = await registeredNgo(owner, name)
  await h.apiOk('verifyNgo', { ngoId }, ADMIN)
  return ngoId
}

async function openCall(ngoId: string, owner = OWNER): Promise<string> {
  const { call } = await h.apiOk<SaveCallResponse>('saveCall', { ngoId, ...callForm() }, owner)
  await h.apiOk('publishCall', { callId: call._id }, owner)
  return call._id
}

describe('registration and review', () => {
  test('a registration waits for review; the admin verifies it; the volunteer side then sees 已认证', async () => {
    const { ngo } = await h.apiOk<RegisterNgoResponse>('registerNgo', REGISTRATION, OWNER)
    assert.equal(ngo.status, 'pending')
    assert.equal(ngo.city, '浙江·杭州')
    assert.equal(ngo.contactPhone, '13905710000')
    assert.equal(ngo.isOwner, true)
    const queue = await h.apiOk<PendingNgosResponse>('pendingNgos', {}, ADMIN)
    assert.deepEqual(
      queue.items.map((n) => n.name),
      ['青山环保社'],
    )
    const verified = await h.apiOk<ReviewNgoResponse>('verifyNgo', { ngoId: ngo._id }, ADMIN)
    assert.equal(verified.ngo.status, 'verified')
    assert.equal((await h.apiOk<PendingNgosResponse>('pendingNgos', {}, ADMIN)).items.length, 0)
    const callId = await openCall(ngo._id)
    const detail = await h.apiOk<CallDetail>('getCall', { callId }, ALICE)
    assert.equal(detail.ngo.verified, true)
  })

  test('a rejected registration carries its reason, and is corrected and sent again', async () => {
    const ngoId = await registeredNgo()
    await h.apiOk('rejectNgo', { ngoId, reason: '请上传登记证书' }, ADMIN)
    const mine = await h.apiOk<MyNgoResponse>('myNgo', {}, OWNER)
    assert.equal(mine.ngo?.status, 'rejected')
    assert.equal(mine.ngo?.rejectReason, '请上传登记证书')
    const again = await h.apiOk<RegisterNgoResponse>(
      'registerNgo',
      { ...REGISTRATION, certificate: 'cloud://env.bucket/certs/a.png' },
      OWNER,
    )
    assert.equal(again.ngo._id, ngoId)
    assert.equal(again.ngo.status, 'pending')
    assert.equal(again.ngo.rejectReason, undefined)
  })

  test('two registrations sent at once (a double tap) store one NGO', async () => {
    const results = await Promise.all([1, 2, 3].map(() => h.api('registerNgo', REGISTRATION, OWNER)))
    assert.equal(results.filter((r) => r.ok).length, 1)
    assert.deepEqual(
      results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.code)),
      ['ALREADY_ORGANIZER', 'ALREADY_ORGANIZER'],
    )
    assert.equal(h.emu.store.collection('ngos').find({ admins: OWNER }).length, 1)
  })

  test('one NGO per organizer; bad input names each field and stores nothing', async () => {
    await registeredNgo()
    const before = h.snapshot()
    const twice = await h.api('registerNgo', REGISTRATION, OWNER)
    assert.equal(twice.ok ? 'OK' : twice.code, 'ALREADY_ORGANIZER')
    const bad = await h.api(
      'registerNgo',
      {
        name: '',
        province: '火星',
        city: '杭州',
        causes: ['炒股'],
        intro: 'x',
        contactName: '王',
        contactPhone: '123',
      },
      BOB,
    )
    assert.equal(bad.ok, false)
    assert.deepEqual(Object.keys(bad.ok ? {} : (bad.fields ?? {})).sort(), [
      'causes',
      'contactPhone',
      'name',
      'province',
    ])
    assert.equal(h.snapshot(), before)
  })
})

describe('drafts and publishing', () => {
  test('the organizer chooses when volunteers are reminded: 24 h (default) or 2 h, when posting and after', async () => {
    const ngoId = await verifiedNgo()
    const { call } = await h.apiOk<SaveCallResponse>('saveCall', { ngoId, ...callForm() }, OWNER)
    assert.equal(call.reminderLeadHours, 24, 'a day before unless chosen')
    const before = h.snapshot()
    const odd = await h.api('saveCall', { callId: call._id, ...callForm({ reminderLeadHours: 5 }) }, OWNER)
    assert.ok(!odd.ok && odd.code === 'INVALID_INPUT' && odd.fields?.reminderLeadHours)
    assert.equal(h.snapshot(), before, 'nothing changed')
    await h.apiOk('saveCall', { callId: call._id, ...callForm({ reminderLeadHours: 2 }) }, OWNER)
    assert.equal(h.call(call._id)?.reminderLeadHours, 2)
    await h.apiOk('publishCall', { callId: call._id }, OWNER)
    const edited = await h.apiOk<{ notified: number }>(
      'updateCall',
      { callId: call._id, reminderLeadHours: 24 },
      OWNER,
    )
    assert.equal(edited.notified, 0, 'a reminder setting is not news for volunteers')
    assert.equal(h.call(call._id)?.reminderLeadHours, 24)
    const shown = await h.apiOk<CallDetail>('getCall', { callId: call._id }, ALICE)
    assert.equal(shown.reminderLeadHours, 24)
  })

  test('an NGO under review saves drafts but cannot publish; once verified it can', async () => {
    const ngoId = await registeredNgo()
    const { call } = await h.apiOk<SaveCallResponse>('saveCall', { ngoId, ...callForm() }, OWNER)
    assert.equal(call.status, 'draft')
    assert.equal(call.questions.length, 2)
    // a draft is not on the volunteer side
    assert.equal((await h.api('getCall', { callId: call._id }, ALICE)).ok, false)
    const before = h.snapshot()
    const refused = await h.api('publishCall', { callId: call._id }, OWNER)
    assert.equal(refused.ok ? 'OK' : refused.code, 'NGO_NOT_VERIFIED')
    assert.equal(h.snapshot(), before)
    await h.apiOk('verifyNgo', { ngoId }, ADMIN)
    const edited = await h.apiOk<SaveCallResponse>(
      'saveCall',
      { callId: call._id, ...callForm({ title: '西溪湿地清洁日（第二期）' }) },
      OWNER,
    )
    assert.equal(edited.call.title, '西溪湿地清洁日（第二期）')
    const published = await h.apiOk<SaveCallResponse>('publishCall', { callId: call._id }, OWNER)
    assert.equal(published.call.status, 'open')
    const list = await h.apiOk<{ items: { _id: string }[] }>('listCalls', {}, ALICE)
    assert.ok(list.items.some((c) => c._id === call._id))
  })

  test('calls follow their NGO: verifying it opens them to the list and their pages', async () => {
    const ngoId = await registeredNgo()
    const { call } = await h.apiOk<SaveCallResponse>('saveCall', { ngoId, ...callForm() }, OWNER)
    // published while under review, as a call of an NGO suspended and verified again would be
    h.emu.store.collection('calls').update({ _id: call._id }, { $set: { status: 'open' } }, false)
    const listed = async () =>
      (await h.apiOk<{ items: { _id: string }[] }>('listCalls', {}, ALICE)).items.some(
        (c) => c._id === call._id,
      )
    assert.equal(await listed(), false)
    assert.equal((await h.api('getCall', { callId: call._id }, ALICE)).ok, false)
    await h.apiOk('verifyNgo', { ngoId }, ADMIN)
    assert.equal(await listed(), true)
    const detail = await h.apiOk<CallDetail>('getCall', { callId: call._id }, ALICE)
    assert.equal(detail.ngo.verified, true)
    assert.equal(detail.ngo.name, REGISTRATION.name)
  })

  test('a text with a blocked word is refused with a clear message and nothing is stored', async () => {
    const ngoId = await verifiedNgo()
    const before = h.snapshot()
    const result = await h.api('saveCall', { ngoId, ...callForm({ description: '周末一起来赌博' }) }, OWNER)
    assert.equal(result.ok ? 'OK' : result.code, 'CONTENT_RISKY')
    assert.ok(!result.ok && result.message.includes('不适宜'))
    assert.ok(!result.ok && result.fields?.description)
    const inQuestion = await h.api(
      'saveCall',
      {
        ngoId,
        ...callForm({
          questions: [{ id: 'q', kind: 'single', title: '选择', required: true, options: ['毒品', '无'] }],
        }),
      },
      OWNER,
    )
    assert.ok(!inQuestion.ok && inQuestion.fields?.['questions.0'])
    const ngoName = await h.api('registerNgo', { ...REGISTRATION, name: '博彩之家' }, BOB)
    assert.ok(!ngoName.ok && ngoName.code === 'CONTENT_RISKY' && ngoName.fields?.name)
    assert.equal(h.snapshot(), before)
  })

  test('the form is checked field by field', async () => {
    const ngoId = await verifiedNgo()
    const before = h.snapshot()
    const result = await h.api(
      'saveCall',
      {
        ngoId,
        ...callForm({
          title: '',
          capacity: -3,
          endAt: Date.now(),
          questions: [{ id: 'q', kind: 'single', title: '只有一个选项', required: true, options: ['是'] }],
        }),
      },
      OWNER,
    )
    assert.ok(!result.ok)
    assert.deepEqual(Object.keys(result.fields ?? {}).sort(), ['capacity', 'endAt', 'questions.0', 'title'])
    assert.equal(h.snapshot(), before)
  })

  test('a draft may be saved half done; publishing names what is missing, then goes through once complete', async () => {
    const ngoId = await verifiedNgo()
    const blank = { description: '', city: '', address: '', capacity: 0 }
    const { call } = await h.apiOk<SaveCallResponse>('saveCall', { ngoId, ...callForm(blank) }, OWNER)
    assert.equal(call.status, 'draft')
    const before = h.snapshot()
    const early = await h.api('publishCall', { callId: call._id }, OWNER)
    assert.ok(!early.ok && early.code === 'INVALID_INPUT')
    assert.deepEqual(Object.keys(early.fields ?? {}).sort(), ['address', 'capacity', 'city', 'description'])
    assert.equal(h.snapshot(), before)

    await h.apiOk('saveCall', { callId: call._id, ...callForm() }, OWNER)
    const published = await h.apiOk<{ call: CallDetail }>('publishCall', { callId: call._id }, OWNER)
    assert.equal(published.call.status, 'open')
    assert.equal(published.call.capacity, 2)
  })
})

describe('roster and export', () => {
  test('organizers see full phones and answers in tabs; the export matches the roster row for row', async () => {
    const ngoId = await verifiedNgo()
    const callId = await openCall(ngoId)
    const sign = (openid: string, name: string, phone: string, q1: string) =>
      h.apiOk<SignUpResponse>(
        'signUp',
        { callId, name, phone, answers: { q1 }, privacyConsent: true },
        openid,
      )
    await sign(ALICE, '林晓', '13800138000', '是')
    await sign(BOB, '周博', '13900139000', '否')
    await sign(volunteer(3), '陈三', '13700137000', '是')
    await h.apiOk('cancelSignUp', { callId }, BOB)

    const roster = await h.apiOk<RosterResponse>('roster', { callId }, OWNER)
    assert.deepEqual(roster.counts, { confirmed: 2, waitlisted: 0, cancelled: 1, late: 0, walkIn: 0 })
    assert.deepEqual(
      roster.entries.map((e) => [e.name, e.phone, e.tab]),
      [
        ['林晓', '13800138000', 'confirmed'],
        ['陈三', '13700137000', 'confirmed'],
        ['周博', '13900139000', 'cancelled'],
      ],
    )
    // everyone else sees masked numbers only
    const mine = await h.apiOk<CallDetail>('getCall', { callId }, ALICE)
    assert.equal(mine.mySignUp?.phone, '138****8000')

    const file = await h.apiOk<ExportRosterResponse>('exportRoster', { callId }, OWNER)
    assert.match(file.fileName, /\.xlsx$/)
    assert.equal(file.rows, 3)
    const res = await fetch(file.url)
    assert.equal(res.status, 200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer)
    const sheet = book.worksheets[0]
    const rows: string[][] = []
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))))
    assert.deepEqual(rows[0], [
      '序号',
      '姓名',
      '手机号',
      '状态',
      '候补顺序',
      '报名时间',
      '是否自带水杯？',
      '紧急联系人电话',
      '签到时间',
      '签退时间',
      '时长(小时)',
    ])
    assert.deepEqual(
      rows.slice(1).map((r) => [r[1], r[2], r[3], r[6]]),
      roster.entries.map((e) => [
        e.name,
        e.phone,
        e.status === 'cancelled' ? '已取消' : '已报名',
        e.answers.q1,
      ]),
    )
  })

  test("another NGO's organizer cannot open the roster or export it", async () => {
    const callId = await openCall(await verifiedNgo())
    await verifiedNgo(STRANGER_ORGANIZER, '别的机构')
    for (const action of ['roster', 'exportRoster']) {
      const before = h.snapshot()
      const result = await h.api(action, { callId }, STRANGER_ORGANIZER)
      assert.equal(result.ok ? 'OK' : result.code, 'FORBIDDEN')
      assert.equal(h.snapshot(), before)
    }
  })
})

describe('co-organizers', () => {
  const CO = 'oTEST_ngo_co_organizer_00001'

  test('the owner invites, a co-organizer joins and manages calls, the owner removes them', async () => {
    const ngoId = await verifiedNgo()
    const callId = await openCall(ngoId)
    const invite = await h.apiOk<CreateInviteResponse>('createInvite', { ngoId }, OWNER)
    assert.equal(invite.path, `/packages/ngo/join/index?code=${invite.code}`)
    const joined = await h.apiOk<TeamResponse>('joinNgo', { code: invite.code, name: '小周' }, CO)
    assert.equal(joined.ngo.isOwner, false)
    assert.deepEqual(
      joined.ngo.team.map((m) => [m.name, m.owner, m.me]),
      [
        ['王青', true, false],
        ['小周', false, true],
      ],
    )
    assert.equal((await h.api('roster', { callId }, CO)).ok, true)
    // a co-organizer may not invite or remove
    const before = h.snapshot()
    const refused = await h.api('createInvite', { ngoId }, CO)
    assert.equal(refused.ok ? 'OK' : refused.code, 'FORBIDDEN')
    assert.equal(h.snapshot(), before)

    const coKey = joined.ngo.team[1].key
    const ownerKey = joined.ngo.team[0].key
    const notOwner = await h.api('removeOrganizer', { ngoId, key: ownerKey }, OWNER)
    assert.equal(notOwner.ok ? 'OK' : notOwner.code, 'INVALID_INPUT')
    const removed = await h.apiOk<TeamResponse>('removeOrganizer', { ngoId, key: coKey }, OWNER)
    assert.equal(removed.ngo.organizers, 1)
    const gone = await h.api('roster', { callId }, CO)
    assert.equal(gone.ok ? 'OK' : gone.code, 'FORBIDDEN')
    // the old link was withdrawn with the removal
    const again = await h.api('joinNgo', { code: invite.code, name: '小周' }, CO)
    assert.equal(again.ok ? 'OK' : again.code, 'INVITE_INVALID')
  })

  test('a replaced invitation admits no one; an organizer of another NGO cannot join', async () => {
    const ngoId = await verifiedNgo()
    const first = await h.apiOk<CreateInviteResponse>('createInvite', { ngoId }, OWNER)
    const second = await h.apiOk<CreateInviteResponse>('createInvite', { ngoId }, OWNER)
    const old = await h.api('joinNgo', { code: first.code, name: '小周' }, CO)
    assert.equal(old.ok ? 'OK' : old.code, 'INVITE_INVALID')
    await verifiedNgo(STRANGER_ORGANIZER, '别的机构')
    const other = await h.api('joinNgo', { code: second.code, name: '老李' }, STRANGER_ORGANIZER)
    assert.equal(other.ok ? 'OK' : other.code, 'ALREADY_ORGANIZER')
  })
})

describe('image review', () => {
  async function until(check: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 5000
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  const review = (callId: string) =>
    h.emu.store.collection('mediaReviews').find({ docId: callId })[0] as { status: string } | undefined

  test('a cover is hidden until the review passes it', async () => {
    const ngoId = await verifiedNgo()
    const cover = 'https://img.example.org/xixi-cover.png'
    const { call } = await h.apiOk<SaveCallResponse>('saveCall', { ngoId, ...callForm({ cover }) }, OWNER)
    assert.equal(call.cover, '', 'not shown while under review')
    await until(() => review(call._id)?.status === 'pass', 'the verdict')
    await h.apiOk('publishCall', { callId: call._id }, OWNER)
    const shown = await h.apiOk<CallDetail>('getCall', { callId: call._id }, ALICE)
    assert.equal(shown.cover, cover)
    // saving the draft again without touching the cover keeps it
    assert.equal(h.call(call._id)?.coverReview, undefined)
  })

  test('the browser upload door stores an image whose URL then serves as a cover', async () => {
    const JPEG = Buffer.from('ffd8ffe000104a464946000101', 'hex')
    const upload = (folder: string, openid?: string, body: Buffer = JPEG) =>
      fetch(`${h.emu.url}/upload?folder=${encodeURIComponent(folder)}`, {
        method: 'POST',
        headers: openid ? { 'x-wx-openid': openid } : {},
        body: new Uint8Array(body),
      })
    assert.equal((await upload('covers')).status, 401)
    assert.equal((await upload('../etc', OWNER)).status, 400)
    assert.equal((await upload('covers', OWNER, Buffer.from('not really a jpeg'))).status, 415)
    const res = await upload('covers', OWNER)
    assert.equal(res.status, 200)
    const { fileID, url } = (await res.json()) as { fileID: string; url: string }
    assert.match(fileID, /^cloud:\/\/.+\/covers\/[0-9a-f]{16}\/[0-9a-f]{32}\.jpg$/)
    assert.deepEqual(Buffer.from(await (await fetch(url)).arrayBuffer()), JPEG)
    const ngoId = await verifiedNgo()
    const { call } = await h.apiOk<SaveCallResponse>(
      'saveCall',
      { ngoId, ...callForm({ cover: fileID }) },
      OWNER,
    )
    await until(() => review(call._id)?.status === 'pass', 'the verdict')
    assert.equal(h.call(call._id)?.cover, fileID)
  })

  test("an NGO's logo is hidden until the review passes it", async () => {
    const logo = 'https://img.example.org/qingshan-logo.png'
    const { ngo } = await h.apiOk<RegisterNgoResponse>('registerNgo', { ...REGISTRATION, logo }, OWNER)
    assert.equal(ngo.logo, '')
    await until(() => h.emu.store.collection('ngos').get(ngo._id)?.logo === logo, 'the logo to pass')
  })

  test('a logo that passes review after the NGO’s calls were saved shows on them', async () => {
    const logo = 'https://img.example.org/qingshan-logo-2.png'
    const { ngo } = await h.apiOk<RegisterNgoResponse>('registerNgo', { ...REGISTRATION, logo }, OWNER)
    const { call } = await h.apiOk<SaveCallResponse>('saveCall', { ngoId: ngo._id, ...callForm() }, OWNER)
    await until(() => h.emu.store.collection('ngos').get(ngo._id)?.logo === logo, 'the logo to pass')
    await until(() => h.call(call._id)?.ngo?.logo === logo, 'the call to show it')
  })

  test('a cover that fails the review never becomes visible; a forged verdict changes nothing', async () => {
    const ngoId = await verifiedNgo()
    const cover = 'https://img.example.org/risky-cover.png'
    const { call } = await h.apiOk<SaveCallResponse>('saveCall', { ngoId, ...callForm({ cover }) }, OWNER)
    const traceId = h.call(call._id)?.coverReview
    assert.ok(traceId)
    // a client cannot pass its own image: it does not know the trace, and a guessed one is unknown
    const before = h.snapshot()
    await h.api(
      'x',
      { MsgType: 'event', Event: 'wxa_media_check', trace_id: 'guess', result: { suggest: 'pass' } },
      OWNER,
    )
    assert.equal(h.snapshot(), before)
    await until(() => review(call._id)?.status === 'risky', 'the verdict')
    await h.apiOk('publishCall', { callId: call._id }, OWNER)
    const shown = await h.apiOk<CallDetail>('getCall', { callId: call._id }, ALICE)
    assert.equal(shown.cover, '')
    assert.equal(h.call(call._id)?.cover, '')
    assert.equal(h.call(call._id)?.coverReview, undefined)
    const list = await h.apiOk<{ items: { _id: string; cover: string }[] }>('listCalls', {}, ALICE)
    assert.equal(list.items.find((c) => c._id === call._id)?.cover, '')
  })
})
