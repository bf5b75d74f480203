// Offline passes: signed with the function's Ed25519 key (node:crypto), checked with its public half in pure JS
// (what the organizer's phone runs). A forged, changed, expired or other session's pass is refused.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import {
  checkPass,
  formatPass,
  fromBase64Url,
  holderOf,
  type OfflinePassSubject,
  parsePass,
  passMessage,
  PASS_MAX_LENGTH,
  toBase64Url,
} from '@core/attendance/offline-pass'
import { passPublicKey, signPass, verifyPass } from '@lib/cloud/pass-key'

process.env.JUSHOU_PASS_KEY = randomBytes(32).toString('base64url')
const MINUTE = 60_000
const T = 1_800_000_000_000
const OPENID = 'oTEST_volunteer_000000000001'
const subject: OfflinePassSubject = {
  openid: OPENID,
  callId: 'trees',
  sessionId: 's2',
  validFrom: T,
  validUntil: T + 12 * 60 * MINUTE,
}
const session = { callId: 'trees', sessionId: 's2' }

function issue(s: OfflinePassSubject = subject): string {
  return formatPass({ ...s, signature: signPass(passMessage(s)) })
}

test('base64url round-trips every length, and refuses what is not base64url', () => {
  for (let n = 0; n < 70; n++) {
    const bytes = randomBytes(n)
    const text = toBase64Url(bytes)
    assert.equal(text, bytes.toString('base64url'))
    assert.deepEqual(fromBase64Url(text), new Uint8Array(bytes))
  }
  assert.equal(fromBase64Url('ab+c'), null)
  assert.equal(fromBase64Url('abcde'), null)
})

test('a pass the function signed checks out offline with its public key, within its window', () => {
  const code = issue()
  assert.ok(code.length < PASS_MAX_LENGTH, `${code.length} characters`)
  const check = checkPass(code, passPublicKey(), session, T + 60 * MINUTE)
  assert.ok(check.ok, JSON.stringify(check))
  assert.equal(check.pass.openid, OPENID)
  assert.ok(verifyPass(passMessage(parsePass(code)!), parsePass(code)!.signature), 'the function agrees')
})

test('a forged pass, a changed one and one signed with another key are refused as invalid', () => {
  const code = issue()
  const at = T + MINUTE
  const forged = code.replace(/\.[^.]+$/, '.' + toBase64Url(new Uint8Array(randomBytes(64))))
  const changed = code.replace(OPENID, 'oTEST_volunteer_000000000002')
  const longer = code.replace(`.${T / MINUTE + 720}.`, `.${T / MINUTE + 9000}.`)
  const otherKey = randomBytes(32).toString('base64url')
  for (const bad of [forged, changed, longer, 'q.x', '', code + 'A']) {
    const check = checkPass(bad, passPublicKey(), session, at)
    assert.equal(check.ok, false, bad)
    assert.equal(!check.ok && check.reason, 'invalid', bad)
  }
  const check = checkPass(code, otherKey, session, at)
  assert.equal(!check.ok && check.reason, 'invalid')
  assert.equal(verifyPass(passMessage(parsePass(forged)!), parsePass(forged)!.signature), false)
})

test("another session's or call's genuine pass is refused, and so is a pass outside its window", () => {
  const other = issue({ ...subject, sessionId: 's3' })
  const check = checkPass(other, passPublicKey(), session, T + MINUTE)
  assert.equal(!check.ok && check.reason, 'other-session')
  const otherCall = issue({ ...subject, callId: 'river' })
  assert.equal(!checkPass(otherCall, passPublicKey(), session, T).ok, true)
  const code = issue()
  const early = checkPass(code, passPublicKey(), session, T - MINUTE)
  assert.equal(!early.ok && early.reason, 'not-yet')
  const late = checkPass(code, passPublicKey(), session, T + 12 * 60 * MINUTE + 1)
  assert.equal(!late.ok && late.reason, 'expired')
})

test('a holder hash names one openid and is not the openid', () => {
  assert.equal(holderOf(OPENID), holderOf(OPENID))
  assert.notEqual(holderOf(OPENID), holderOf('oTEST_volunteer_000000000002'))
  assert.match(holderOf(OPENID), /^[A-Za-z0-9_-]{22}$/)
  assert.ok(!holderOf(OPENID).includes(OPENID))
})
