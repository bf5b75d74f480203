import assert from 'node:assert/strict'
import { test } from 'node:test'
import { decodeScene, encodeScene, referrerCodeCandidate, SCENE_MAX_LENGTH } from '@core/sharing/scene'
import { attributionFromQuery, maskName, readAttribution, shareTitle } from '@core/sharing/share'

const SCENE_CHARS = /^[0-9a-zA-Z!#$&'()*+,/:;=?@\-._~]*$/

test('a scene carries the call and the referrer within 32 allowed characters, and decodes back', () => {
  const code = referrerCodeCandidate('oJUSHOU_demo_volunteer_xlin0')
  assert.match(code, /^[0-9a-z]{6}$/)
  const scene = encodeScene({ callId: 'mq-trees', referrerCode: code })
  assert.equal(scene, `mq-trees~${code}`)
  assert.match(scene, SCENE_CHARS)
  assert.deepEqual(decodeScene(scene), { callId: 'mq-trees', referrerCode: code })
  assert.deepEqual(decodeScene(encodeURIComponent(scene)), { callId: 'mq-trees', referrerCode: code })
  assert.deepEqual(decodeScene('mq-trees'), { callId: 'mq-trees' })
})

test('a call id too long for both keeps the call and drops the referrer; bad scenes decode to null', () => {
  const longId = 'x'.repeat(30)
  assert.equal(encodeScene({ callId: longId, referrerCode: 'abc123' }), longId)
  assert.ok(encodeScene({ callId: 'x'.repeat(25), referrerCode: 'abc123' }).length <= SCENE_MAX_LENGTH)
  assert.throws(() => encodeScene({ callId: 'bad id!' }))
  for (const bad of ['', 'a~b~c', 'mq-trees~ABC123', 'x'.repeat(33), '%E0%A4%A', 'bad id', undefined, 7])
    assert.equal(decodeScene(bad), null, String(bad))
})

test('referrer codes are stable per person, differ between people and between attempts', () => {
  const a = 'oJUSHOU_demo_volunteer_xlin0'
  assert.equal(referrerCodeCandidate(a), referrerCodeCandidate(a))
  assert.notEqual(referrerCodeCandidate(a), referrerCodeCandidate('oJUSHOU_demo_volunteer_amei0'))
  assert.notEqual(referrerCodeCandidate(a, 0), referrerCodeCandidate(a, 1))
})

test('attribution: a known source or INVALID_INPUT; a malformed code is dropped', () => {
  assert.deepEqual(readAttribution({}), { ok: true, value: { source: 'direct' } })
  assert.deepEqual(readAttribution({ source: 'poster', referrerCode: 'abc123' }), {
    ok: true,
    value: { source: 'poster', referrerCode: 'abc123' },
  })
  assert.deepEqual(readAttribution({ source: 'share', referrerCode: 'nope' }), {
    ok: true,
    value: { source: 'share' },
  })
  assert.equal(readAttribution({ source: 'billboard' }).ok, false)
  assert.deepEqual(attributionFromQuery('moments', 'abc123'), { source: 'moments', referrerCode: 'abc123' })
  assert.deepEqual(attributionFromQuery('x', 'y'), {})
})

test('share titles say the places left; names are masked', () => {
  const call = { title: '民勤梭梭林植树', spotsLeft: 12, status: 'open', waitlist: true }
  assert.equal(shareTitle(call), '民勤梭梭林植树 · 还剩 12 个名额')
  assert.equal(shareTitle({ ...call, spotsLeft: 0 }), '民勤梭梭林植树 · 名额已满，可候补')
  assert.equal(shareTitle({ ...call, status: 'closed' }), '民勤梭梭林植树')
  assert.equal(maskName('林晓明'), '林**')
  assert.equal(maskName('梅丽'), '梅*')
  assert.equal(maskName(' '), '志愿者')
})
