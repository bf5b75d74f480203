// The functions' retry policy for WeChat Cloud's quota refusals: only -501003 / -501004 are sent again (a request
// refused at the door did nothing); any other failure is thrown at once, since it may have been applied.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { startInvocation, withQuotaRetry, retriesThisInvocation } from '@lib/cloud/quota-retry'

const refusal = (errCode: number) => Object.assign(new Error('refused'), { errCode })

test('a quota refusal is sent again until it goes through', async () => {
  startInvocation()
  let calls = 0
  const result = await withQuotaRetry(async () => {
    calls++
    if (calls < 3) throw refusal(calls === 1 ? -501003 : -501004)
    return 'done'
  })
  assert.equal(result, 'done')
  assert.equal(calls, 3)
  assert.equal(retriesThisInvocation(), 2)
})

test('any other error is thrown at once, not sent again', async () => {
  startInvocation()
  for (const errCode of [-502001, -501002, -1]) {
    let calls = 0
    await assert.rejects(
      withQuotaRetry(async () => {
        calls++
        throw refusal(errCode)
      }),
      (err: { errCode: number }) => err.errCode === errCode,
    )
    assert.equal(calls, 1, `errCode ${errCode} sent once`)
  }
  assert.equal(retriesThisInvocation(), 0)
})

test('past the invocation’s budget the refusal is thrown', async () => {
  startInvocation(Date.now() - 60_000) // began a minute ago: no time left to wait
  let calls = 0
  await assert.rejects(
    withQuotaRetry(async () => {
      calls++
      throw refusal(-501003)
    }),
    (err: { errCode: number }) => err.errCode === -501003,
  )
  assert.equal(calls, 1)
})
