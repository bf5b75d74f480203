// What a certificate states and how its codes read (src/core/certificates/certificate.ts): the base32 alphabet, reading typed
// and scanned codes, the canonical string the code signs, the dates in China time, the request schemas.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  canonicalFacts,
  certificateStatement,
  CODE_ALPHABET,
  formatCode,
  formatHours,
  hasConfirmedHours,
  readCode,
  toBase32,
  validateIssueCertificate,
  validateVerifyCertificate,
  type CertificateFacts,
} from '@core/certificates/certificate'
import { chinaDate } from '@core/shared/china-time'

const FACTS: CertificateFacts = {
  _id: 'JS2026-7KQ4-M9XC',
  signUpId: 'trees_oTEST_volunteer_alice_000001',
  version: 1,
  volunteerName: '林晓',
  ngoName: '民勤治沙',
  ngoVerified: true,
  callTitle: '民勤梭梭林植树志愿者招募',
  serviceDate: '2026年3月12日',
  hours: 3.5,
  issuedAt: Date.UTC(2026, 2, 15),
}

describe('codes', () => {
  test('the alphabet has 32 distinct characters without I, L, O, U', () => {
    assert.equal(new Set(CODE_ALPHABET).size, 32)
    for (const ch of 'ILOU') assert.ok(!CODE_ALPHABET.includes(ch))
  })

  test('toBase32 reads 5 bits per character, most significant first', () => {
    assert.equal(toBase32(Uint8Array.from([0, 0]), 3), '000')
    assert.equal(toBase32(Uint8Array.from([0xff, 0xff]), 3), 'ZZZ')
    // 0b00001_00010_0000… → '1', '2'
    assert.equal(toBase32(Uint8Array.from([0b00001000, 0b10000000]), 2), '12')
    assert.throws(() => toBase32(Uint8Array.from([1]), 2))
  })

  test('typed and scanned codes read the same; anything else is refused', () => {
    const stored = '7KQ4M9XC2HDW'
    assert.equal(formatCode(stored), '7KQ4-M9XC-2HDW')
    for (const text of [
      '7KQ4-M9XC-2HDW',
      '7kq4m9xc2hdw',
      ' 7KQ4 M9XC 2HDW ',
      '7KQ4—M9XC—2HDW',
      'packages/volunteer/verify/index?scene=7KQ4M9XC2HDW',
      '/packages/volunteer/verify/index?scene=7KQ4-M9XC-2HDW&x=1',
    ]) {
      assert.equal(readCode(text), stored, text)
    }
    assert.equal(readCode('O0IL-0000-0000'), '00110000' + '0000')
    for (const text of [
      '',
      '7KQ4-M9XC',
      '7KQ4-M9XC-2HDWX',
      'UUUU-UUUU-UUUU',
      '7KQ4-M9XC-2HD!',
      'x'.repeat(81),
    ]) {
      assert.equal(readCode(text), null, text)
    }
  })
})

describe('facts', () => {
  test('the canonical string changes with every printed fact', () => {
    const base = canonicalFacts(FACTS)
    const changes: Partial<CertificateFacts>[] = [
      { _id: 'JS2026-7KQ4-M9XD' },
      { signUpId: 'trees_other' },
      { version: 2 },
      { volunteerName: '林晓晓' },
      { ngoName: '民勤治沙队' },
      { ngoVerified: false },
      { callTitle: '民勤梭梭林植树' },
      { serviceDate: '2026年3月13日' },
      { hours: 35 },
      { issuedAt: FACTS.issuedAt + 1 },
    ]
    for (const change of changes)
      assert.notEqual(canonicalFacts({ ...FACTS, ...change }), base, JSON.stringify(change))
    // no choice of names can shift text from one fact into the next
    assert.notEqual(
      canonicalFacts({ ...FACTS, volunteerName: '林', ngoName: '晓民勤治沙' }),
      canonicalFacts({ ...FACTS, volunteerName: '林晓', ngoName: '民勤治沙' }),
    )
  })

  test('dates in China time; the statement reads as printed', () => {
    assert.equal(chinaDate(Date.UTC(2026, 2, 11, 16, 0)), '2026年3月12日')
    assert.equal(chinaDate(Date.UTC(2026, 2, 11, 15, 59)), '2026年3月11日')
    assert.equal(formatHours(3.5), '3.5')
    assert.equal(formatHours(4), '4')
    assert.equal(
      certificateStatement(FACTS),
      '兹证明 林晓 于 2026年3月12日 参加 民勤治沙 组织的「民勤梭梭林植树志愿者招募」志愿服务，服务时长 3.5 小时。',
    )
  })

  test('only confirmed hours above zero count', () => {
    assert.equal(hasConfirmedHours({ hours: 3.5, hoursConfirmedAt: 1 }), true)
    assert.equal(hasConfirmedHours({ hours: 3.5 }), false)
    assert.equal(hasConfirmedHours({ hours: 0, hoursConfirmedAt: 1 }), false)
    assert.equal(hasConfirmedHours({ hoursConfirmedAt: 1 }), false)
  })
})

describe('schemas', () => {
  test('issue needs a sign-up id', () => {
    assert.equal(validateIssueCertificate({ signUpId: 'trees_oTEST_volunteer_alice_000001' }).ok, true)
    for (const body of [null, [], {}, { signUpId: 1 }, { signUpId: 'a b' }, { signUpId: 'x'.repeat(101) }]) {
      assert.equal(validateIssueCertificate(body).ok, false, JSON.stringify(body))
    }
    // objects are refused without their toString being called (a non-function one used to throw)
    for (const signUpId of [
      { toString: 'x' },
      { toString: () => 'trees_oTEST_volunteer_alice_000001' },
      ['a'],
    ]) {
      assert.deepEqual(validateIssueCertificate({ signUpId }), {
        ok: false,
        fields: { signUpId: '志愿服务记录无效' },
      })
    }
  })

  test('verify takes a code and, optionally, the hours on the paper', () => {
    assert.deepEqual(validateVerifyCertificate({ code: '7kq4 m9xc 2hdw' }), {
      ok: true,
      value: { code: '7KQ4M9XC2HDW' },
    })
    assert.deepEqual(validateVerifyCertificate({ code: '7KQ4-M9XC-2HDW', hours: 3.5 }), {
      ok: true,
      value: { code: '7KQ4M9XC2HDW', hours: 3.5 },
    })
    for (const body of [
      {},
      { code: 'nope' },
      { code: 42 },
      { code: '7KQ4-M9XC-2HDW', hours: -0.5 },
      { code: '7KQ4-M9XC-2HDW', hours: Number.NaN },
      { code: '7KQ4-M9XC-2HDW', hours: 1001 },
    ]) {
      assert.equal(validateVerifyCertificate(body).ok, false, JSON.stringify(body))
    }
  })
})
