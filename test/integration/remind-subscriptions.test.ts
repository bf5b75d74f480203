// What the volunteer accepted in WeChat's subscribe sheet is recorded on their sign-up, through the real api
// function: the templates come from the function, bad input changes nothing, identity only from WeChat.
import { after, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { RecordSubscriptionsResponse, SubscribeTemplatesResponse } from '@core/messages/contract'
import { DEFAULT_TEMPLATES } from '@core/messages/templates'
import { ALICE, BOB, call, ngo, signUp } from './docs'
import { startApi, type ApiHarness } from './harness'

const { starting, signedUp, changed } = DEFAULT_TEMPLATES

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())
beforeEach(() => {
  h.reset()
  h.insert({ ngos: [ngo()], calls: [call({ confirmed: 1 })], signups: [signUp('trees', ALICE)] })
})

describe('subscribe messages', () => {
  test('the templates to ask for, three at most, from the function', async () => {
    const { templates } = await h.apiOk<SubscribeTemplatesResponse>('subscribeTemplates', {})
    assert.deepEqual(
      templates.map((t) => [t.id, t.title]),
      [
        [starting.id, '活动开始提醒'],
        [signedUp.id, '报名成功通知'],
        [changed.id, '活动变更/取消通知'],
      ],
    )
  })

  test('accepted templates add up on the sign-up; a reminder will come only with 活动开始提醒', async () => {
    const first = await h.apiOk<RecordSubscriptionsResponse>(
      'recordSubscriptions',
      { callId: 'trees', accepted: [signedUp.id], requestId: 'tap1' },
      ALICE,
    )
    assert.deepEqual(first, { subscriptions: { [signedUp.id]: 1 }, reminder: false })
    // the same tap reported again (a retry) counts nothing more
    const retried = await h.apiOk<RecordSubscriptionsResponse>(
      'recordSubscriptions',
      { callId: 'trees', accepted: [signedUp.id], requestId: 'tap1' },
      ALICE,
    )
    assert.deepEqual(retried, first)
    const second = await h.apiOk<RecordSubscriptionsResponse>(
      'recordSubscriptions',
      { callId: 'trees', accepted: [starting.id, signedUp.id], requestId: 'tap2', openid: BOB },
      ALICE,
    )
    assert.deepEqual(second, { subscriptions: { [signedUp.id]: 2, [starting.id]: 1 }, reminder: true })
    assert.deepEqual(h.signUp(`trees_${ALICE}`)?.subscriptions, second.subscriptions)
  })

  test('bad input, no sign-up or no identity: refused, nothing changes', async () => {
    const before = h.snapshot()
    const refusals: [object, string | undefined, string][] = [
      [{ callId: 'trees', accepted: ['not-a-template'], requestId: 'tap1' }, ALICE, 'INVALID_INPUT'],
      [
        { callId: 'trees', accepted: [starting.id, signedUp.id, changed.id, starting.id] },
        ALICE,
        'INVALID_INPUT',
      ],
      [{ callId: 'trees', accepted: 'all', requestId: 'tap1' }, ALICE, 'INVALID_INPUT'],
      [{ callId: 'trees', accepted: [starting.id] }, ALICE, 'INVALID_INPUT'],
      [{ accepted: [starting.id], requestId: 'tap1' }, ALICE, 'INVALID_INPUT'],
      [{ callId: 'trees', accepted: [starting.id], requestId: 'tap1' }, BOB, 'NOT_SIGNED_UP'],
      [{ callId: 'trees', accepted: [starting.id], requestId: 'tap1' }, undefined, 'UNAUTHENTICATED'],
    ]
    for (const [body, openid, code] of refusals) {
      const result = await h.api('recordSubscriptions', body, openid)
      assert.equal(result.ok ? 'ok' : result.code, code, JSON.stringify(body))
    }
    assert.equal(h.snapshot(), before)
  })
})
