import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  CODE_GRACE_MS,
  CODE_WINDOW_MS,
  codeExpiresAt,
  codeTiming,
  formatCode,
  parseCode,
  windowOf,
} from '@core/attendance/checkin-code'

const SIG = 'A'.repeat(43)
const T = 1_800_000_000_000 // a window boundary (divisible by 60 000)

test('a call code and a personal code read back as what they name', () => {
  const call = { kind: 'call' as const, callId: 'trees', mode: 'out' as const }
  assert.deepEqual(parseCode(formatCode({ subject: call, window: 42, signature: SIG })), {
    subject: call,
    window: 42,
    signature: SIG,
  })
  const person = { kind: 'person' as const, openid: 'oTEST_volunteer_000000000001' }
  assert.deepEqual(parseCode(formatCode({ subject: person, window: 7, signature: SIG }))?.subject, person)
})

test('a code inside a mini program path or link is found by its code= parameter', () => {
  const code = `c.trees.in.42.${SIG}`
  assert.equal(parseCode(`packages/volunteer/checkin/index?code=${encodeURIComponent(code)}`)?.window, 42)
  assert.equal(parseCode(`https://example.com/x?a=1&code=${code}`)?.window, 42)
  assert.equal(parseCode('packages/volunteer/checkin/index?other=1'), null)
})

test('anything else is not a code', () => {
  for (const text of [
    '',
    'hello',
    `c.trees.in.42.${SIG.slice(1)}`, // short signature
    `c.trees.up.42.${SIG}`, // unknown mode
    `c.trees.in.-1.${SIG}`,
    `c.tr.ees.in.42.${SIG}`, // an id with a dot
    `p.short.42.${SIG}`, // not an openid
    `x.trees.in.42.${SIG}`,
    `c.trees.in.42.${SIG}`.repeat(5),
  ]) {
    assert.equal(parseCode(text), null, text)
  }
})

test('windows are 60 s; a code is good until 15 s after its window ends', () => {
  assert.equal(CODE_WINDOW_MS, 60_000)
  const w = windowOf(T)
  assert.equal(windowOf(T + 59_999), w)
  assert.equal(windowOf(T + 60_000), w + 1)
  assert.equal(codeExpiresAt(w), T + 60_000 + CODE_GRACE_MS)
  assert.equal(codeTiming(w, T), 'valid')
  assert.equal(codeTiming(w, T + 60_000 + CODE_GRACE_MS - 1), 'valid')
  assert.equal(codeTiming(w, T + 60_000 + CODE_GRACE_MS), 'expired')
  assert.equal(codeTiming(w, T + 10 * 60_000), 'expired')
  assert.equal(codeTiming(w + 1, T + 59_999), 'future')
})
