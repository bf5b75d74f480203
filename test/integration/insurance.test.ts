// 保险信息 through the shipped functions and the local cloud: a call asking for them gets them with the sign-up
// (a bad one is refused per field with nothing stored), reuses them for another slot, keeps them sealed with
// AES-256-GCM under the function's data key; the 身份证号 is in no response, log, stored document, roster export or
// message, only in the owner's insurance export, whose downloads are logged; the remind timer deletes them after
// the retention date (moved clock) and 删除我的数据 at once. Without a data key nothing is stored.
import { after, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import ExcelJS from 'exceljs'
import type {
  CallDetail,
  ExportRosterResponse,
  RosterResponse,
  SaveCallResponse,
  SignUpResponse,
} from '@core/calls/contract'
import type { ExportInsuranceListResponse } from '@core/privacy/contract'
import { idCheckChar } from '@core/privacy/insurance'
import type { Call, InsuranceDetails, InsuranceExportLog, Sealed } from '@core/model'
import { ALICE, BOB, call, DAY, form, HOUR, ngo, ORGANIZER, signUp, volunteer } from './docs'
import { startApi, type ApiHarness } from './harness'
import { callForm } from './ngo-docs'

const CO_ORGANIZER = 'oTEST_co_organizer_000000001'
const CAROL = volunteer(3)
const KEY = randomBytes(32).toString('base64')

const ALICE_ID = '62010219900307123X'
const BOB_ID = '440304198501010013'
const ALICE_CONTACT = { emergencyName: '林大海', emergencyPhone: '13900139000' }
const INSURANCE = { idNumber: true, emergencyContact: true, retentionDays: 30 }

let h: ApiHarness
let logs = ''
before(async () => {
  h = await startApi({
    // only `api` opens them; `remind` deletes them without the key
    functionEnv: { api: { JUSHOU_DATA_KEY: KEY }, remind: { JUSHOU_DATA_KEY: '' } },
    output: (text) => (logs += text),
  })
})
after(() => h.stop())

/** `trees` (one session) and `batches` (two sessions a week apart), both asking insurance details. */
function seed(): void {
  h.reset()
  h.emu.clock.set({ offsetMs: 0 })
  const first = Date.now() + 10 * DAY
  const sessions = [0, 7].map((days, i) => ({
    id: `s${i + 1}`,
    startAt: first + days * DAY,
    endAt: first + days * DAY + 4 * HOUR,
  }))
  const batches: Call = call({
    _id: 'batches',
    title: '梭梭分批种植',
    startAt: sessions[0].startAt,
    endAt: sessions[1].endAt,
    sessions,
    capacity: 10,
    insurance: INSURANCE,
    slots: Object.fromEntries(
      sessions.map((s) => [s.id, { capacity: 5, confirmed: 0, waitlisted: 0, startAt: s.startAt }]),
    ),
  })
  h.insert({
    ngos: [ngo({ admins: [ORGANIZER, CO_ORGANIZER] })],
    calls: [call({ insurance: INSURANCE }), batches],
  })
}

const details = (id = ALICE_ID, overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  idType: 'mainland',
  idNumber: id,
  ...ALICE_CONTACT,
  consent: true,
  ...overrides,
})

const stored = () => h.emu.store.collection('insuranceDetails').all() as unknown as InsuranceDetails[]

/** Every response of a journey, kept to be searched. */
const responses: string[] = []
async function apiOk<T>(action: string, body: object, openid?: string): Promise<T> {
  const result = await h.api<T>(action, body, openid)
  responses.push(JSON.stringify(result))
  if (!result.ok) throw new Error(`${action} failed: ${JSON.stringify(result)}`)
  return result.data
}

async function sheetCells(url: string): Promise<string> {
  const res = await fetch(url)
  assert.equal(res.status, 200)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never)
  const cells: string[] = []
  book.worksheets[0].eachRow((row) => cells.push(...(row.values as unknown[]).map((v) => String(v ?? ''))))
  return cells.join('|')
}

function open(sealed: Sealed): string {
  const decipher = createDecipheriv(
    'aes-256-gcm',
    Buffer.from(KEY, 'base64'),
    Buffer.from(sealed.iv, 'base64'),
  )
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'))
  return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString()
}

describe('signing up with insurance details', () => {
  beforeEach(seed)

  test('the call editor saves the setting: 1 to 180 days, 30 by default; getCall shows it', async () => {
    const bad = await h.api(
      'saveCall',
      { ngoId: 'ngo-minqin', ...callForm({ insurance: { idNumber: true, retentionDays: 181 } }) },
      ORGANIZER,
    )
    assert.ok(!bad.ok && /1 到 180/.test(bad.fields?.['insurance.retentionDays'] ?? ''), JSON.stringify(bad))
    const { call: saved } = await h.apiOk<SaveCallResponse>(
      'saveCall',
      { ngoId: 'ngo-minqin', ...callForm({ insurance: { idNumber: true, emergencyContact: false } }) },
      ORGANIZER,
    )
    const expected = { idNumber: true, emergencyContact: false, retentionDays: 30 }
    assert.deepEqual(h.call(saved._id)?.insurance, expected)
    assert.deepEqual(saved.insurance, expected)
    // switched off again: the call asks nothing
    await h.apiOk('saveCall', { callId: saved._id, ...callForm() }, ORGANIZER)
    assert.equal(h.call(saved._id)?.insurance, undefined)
  })

  test('a bad ID, a missing contact or no consent is refused per field, in Chinese, with nothing stored', async () => {
    const before = h.snapshot()
    const cases: [Record<string, unknown> | undefined, string, RegExp][] = [
      [details('62010219900307123 1'), 'insurance.idNumber', /校验位/],
      [details('620102199002300000'), 'insurance.idNumber', /出生日期/],
      [details(ALICE_ID, { idType: 'hkmo' }), 'insurance.idNumber', /港澳/],
      [details(ALICE_ID, { emergencyPhone: '' }), 'insurance.emergencyPhone', /紧急联系人电话/],
      [details(ALICE_ID, { consent: false }), 'insurance.consent', /同意/],
      [undefined, 'insurance.idNumber', /请填写证件号码/],
    ]
    for (const [insurance, field, message] of cases) {
      const result = await h.api('signUp', form('trees', insurance ? { insurance } : {}), ALICE)
      assert.equal(result.ok ? 'OK' : result.code, 'INVALID_INPUT')
      if (!result.ok) assert.match(result.fields?.[field] ?? '', message, JSON.stringify(result.fields))
      assert.equal(h.snapshot(), before, `nothing stored for ${field}`)
    }
    // the form's own errors come with them
    const both = await h.api('signUp', form('trees', { name: '' }), ALICE)
    assert.ok(!both.ok && both.fields?.name && both.fields['insurance.consent'], JSON.stringify(both))
  })

  test('stored sealed with AES-256-GCM under the data key, a masked copy and the deletion date beside', async () => {
    await apiOk<SignUpResponse>('signUp', form('trees', { insurance: details() }), ALICE)
    // the database's own rows, as SQLite holds them
    const rows = h.emu.store.db.prepare('SELECT json FROM docs').all() as { json: string }[]
    assert.ok(
      rows.some((row) => row.json.includes('6201**********123X')),
      'the rows were read',
    )
    assert.ok(!rows.some((row) => row.json.includes(ALICE_ID) || row.json.includes('13900139000')))
    const [doc] = stored()
    assert.equal(doc._id, `trees_${ALICE}`)
    const raw = JSON.stringify(doc)
    for (const plain of [ALICE_ID, '0307123', ALICE_CONTACT.emergencyName, ALICE_CONTACT.emergencyPhone])
      assert.ok(!raw.includes(plain), `${plain} is not stored in the clear`)
    assert.ok(doc.idNumber && doc.emergency)
    assert.equal(Buffer.from(doc.idNumber.iv, 'base64').length, 12, 'a 96-bit IV')
    assert.equal(Buffer.from(doc.idNumber.tag, 'base64').length, 16, 'an auth tag')
    assert.equal(open(doc.idNumber), ALICE_ID, 'the ciphertext of the number under the data key')
    assert.deepEqual(JSON.parse(open(doc.emergency)), {
      name: ALICE_CONTACT.emergencyName,
      phone: ALICE_CONTACT.emergencyPhone,
    })
    assert.deepEqual(doc.masked, {
      idNumber: '6201**********123X',
      emergencyName: '林**',
      emergencyPhone: '139****9000',
    })
    assert.equal(doc.deleteAfter, (h.call('trees')?.endAt ?? 0) + 30 * DAY)
    // the same number sealed again looks different (a fresh IV each time)
    await apiOk('signUp', form('trees', { insurance: details() }), ALICE)
    assert.notEqual(stored()[0].idNumber?.data, doc.idNumber.data)
    assert.equal(stored().length, 1)
  })

  test('a second slot of the same call reuses them; someone who never gave them must', async () => {
    await apiOk('signUp', form('batches', { slot: 's1', insurance: details() }), ALICE)
    // the call's page tells her what is on file, masked; nobody else
    const page = await apiOk<CallDetail>('getCall', { callId: 'batches' }, ALICE)
    assert.deepEqual(page.myInsurance, {
      idType: '居民身份证',
      idNumber: '6201**********123X',
      emergencyName: '林**',
      emergencyPhone: '139****9000',
    })
    assert.equal((await apiOk<CallDetail>('getCall', { callId: 'batches' }, BOB)).myInsurance, undefined)
    await apiOk('signUp', form('batches', { slot: 's2' }), ALICE)
    assert.equal(h.signUpsOf('batches').length, 2)
    assert.equal(stored().length, 1, 'one document per volunteer and call')
    assert.equal(
      stored()[0].deleteAfter,
      (h.call('batches')?.endAt ?? 0) + 30 * DAY,
      'after the last session',
    )
    const bob = await h.api('signUp', form('batches', { slot: 's2' }), BOB)
    assert.ok(!bob.ok && bob.fields?.['insurance.idNumber'], JSON.stringify(bob))
  })
})

describe('the 身份证号 is shown only in the owner’s insurance export', () => {
  before(seed)

  test('a journey: no response, log, stored document, roster export or message holds it', async () => {
    logs = ''
    await apiOk('signUp', form('trees', { insurance: details() }), ALICE)
    await apiOk('signUp', form('trees', { insurance: details(BOB_ID) }), BOB)
    await apiOk('signUp', form('batches', { slot: 's1', insurance: details() }), ALICE)
    // a refused input is no place for it either
    responses.push(
      JSON.stringify(
        await h.api('signUp', form('trees', { insurance: details(BOB_ID, { idType: 'hkmo' }) }), CAROL),
      ),
    )
    await apiOk('getCall', { callId: 'trees' }, ALICE)
    await apiOk('mySignUps', {}, ALICE)
    const roster = await apiOk<RosterResponse>('roster', { callId: 'trees' }, ORGANIZER)
    assert.deepEqual(roster.insurance, { ...INSURANCE, canExport: true })
    const coRoster = await apiOk<RosterResponse>('roster', { callId: 'trees' }, CO_ORGANIZER)
    assert.equal(coRoster.insurance?.canExport, false, 'only the owner exports the list')
    const alice = roster.entries.find((entry) => entry._id === `trees_${ALICE}`)
    assert.equal(alice?.insurance?.idNumber, '6201**********123X', 'the roster shows it masked')
    assert.equal(alice?.insurance?.idType, '居民身份证')
    const sheet = await apiOk<ExportRosterResponse>('exportRoster', { callId: 'trees' }, ORGANIZER)
    const rosterCells = await sheetCells(sheet.url)
    assert.ok(rosterCells.includes('6201**********123X'), 'the roster export has the masked number')
    await apiOk(
      'notifyVolunteers',
      { callId: 'trees', text: '明早八点集合，请带身份证', audience: 'confirmed', requestId: 'tap1' },
      ORGANIZER,
    )
    await h.remind()
    await apiOk('cancelSignUp', { callId: 'trees' }, BOB)
    await h.remind()

    const outbox = JSON.stringify([h.messages(), h.emu.openapi.outbox()])
    const documents = JSON.stringify(
      h.emu.store
        .collectionNames()
        .filter((name) => name !== 'insuranceDetails') // its sealed fields are checked above
        .map((name) => h.emu.store.collection(name).all()),
    )
    const sealedDocs = JSON.stringify(stored())
    for (const id of [ALICE_ID, BOB_ID]) {
      for (const [where, text] of Object.entries({
        responses: responses.join('\n'),
        logs,
        documents,
        sealedDocs,
        rosterCells,
        outbox,
      }))
        assert.ok(!text.includes(id), `${id} is not in ${where}`)
    }
    assert.ok(responses.length >= 8)
  })

  test('the owner’s export has the numbers in full, each download logged; nobody else gets one', async () => {
    const before = h.snapshot()
    for (const openid of [CO_ORGANIZER, ALICE, volunteer(9)]) {
      const refused = await h.api('exportInsuranceList', { callId: 'trees' }, openid)
      assert.equal(refused.ok ? 'OK' : refused.code, 'FORBIDDEN')
    }
    assert.equal(h.snapshot(), before, 'no file, no log')
    const list = await h.apiOk<ExportInsuranceListResponse>(
      'exportInsuranceList',
      { callId: 'trees' },
      ORGANIZER,
    )
    assert.ok(!JSON.stringify(list).includes(ALICE_ID), 'the response is only a link')
    assert.equal(list.rows, 1, 'BOB cancelled: only seat holders are insured')
    const cells = await sheetCells(list.url)
    for (const words of [ALICE_ID, '居民身份证', ALICE_CONTACT.emergencyName, ALICE_CONTACT.emergencyPhone])
      assert.ok(cells.includes(words), words)
    assert.ok(!cells.includes(BOB_ID))
    const [log] = h.emu.store.collection('insuranceExports').all() as unknown as InsuranceExportLog[]
    assert.equal(log.by, ORGANIZER)
    assert.equal(log.callId, 'trees')
    assert.equal(log.rows, 1)
    assert.ok(Math.abs(log.at - Date.now()) < 60_000)
    assert.ok(!JSON.stringify(log).includes(ALICE_ID))
    await h.apiOk('exportInsuranceList', { callId: 'trees' }, ORGANIZER)
    assert.equal(h.emu.store.collection('insuranceExports').all().length, 2, 'every download')
  })
})

describe('deletion', () => {
  beforeEach(seed)

  test('the remind timer deletes them after the retention date, not before (moved clock)', async () => {
    await apiOk('signUp', form('trees', { insurance: details() }), ALICE)
    await apiOk('signUp', form('batches', { slot: 's1', insurance: details() }), ALICE)
    const trees = stored().find((doc) => doc.callId === 'trees')?.deleteAfter ?? 0
    const batches = stored().find((doc) => doc.callId === 'batches')?.deleteAfter ?? 0
    assert.ok(batches > trees, 'the later call keeps its own longer')
    h.emu.clock.set({ offsetMs: trees - Date.now() - HOUR })
    await h.remind()
    assert.equal(stored().length, 2, 'kept until the date')
    h.emu.clock.set({ offsetMs: trees - Date.now() + HOUR })
    const report = await h.remind<{ insurance: number }>()
    assert.ok(report.ok && report.data.insurance === 1, JSON.stringify(report))
    assert.deepEqual(
      stored().map((doc) => doc.callId),
      ['batches'],
    )
    h.emu.clock.set({ offsetMs: batches - Date.now() + HOUR })
    await h.remind()
    assert.equal(stored().length, 0)
    const again = await h.remind<{ insurance: number }>()
    assert.ok(again.ok && again.data.insurance === 0, 'nothing more to delete')
  })

  test('a call whose last session moved later keeps them until its new date', async () => {
    await apiOk('signUp', form('trees', { insurance: details() }), ALICE)
    const first = stored()[0].deleteAfter
    const trees = h.call('trees') as Call
    h.emu.store
      .collection('calls')
      .update({ _id: 'trees' }, { $set: { endAt: trees.endAt + 7 * DAY } }, false)
    h.emu.clock.set({ offsetMs: first - Date.now() + HOUR })
    await h.remind()
    assert.equal(stored()[0]?.deleteAfter, first + 7 * DAY, 'kept, with its new date')
    h.emu.clock.set({ offsetMs: first + 7 * DAY - Date.now() + HOUR })
    await h.remind()
    assert.equal(stored().length, 0)
  })

  test('cancelling every place on the call deletes them; cancelling one of two keeps them', async () => {
    await apiOk('signUp', form('batches', { slot: 's1', insurance: details() }), ALICE)
    await apiOk('signUp', form('batches', { slot: 's2' }), ALICE)
    await apiOk('signUp', form('trees', { insurance: details() }), ALICE)
    await apiOk('cancelSignUp', { callId: 'batches', slot: 's1' }, ALICE)
    assert.equal(stored().length, 2, 'she still holds s2')
    await apiOk('cancelSignUp', { callId: 'batches', slot: 's2' }, ALICE)
    assert.deepEqual(
      stored().map((doc) => doc.callId),
      ['trees'],
    )
    await apiOk('cancelSignUp', { callId: 'batches', slot: 's2' }, ALICE) // a retry changes nothing
    assert.equal(stored().length, 1)
  })

  test('删除我的数据 deletes them at once, and the insurance lists that held them; others’ stay', async () => {
    await apiOk('signUp', form('trees', { insurance: details() }), ALICE)
    await apiOk('signUp', form('batches', { slot: 's1', insurance: details() }), ALICE)
    await apiOk('signUp', form('trees', { insurance: details(BOB_ID) }), BOB)
    await h.apiOk('exportInsuranceList', { callId: 'trees' }, ORGANIZER)
    assert.equal(h.emu.store.collection('exports').find({ kind: 'insurance' }).length, 1)
    await h.apiOk('deleteMyData', { confirm: '删除' }, ALICE)
    assert.deepEqual(
      stored().map((doc) => doc.openid),
      [BOB],
    )
    assert.equal(h.emu.store.collection('exports').find({ kind: 'insurance' }).length, 0, 'the list is gone')
    assert.ok(!h.snapshot().includes('6201**********123X'), 'not even masked')
  })
})

describe('without a data key', () => {
  let bare: ApiHarness
  let bareLogs = ''
  before(async () => {
    bare = await startApi({
      functionEnv: { api: { JUSHOU_DATA_KEY: '' } },
      output: (text) => (bareLogs += text),
    })
  })
  after(() => bare.stop())

  test('a call asking insurance details takes no sign-up, and nothing is stored', async () => {
    bare.insert({ ngos: [ngo()], calls: [call({ insurance: INSURANCE }), call({ _id: 'river' })] })
    const before = bare.snapshot()
    const result = await bare.api('signUp', form('trees', { insurance: details() }), ALICE)
    assert.equal(result.ok ? 'OK' : result.code, 'INTERNAL')
    assert.equal(bare.snapshot(), before)
    // the failure is logged (so the logs are read), and the log does not hold the number
    assert.match(bareLogs, /JUSHOU_DATA_KEY is not set/)
    assert.ok(!bareLogs.includes(ALICE_ID))
    await bare.apiOk('signUp', form('river'), ALICE) // a call asking none is not affected
  })
})

describe('a rotated data key', () => {
  const NEW_KEY = randomBytes(32).toString('base64')
  const keyId = (base64: string) =>
    createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex').slice(0, 8)
  /** sealed as the function sealed it before the rotation, under KEY */
  const sealOld = (plain: string): Sealed => {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(KEY, 'base64'), iv)
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
    const tag = cipher.getAuthTag()
    return {
      key: keyId(KEY),
      iv: iv.toString('base64'),
      tag: tag.toString('base64'),
      data: data.toString('base64'),
    }
  }
  /** BOB signed up before the rotation: his row, and his details under the old key */
  const before = (harness: ApiHarness) => {
    const trees = call({ insurance: INSURANCE })
    harness.insert({
      ngos: [ngo({ admins: [ORGANIZER] })],
      calls: [trees],
      signups: [signUp('trees', BOB, { name: '王小波' })],
    })
    const old: InsuranceDetails = {
      _id: `trees_${BOB}`,
      callId: 'trees',
      ngoId: trees.ngoId,
      openid: BOB,
      idType: 'mainland',
      idNumber: sealOld(BOB_ID),
      emergency: sealOld(JSON.stringify({ name: '王大海', phone: '13900139001' })),
      masked: { idNumber: '4403**********0013' },
      deleteAfter: trees.endAt + 30 * DAY,
      createdAt: Date.now() - DAY,
      updatedAt: Date.now() - DAY,
    }
    harness.emu.store.collection('insuranceDetails').insert([old as never])
  }

  test('details sealed with the previous key open in the export; new ones are sealed with the new key', async () => {
    const rotated = await startApi({
      functionEnv: { api: { JUSHOU_DATA_KEY: NEW_KEY, JUSHOU_DATA_KEY_PREVIOUS: ` ${KEY} ` } },
    })
    try {
      before(rotated)
      await rotated.apiOk('signUp', form('trees', { insurance: details() }), ALICE)
      const docs = rotated.emu.store.collection('insuranceDetails').all() as unknown as InsuranceDetails[]
      assert.equal(docs.find((d) => d.openid === ALICE)?.idNumber?.key, keyId(NEW_KEY))
      assert.equal(docs.find((d) => d.openid === BOB)?.idNumber?.key, keyId(KEY))
      const list = await rotated.apiOk<ExportInsuranceListResponse>(
        'exportInsuranceList',
        { callId: 'trees' },
        ORGANIZER,
      )
      assert.equal(list.rows, 2)
      const cells = await sheetCells(list.url)
      for (const words of [ALICE_ID, BOB_ID, '王大海', ALICE_CONTACT.emergencyName])
        assert.ok(cells.includes(words), words)
    } finally {
      await rotated.stop()
    }
  })

  test('once the previous key is dropped, its details do not open: the export fails, and says which key', async () => {
    let output = ''
    const dropped = await startApi({
      functionEnv: { api: { JUSHOU_DATA_KEY: NEW_KEY } },
      output: (text) => (output += text),
    })
    try {
      before(dropped)
      const result = await dropped.api('exportInsuranceList', { callId: 'trees' }, ORGANIZER)
      assert.equal(result.ok ? 'OK' : result.code, 'INTERNAL')
      assert.match(
        output,
        new RegExp(`sealed with data key ${keyId(KEY)}: neither the current key nor a previous one`),
      )
      assert.ok(!output.includes(BOB_ID))
    } finally {
      await dropped.stop()
    }
  })
})

describe('a family insured person by person', () => {
  beforeEach(seed)
  const kid = (seq: string) => {
    const first17 = `44030420180101${seq}`
    return first17 + idCheckChar(first17)
  }
  const KID_ID = kid('002')
  const KIDS = [
    { name: '林小树', kind: 'child', age: 8 },
    { name: '林小苗', kind: 'child', age: 5 },
  ]
  const family = () =>
    h.insert({
      calls: [
        call({
          _id: 'family',
          title: '亲子植树',
          insurance: INSURANCE,
          companions: { max: 2, children: { minAge: 4, maxAge: 12 } },
        }),
      ],
    })

  test('each companion gives an ID, checked per field; nothing is stored until all are good', async () => {
    family()
    const before = h.snapshot()
    const missing = await h.api('signUp', form('family', { companions: KIDS, insurance: details() }), ALICE)
    assert.ok(!missing.ok)
    for (const key of ['0.idType', '0.idNumber', '1.idType', '1.idNumber'])
      assert.ok(missing.fields?.[`insurance.companions.${key}`], key)
    const wrong = await h.api(
      'signUp',
      form('family', {
        companions: KIDS,
        insurance: details(ALICE_ID, {
          companions: [
            { idType: 'mainland', idNumber: KID_ID.slice(0, 17) + (KID_ID[17] === '1' ? '2' : '1') },
            { idType: 'passport', idNumber: 'E12345678' },
          ],
        }),
      }),
      ALICE,
    )
    assert.deepEqual(Object.keys((!wrong.ok && wrong.fields) || {}), ['insurance.companions.0.idNumber'])
    assert.equal(h.snapshot(), before, 'nothing stored')
  })

  test('stored sealed and masked beside the volunteer’s; in full only in the owner’s export, a row each', async () => {
    family()
    await apiOk(
      'signUp',
      form('family', {
        companions: KIDS,
        insurance: details(ALICE_ID, {
          companions: [
            { idType: 'mainland', idNumber: KID_ID },
            { idType: 'passport', idNumber: 'e1234 5678' },
          ],
        }),
      }),
      ALICE,
    )
    const doc = stored().find((d) => d.callId === 'family')
    assert.equal(doc?.companions?.length, 2)
    assert.equal(open(doc?.companions?.[0].idNumber as Sealed), KID_ID)
    assert.equal(doc?.companions?.[0].masked, `4403**********${KID_ID.slice(-4)}`)
    assert.equal(doc?.companions?.[1].idType, 'passport')
    assert.ok(!h.snapshot().includes(KID_ID) && !h.snapshot().includes('E12345678'), 'only ciphertext')
    assert.ok(!responses.some((r) => r.includes(KID_ID)), 'in no response')

    const list = await apiOk<ExportInsuranceListResponse>(
      'exportInsuranceList',
      { callId: 'family' },
      ORGANIZER,
    )
    assert.equal(list.rows, 3, 'the volunteer and two children')
    const cells = await sheetCells(list.url)
    for (const words of [ALICE_ID, KID_ID, 'E12345678', '林小树', '林小苗', '1.1', '1.2', '护照'])
      assert.ok(cells.includes(words), words)
  })
})
