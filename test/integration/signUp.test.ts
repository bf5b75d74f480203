import { after, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { SignUpResponse } from '@core/calls/contract'
import type { MyRecruitsResponse, PrepareShareResponse } from '@core/sharing/contract'
import { ALICE, BOB, call, DAY, form, ngo, ORGANIZER, signUp, volunteer } from './docs'
import { startApi, type ApiHarness } from './harness'

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())
beforeEach(() => {
  h.reset()
  h.insert({ ngos: [ngo()], calls: [call()] })
})

/** Runs `action` expecting the error `code`, and checks that no document changed. */
async function refused(
  code: string,
  body: object,
  openid?: string,
): Promise<Record<string, string> | undefined> {
  const before = h.snapshot()
  const result = await h.api('signUp', body, openid)
  assert.equal(result.ok, false, JSON.stringify(result))
  if (result.ok) return undefined
  assert.equal(result.code, code, JSON.stringify(result))
  assert.ok(result.message.length > 0)
  assert.equal(h.snapshot(), before, 'nothing changed')
  return result.fields
}

describe('signUp', () => {
  test('stores a clean sign-up under callId_openid and takes one seat', async () => {
    const data = await h.apiOk<SignUpResponse>(
      'signUp',
      form('trees', { name: '  林晓  ', phone: '138 0013 8000' }),
      ALICE,
    )
    assert.equal(data.created, true)
    assert.equal(data.signUp._id, `trees_${ALICE}`)
    assert.equal(data.signUp.phone, '138****8000', 'masked in the answer')
    assert.equal(data.signUp.status, 'confirmed')
    const stored = h.signUp(`trees_${ALICE}`)
    assert.ok(stored)
    assert.equal(stored.openid, ALICE)
    assert.equal(stored.name, '林晓')
    assert.equal(stored.phone, '13800138000')
    assert.deepEqual(stored.answers, { planted: '没有参加过', size: 'M' })
    assert.equal(typeof stored.createdAt, 'number')
    assert.equal(h.call('trees')?.confirmed, 1)
  })

  test('anonymous callers are refused', async () => {
    await refused('UNAUTHENTICATED', form())
  })

  test('an openid in the body is ignored: identity comes only from WeChat', async () => {
    await refused(
      'UNAUTHENTICATED',
      form('trees', { openid: ALICE, _openid: ALICE, userInfo: { openId: ALICE } }),
    )
    await h.apiOk('signUp', form('trees', { openid: BOB, _openid: BOB }), ALICE)
    assert.equal(h.signUp(`trees_${ALICE}`)?.openid, ALICE)
    assert.equal(h.signUp(`trees_${BOB}`), undefined)
  })

  test('every bad input is named per field and changes nothing', async () => {
    const missing = await refused('INVALID_INPUT', { callId: 'trees' }, ALICE)
    assert.deepEqual(Object.keys(missing ?? {}).sort(), [
      'answers.planted',
      'name',
      'phone',
      'privacyConsent',
    ])

    const wrongTypes = await refused('INVALID_INPUT', form('trees', { name: 42, phone: 13800138000 }), ALICE)
    assert.equal(wrongTypes?.name, '姓名应为文字')
    assert.equal(wrongTypes?.phone, '手机号应为文字')

    assert.equal(
      (await refused('INVALID_INPUT', form('trees', { name: '林'.repeat(21) }), ALICE))?.name,
      '姓名不能超过20个字',
    )
    assert.ok((await refused('INVALID_INPUT', form('trees', { phone: '12345678901' }), ALICE))?.phone)
    assert.ok(
      (await refused('INVALID_INPUT', form('trees', { privacyConsent: false }), ALICE))?.privacyConsent,
    )
    const answers = await refused(
      'INVALID_INPUT',
      form('trees', { answers: { planted: '也许', ghost: 'x', words: '话'.repeat(1001) } }),
      ALICE,
    )
    assert.deepEqual(Object.keys(answers ?? {}).sort(), ['answers.ghost', 'answers.planted', 'answers.words'])

    assert.ok((await refused('INVALID_INPUT', form('trees', { callId: { $gt: '' } }), ALICE))?.callId)
    assert.ok((await refused('INVALID_INPUT', form('x'.repeat(40)), ALICE))?.callId)
    assert.ok((await refused('INVALID_INPUT', { ...form(), callId: undefined }, ALICE))?.callId)
  })

  test('a name needs a letter; one of nothing but invisible characters is missing', async () => {
    for (const name of ['🌲🌲🌲', '13800138000', '？！……']) {
      assert.deepEqual(await refused('INVALID_INPUT', form('trees', { name }), ALICE), {
        name: '姓名需包含文字',
      })
    }
    const blank = await refused('INVALID_INPUT', form('trees', { name: '\u200b\u202e\ufeff\u0000' }), ALICE)
    assert.deepEqual(blank, { name: '请填写姓名' })
  })

  test('stored text is text: controls, bidi and non-characters are stripped; a long answer keeps its lines', async () => {
    const name = '\u202e林\u0000晓\u200d\uffff'
    const words = '明天见\r\n\u2066加油\u2069\ud83c'
    await h.apiOk('signUp', form('trees', { name, answers: { planted: '没有参加过', words } }), ALICE)
    const stored = h.signUp(`trees_${ALICE}`)
    assert.equal(stored?.name, '林晓')
    assert.deepEqual(stored?.answers, { planted: '没有参加过', words: '明天见\n加油' })
  })

  test('a name or a written answer that fails content review is CONTENT_RISKY and stores nothing', async () => {
    const byName = await refused('CONTENT_RISKY', form('trees', { name: '代开发票小王' }), ALICE)
    assert.deepEqual(Object.keys(byName ?? {}), ['name'])
    const byAnswer = await refused(
      'CONTENT_RISKY',
      form('trees', { answers: { planted: '参加过', words: '出售毒品' } }),
      ALICE,
    )
    assert.deepEqual(Object.keys(byAnswer ?? {}), ['answers.words'])
    assert.equal(h.call('trees')?.confirmed, call().confirmed, 'no seat taken')
  })

  test('missing and draft calls are NOT_FOUND', async () => {
    h.insert({ calls: [call({ _id: 'draft', status: 'draft' })] })
    await refused('NOT_FOUND', form('nope'), ALICE)
    await refused('NOT_FOUND', form('draft'), ALICE)
  })

  test('closed, cancelled, past and after-deadline calls refuse with CLOSED', async () => {
    const now = Date.now()
    h.insert({
      calls: [
        call({ _id: 'closed', status: 'closed' }),
        call({ _id: 'cancelled', status: 'cancelled' }),
        call({ _id: 'past', startAt: now - 2 * DAY, endAt: now - DAY, signupDeadline: now - 3 * DAY }),
        call({ _id: 'late', signupDeadline: now - 1000 }),
        call({ _id: 'started', startAt: now - 1000, endAt: now + DAY, signupDeadline: now + DAY }),
      ],
    })
    for (const id of ['closed', 'cancelled', 'past', 'late', 'started'])
      await refused('CLOSED', form(id), ALICE)
  })

  test('a full call refuses with FULL', async () => {
    h.insert({ calls: [call({ _id: 'full', capacity: 1, confirmed: 1 })], signups: [signUp('full', BOB)] })
    await refused('FULL', form('full'), ALICE)
  })

  test('capacity holds under concurrency: 10 people, 3 seats, exactly 3 confirmed', async () => {
    h.insert({ calls: [call({ _id: 'small', capacity: 3 })] })
    const people = Array.from({ length: 10 }, (_, i) => volunteer(i + 1))
    const results = await Promise.all(people.map((openid) => h.api('signUp', form('small'), openid)))
    const codes = results.map((r) => (r.ok ? 'OK' : r.code)).sort()
    assert.deepEqual(codes, [...Array(7).fill('FULL'), ...Array(3).fill('OK')])
    assert.equal(h.call('small')?.confirmed, 3)
    assert.equal(h.signUpsOf('small').filter((s) => s.status === 'confirmed').length, 3, 'counter = rows')
  })

  test('signing up again returns the existing sign-up without a second seat', async () => {
    const first = await h.apiOk<SignUpResponse>('signUp', form(), ALICE)
    const again = await h.apiOk<SignUpResponse>('signUp', form('trees', { name: '别的名字' }), ALICE)
    assert.equal(again.created, false)
    assert.deepEqual(again.signUp, first.signUp)
    assert.equal(h.call('trees')?.confirmed, 1)
  })

  test('concurrent double submissions by one person take one seat', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, () => h.apiOk<SignUpResponse>('signUp', form(), ALICE)),
    )
    assert.equal(results.filter((r) => r.created).length, 1)
    assert.equal(h.call('trees')?.confirmed, 1)
    assert.equal(h.signUpsOf('trees').length, 1)
  })

  test('after cancelling, signing up again re-activates the same row and takes a seat again', async () => {
    await h.apiOk('signUp', form(), ALICE)
    await h.apiOk('cancelSignUp', { callId: 'trees' }, ALICE)
    assert.equal(h.call('trees')?.confirmed, 0)
    const again = await h.apiOk<SignUpResponse>('signUp', form('trees', { name: '林小晓' }), ALICE)
    assert.equal(again.created, true)
    assert.equal(again.signUp.status, 'confirmed')
    assert.equal(h.signUp(`trees_${ALICE}`)?.name, '林小晓')
    assert.equal(h.signUp(`trees_${ALICE}`)?.cancelledAt, undefined)
    assert.equal(h.call('trees')?.confirmed, 1)
  })

  test('concurrent re-activations take one seat', async () => {
    h.insert({ signups: [signUp('trees', ALICE, { status: 'cancelled', cancelledAt: Date.now() - 1000 })] })
    const results = await Promise.all(
      Array.from({ length: 5 }, () => h.apiOk<SignUpResponse>('signUp', form(), ALICE)),
    )
    assert.equal(results.filter((r) => r.created).length, 1)
    assert.equal(h.call('trees')?.confirmed, 1)
    assert.equal(h.signUp(`trees_${ALICE}`)?.status, 'confirmed')
  })

  test('a raw referrer openid credits nobody; only a referrer code credits its owner', async () => {
    await h.apiOk('signUp', form('trees', { referrer: BOB }), ALICE)
    assert.equal(h.signUp(`trees_${ALICE}`)?.referrer, undefined)
    assert.equal((await h.apiOk<MyRecruitsResponse>('myRecruits', {}, BOB)).count, 0)

    const { referrerCode } = await h.apiOk<PrepareShareResponse>('prepareShare', { callId: 'trees' }, BOB)
    // a code wins over a raw openid sent with it
    await h.apiOk('signUp', form('trees', { referrerCode, referrer: volunteer(2) }), volunteer(1))
    assert.equal(h.signUp(`trees_${volunteer(1)}`)?.referrer, BOB)
    assert.equal((await h.apiOk<MyRecruitsResponse>('myRecruits', {}, BOB)).count, 1)
    assert.equal((await h.apiOk<MyRecruitsResponse>('myRecruits', {}, volunteer(2))).count, 0)
  })

  test('the NGO admin cannot sign up for a draft either', async () => {
    h.insert({ calls: [call({ _id: 'draft', status: 'draft' })] })
    await refused('CLOSED', form('draft'), ORGANIZER)
  })
})
