// Certificates through the shipped `api` function and the local cloud: issued only for the caller's own confirmed
// hours, the same certificate on every request, a new version when the NGO changes confirmed hours; 证书查验 tells
// genuine from superseded, altered (a different figure on the paper, or a record changed in the database) and
// unknown, and stops a caller trying codes.
import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { CODE_ALPHABET, readCode } from '@core/certificates/certificate'
import type {
  IssueCertificateResponse,
  MyCertificatesResponse,
  VerifyCertificateResponse,
} from '@core/certificates/contract'
import type { Certificate } from '@core/model'
import { ALICE, BOB, call, DAY, HOUR, ngo, ORGANIZER, signUp } from './docs'
import { startApi, type ApiHarness } from './harness'

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())

// 2026-03-12 09:00 China time
const START = Date.UTC(2026, 2, 12, 1, 0)
const ALICE_ID = `trees_${ALICE}`
const BOB_ID = `trees_${BOB}`

beforeEach(() => {
  h.reset()
  h.insert({
    ngos: [ngo()],
    calls: [
      call({ startAt: START, endAt: START + 8 * HOUR, signupDeadline: START - 2 * DAY, status: 'closed' }),
    ],
    signups: [
      signUp('trees', ALICE, {
        status: 'attended',
        checkedInAt: START,
        checkedOutAt: START + 3.5 * HOUR,
        hours: 3.5,
        hoursConfirmedAt: START + DAY,
        hoursConfirmedBy: ORGANIZER,
      }),
      // checked out, hours recorded by the rule but not confirmed yet
      signUp('trees', BOB, { name: '王堃', status: 'attended', checkedInAt: START, hours: 2 }),
    ],
  })
})

const certificates = () => h.emu.store.collection('certificates').all() as unknown as Certificate[]

async function issue(signUpId = ALICE_ID, openid = ALICE) {
  return (await h.apiOk<IssueCertificateResponse>('issueCertificate', { signUpId }, openid)).certificate
}

async function verify(body: object, openid?: string) {
  return h.apiOk<VerifyCertificateResponse>('verifyCertificate', body, openid)
}

function confirmHours(signUpId: string, hours: number | undefined, confirmedAt?: number) {
  h.emu.store
    .collection('signups')
    .update({ _id: signUpId }, { $set: { hours, hoursConfirmedAt: confirmedAt } }, false)
}

describe('issueCertificate', () => {
  test('states the confirmed facts, with a typable number and code; asking again gives the same one', async () => {
    const first = await issue()
    assert.match(first.certificateNo, /^JS2026-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    assert.match(first.code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    for (const ch of first.code.replace(/-/g, '')) assert.ok(CODE_ALPHABET.includes(ch))
    assert.deepEqual(
      {
        name: first.volunteerName,
        ngo: first.ngoName,
        verified: first.ngoVerified,
        title: first.callTitle,
        date: first.serviceDate,
        hours: first.hours,
        version: first.version,
      },
      {
        name: '林晓',
        ngo: '民勤治沙',
        verified: true,
        title: '民勤梭梭林植树志愿者招募',
        date: '2026年3月12日',
        hours: 3.5,
        version: 1,
      },
    )
    const again = await issue()
    assert.deepEqual(again, first)
    assert.equal(certificates().length, 1)
    const mine = await h.apiOk<MyCertificatesResponse>('myCertificates', {}, ALICE)
    assert.deepEqual(
      mine.certificates.map((c) => [c.certificateNo, c.signUpId]),
      [[first.certificateNo, ALICE_ID]],
    )
  })

  test('requests issued at once write one certificate', async () => {
    const all = await Promise.all(Array.from({ length: 6 }, () => issue()))
    assert.equal(new Set(all.map((c) => c.certificateNo)).size, 1)
    assert.equal(new Set(all.map((c) => c.code)).size, 1)
    assert.equal(certificates().length, 1)
  })

  test('refused, nothing written: unconfirmed hours, someone else’s sign-up, anonymous, bad input', async () => {
    const before = h.snapshot()
    const cases: [object, string | undefined, string][] = [
      [{ signUpId: BOB_ID }, BOB, 'HOURS_NOT_CONFIRMED'],
      [{ signUpId: ALICE_ID }, BOB, 'NOT_FOUND'],
      [{ signUpId: ALICE_ID }, ORGANIZER, 'NOT_FOUND'],
      [{ signUpId: 'trees_nobody_000000000000001' }, ALICE, 'NOT_FOUND'],
      [{ signUpId: ALICE_ID }, undefined, 'UNAUTHENTICATED'],
      [{}, ALICE, 'INVALID_INPUT'],
      [{ signUpId: 42 }, ALICE, 'INVALID_INPUT'],
      [{ signUpId: 'trees_' + 'x'.repeat(200) }, ALICE, 'INVALID_INPUT'],
      [{ signUpId: { $ne: '' } }, ALICE, 'INVALID_INPUT'],
      [{ signUpId: { toString: 'x' } }, ALICE, 'INVALID_INPUT'], // used to be INTERNAL
    ]
    for (const [body, openid, code] of cases) {
      const result = await h.api('issueCertificate', body, openid)
      assert.equal(result.ok ? 'OK' : result.code, code, JSON.stringify([body, openid]))
    }
    // hours confirmed as 0, or confirmed and then withdrawn: nothing to certify either
    confirmHours(BOB_ID, 0, START + DAY)
    const zero = await h.api('issueCertificate', { signUpId: BOB_ID }, BOB)
    assert.equal(zero.ok ? 'OK' : zero.code, 'HOURS_NOT_CONFIRMED')
    assert.equal(certificates().length, 0)
    confirmHours(BOB_ID, 2)
    assert.equal(h.snapshot(), before)
  })

  test('changed and re-confirmed hours: a new version under a new number, the old one superseded', async () => {
    const v1 = await issue()
    confirmHours(ALICE_ID, 4, START + 2 * DAY)
    const v2 = await issue()
    assert.equal(v2.version, 2)
    assert.equal(v2.hours, 4)
    assert.notEqual(v2.certificateNo, v1.certificateNo)
    assert.notEqual(v2.code, v1.code)
    assert.equal(certificates().find((c) => c._id === v1.certificateNo)?.supersededBy, v2.certificateNo)
    assert.deepEqual(await issue(), v2)

    const old = await verify({ code: v1.code })
    assert.equal(old.status, 'superseded')
    assert.equal(old.current, v2.certificateNo)
    assert.equal(old.certificate?.hours, 3.5)
    assert.equal((await verify({ code: v2.code })).status, 'genuine')
    const mine = await h.apiOk<MyCertificatesResponse>('myCertificates', {}, ALICE)
    assert.deepEqual(
      mine.certificates.map((c) => c.certificateNo),
      [v2.certificateNo],
    )
  })
})

describe('verifyCertificate', () => {
  test('genuine for anyone, however the code is typed or scanned; the figure on the paper must match', async () => {
    const cert = await issue()
    const plain = cert.code.replace(/-/g, '')
    for (const code of [
      cert.code,
      plain.toLowerCase(),
      ` ${plain.slice(0, 4)} ${plain.slice(4, 8)} ${plain.slice(8)} `,
    ]) {
      const result = await verify({ code })
      assert.equal(result.status, 'genuine', code)
      assert.deepEqual(result.certificate, cert)
    }
    const scanned = await verify({ code: `packages/volunteer/verify/index?scene=${plain}` }, BOB)
    assert.equal(scanned.status, 'genuine')
    assert.equal((await verify({ code: cert.code, hours: 3.5 })).status, 'genuine')

    // the issue's proof: a paper whose hours figure was changed does not check out
    const forged = await verify({ code: cert.code, hours: 35 })
    assert.equal(forged.status, 'altered')
    assert.equal(forged.certificate?.hours, 3.5, 'the verifier sees what was really issued')
  })

  test('a certificate whose hours were changed in the database is altered, and shows nothing', async () => {
    const cert = await issue()
    h.emu.store.collection('certificates').update({ _id: cert.certificateNo }, { $set: { hours: 8 } }, false)
    const result = await verify({ code: cert.code })
    assert.equal(result.status, 'altered')
    assert.equal(result.certificate, undefined)
    // the sign-up changed too, to match: still altered (the code vouches for the issued facts)
    confirmHours(ALICE_ID, 8, START + DAY)
    assert.equal((await verify({ code: cert.code, hours: 8 })).status, 'altered')
  })

  test('hours no longer confirmed, or changed and not yet re-issued: superseded', async () => {
    const cert = await issue()
    confirmHours(ALICE_ID, 3.5, undefined)
    const withdrawn = await verify({ code: cert.code })
    assert.equal(withdrawn.status, 'superseded')
    assert.equal(withdrawn.current, undefined)
    confirmHours(ALICE_ID, 5, START + 3 * DAY)
    assert.equal((await verify({ code: cert.code })).status, 'superseded')
    h.emu.store.collection('signups').remove({ _id: ALICE_ID }, true)
    assert.equal((await verify({ code: cert.code })).status, 'superseded')
  })

  test('unknown codes, bad input (nothing changes but the rate count)', async () => {
    await issue()
    assert.equal((await verify({ code: '0000-0000-0000' })).status, 'unknown')
    const cases: object[] = [
      {},
      { code: '' },
      { code: 'ABC' },
      { code: 'UUUU-UUUU-UUUU' },
      { code: 'x'.repeat(81) },
      { code: ['7KQ4M9XC2HDW'] },
      { code: { $regex: '.*' } },
      { code: '7KQ4-M9XC-2HDW', hours: -1 },
      { code: '7KQ4-M9XC-2HDW', hours: '3.5' },
      { code: '7KQ4-M9XC-2HDW', hours: 1e9 },
    ]
    const before = certificates()
    for (const body of cases) {
      const result = await h.api('verifyCertificate', body)
      assert.equal(result.ok ? 'OK' : result.code, 'INVALID_INPUT', JSON.stringify(body))
    }
    assert.deepEqual(certificates(), before)
    assert.equal(readCode('7kq4-m9xc-2hdw'), '7KQ4M9XC2HDW')
    assert.equal(readCode('OIL0-0000-0000'), '0110' + '00000000')
  })

  test('a caller trying codes is stopped after 30 a minute; others are not', async () => {
    const cert = await issue()
    // start at the beginning of a minute, so the burst stays in one window
    const minute = Math.ceil(h.emu.clock.now() / 60_000) * 60_000
    h.emu.clock.set({ at: minute + 100 })
    try {
      const codes = Array.from({ length: 30 }, (_, i) => `ZZZZ-ZZZZ-${String(i).padStart(4, '0')}`)
      for (const code of codes) assert.equal((await verify({ code }, BOB)).status, 'unknown')
      const stopped = await h.api('verifyCertificate', { code: cert.code }, BOB)
      assert.equal(stopped.ok ? 'OK' : stopped.code, 'TOO_MANY_REQUESTS')
      assert.equal((await verify({ code: cert.code }, ALICE)).status, 'genuine')
      assert.equal(
        (await verify({ code: cert.code })).status,
        'genuine',
        'anonymous visitors count by address',
      )
      h.emu.clock.set({ at: minute + 60_100 })
      assert.equal(
        (await verify({ code: cert.code }, BOB)).status,
        'genuine',
        'the next minute is a new window',
      )
      const windows = h.emu.store.collection('rateLimits').all() as unknown as { until: number }[]
      assert.ok(windows.length > 0)
      assert.ok(
        windows.every((w) => w.until > minute + 60_100),
        'windows that ended are cleared',
      )
    } finally {
      h.emu.clock.set({ offsetMs: 0 })
    }
  })
})
