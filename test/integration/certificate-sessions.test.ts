// The certificate of a call of several sessions, through the shipped `api` function and the local cloud: one
// certificate per volunteer and call listing each session served with confirmed hours (its date, time and role,
// its hours) and their total; the same one from whichever session it is asked, a new version when a session is
// confirmed later; 证书查验 fails once any listed fact is changed in the database. A call of one session keeps its
// certificates as they were.
import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { certificateStatement } from '@core/certificates/certificate'
import type {
  IssueCertificateResponse,
  MyCertificatesResponse,
  VerifyCertificateResponse,
} from '@core/certificates/contract'
import type { MyHoursResponse } from '@core/attendance/contract'
import { emptySlots, signUpIdFor } from '@core/calls/slots'
import type { Call, Certificate, SignUp } from '@core/model'
import { ALICE, BOB, call, DAY, HOUR, ngo, ORGANIZER, signUp } from './docs'
import { startApi, type ApiHarness } from './harness'

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())

// 2026-03-12 09:00 China time, then a week apart
const START = Date.UTC(2026, 2, 12, 1, 0)

function threeSessions(): Call {
  const sessions = [0, 7, 14].map((days, i) => ({
    id: `s${i + 1}`,
    startAt: START + days * DAY,
    endAt: START + days * DAY + 3 * HOUR,
  }))
  const roles = [
    { id: 'r1', name: '植树', description: '', capacity: 5 },
    { id: 'r2', name: '后勤', description: '', capacity: 2 },
  ]
  const base = call({
    startAt: sessions[0].startAt,
    endAt: sessions[2].endAt,
    signupDeadline: START - 2 * DAY,
    status: 'closed',
    sessions,
    roles,
    capacity: 21,
  })
  return { ...base, slots: emptySlots(base) }
}

const served = (hours: number, confirmed = true): Partial<SignUp> => ({
  status: 'attended',
  checkedInAt: START,
  hours,
  ...(confirmed ? { hoursConfirmedAt: START + 20 * DAY, hoursConfirmedBy: ORGANIZER } : {}),
})
const id = (openid: string, slot: string) => signUpIdFor('trees', openid, slot)
const row = (openid: string, slot: string, overrides: Partial<SignUp>): SignUp =>
  signUp('trees', openid, { _id: id(openid, slot), slot, ...overrides })

beforeEach(() => {
  h.reset()
  h.insert({
    ngos: [ngo()],
    calls: [
      threeSessions(),
      call({ _id: 'river', title: '河道清洁', startAt: START, endAt: START + 4 * HOUR }),
    ],
    signups: [
      row(ALICE, 's1-r1', served(3)),
      row(ALICE, 's2-r2', served(2.5)),
      // the third session: attended, hours not yet confirmed
      row(ALICE, 's3-r1', served(3, false)),
      row(BOB, 's2-r1', { name: '王堃', ...served(3) }),
      signUp('river', ALICE, served(4)),
    ],
  })
})

const issue = async (signUpId: string, openid = ALICE) =>
  (await h.apiOk<IssueCertificateResponse>('issueCertificate', { signUpId }, openid)).certificate
const verify = (body: object) => h.apiOk<VerifyCertificateResponse>('verifyCertificate', body)
const stored = () => h.emu.store.collection('certificates').all() as unknown as Certificate[]

describe('a certificate of several sessions', () => {
  test('lists the sessions served with confirmed hours, and their total', async () => {
    const cert = await issue(id(ALICE, 's1-r1'))
    assert.deepEqual(cert.sessions, [
      { label: '2026年3月12日 09:00–12:00 · 植树', hours: 3 },
      { label: '2026年3月19日 09:00–12:00 · 后勤', hours: 2.5 },
    ])
    assert.equal(cert.hours, 5.5)
    assert.equal(cert.serviceDate, '2026年3月12日至2026年3月19日')
    assert.equal(
      certificateStatement(cert),
      '兹证明 林晓 于 2026年3月12日至2026年3月19日 参加 民勤治沙 组织的「民勤梭梭林植树志愿者招募」志愿服务 2 场，累计服务时长 5.5 小时。',
    )
    // the same certificate from the other session served; the session without confirmed hours gets none
    assert.deepEqual(await issue(id(ALICE, 's2-r2')), cert)
    const refused = await h.api('issueCertificate', { signUpId: id(ALICE, 's3-r1') }, ALICE)
    assert.equal(refused.ok ? 'OK' : refused.code, 'HOURS_NOT_CONFIRMED')
    assert.equal(stored().length, 1)
    assert.equal((await verify({ code: cert.code, hours: 5.5 })).status, 'genuine')

    // 我的 → 志愿时长: each session an event with its own words, each pointing at the one certificate
    const hours = await h.apiOk<MyHoursResponse>('myHours', {}, ALICE)
    const events = hours.events.filter((e) => e.call._id === 'trees')
    assert.equal(events.length, 3)
    assert.deepEqual(
      events.filter((e) => e.certificateNo).map((e) => e.role),
      ['后勤', '植树'],
    )
    assert.ok(events.every((e) => e.session?.includes('周')))
    const mine = await h.apiOk<MyCertificatesResponse>('myCertificates', {}, ALICE)
    assert.equal(
      mine.certificates.find((c) => c.certificateNo === cert.certificateNo)?.signUpId,
      id(ALICE, 's1-r1'),
    )
  })

  test('a session confirmed later makes a new version; the first then verifies as superseded', async () => {
    const first = await issue(id(ALICE, 's1-r1'))
    h.emu.store
      .collection('signups')
      .update({ _id: id(ALICE, 's3-r1') }, { $set: { hoursConfirmedAt: START + 30 * DAY } }, false)
    assert.equal((await verify({ code: first.code })).status, 'superseded')
    const second = await issue(id(ALICE, 's3-r1'))
    assert.equal(second.version, 2)
    assert.equal(second.hours, 8.5)
    assert.equal(second.sessions?.length, 3)
    assert.equal(second.serviceDate, '2026年3月12日至2026年3月26日')
    const again = await verify({ code: first.code })
    assert.deepEqual([again.status, again.current], ['superseded', second.certificateNo])
    assert.equal((await verify({ code: second.code })).status, 'genuine')
  })

  test('a listed fact changed in the database no longer matches the code', async () => {
    const cert = await issue(id(ALICE, 's1-r1'))
    const original = stored()[0]
    const tamper = (sessions: Certificate['sessions']) =>
      h.emu.store
        .collection('certificates')
        .update({ _id: cert.certificateNo }, { $set: { sessions } }, false)
    const sessions = original.sessions ?? []

    tamper([sessions[0], { ...sessions[1], hours: 6 }])
    const changedHours = await verify({ code: cert.code })
    assert.equal(changedHours.status, 'altered')
    assert.equal(changedHours.certificate, undefined, 'nothing of it is shown')
    tamper([sessions[0], { ...sessions[1], label: '2026年3月20日 09:00–12:00 · 后勤' }])
    assert.equal((await verify({ code: cert.code })).status, 'altered')
    tamper([sessions[0]])
    assert.equal((await verify({ code: cert.code })).status, 'altered')
    tamper([
      ...sessions,
      { signUpId: id(ALICE, 's3-r1'), label: '2026年3月26日 09:00–12:00 · 植树', hours: 3 },
    ])
    assert.equal((await verify({ code: cert.code })).status, 'altered')
    tamper(undefined)
    assert.equal((await verify({ code: cert.code })).status, 'altered', 'dropping the list is a change too')
    tamper(sessions)
    assert.equal((await verify({ code: cert.code })).status, 'genuine')
    // a different total on the paper
    assert.equal((await verify({ code: cert.code, hours: 3 })).status, 'altered')
  })

  test("another person's session, or another call's row, gives no certificate; one session calls are as before", async () => {
    for (const signUpId of [id(BOB, 's2-r1'), id(ALICE, 's2-r1'), `trees_${ALICE}_sessions`]) {
      const result = await h.api('issueCertificate', { signUpId }, ALICE)
      assert.equal(result.ok ? 'OK' : result.code, 'NOT_FOUND', signUpId)
    }
    const bob = await issue(id(BOB, 's2-r1'), BOB)
    assert.deepEqual(bob.sessions, [{ label: '2026年3月19日 09:00–12:00 · 植树', hours: 3 }])
    assert.equal(bob.volunteerName, '王堃')
    const river = await issue(signUpIdFor('river', ALICE))
    assert.equal(river.sessions, undefined)
    assert.equal(river.serviceDate, '2026年3月12日')
    assert.equal(river.hours, 4)
  })
})
