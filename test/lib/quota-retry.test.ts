// The functions' retry policy for WeChat Cloud's quota refusals: only -501003 / -501004 are sent again (a request
// refused at the door did nothing); any other failure is thrown at once, since it may have been applied. Until the
// invocation has written something, it waits only briefly: then the phone waits instead of the instance.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  answersBusy,
  ReadTimedOut,
  retriesThisInvocation,
  startInvocation,
  withQuotaRetry,
} from '@lib/cloud/quota-retry'

const refusal = (errCode: number) => Object.assign(new Error('refused'), { errCode })

test('a quota refusal is sent again until it goes through', async () => {
  startInvocation()
  let calls = 0
  const result = await withQuotaRetry(async () => {
    calls++
    if (calls < 3) throw refusal(calls === 1 ? -501003 : -501004)
    return 'done'
  }, 'read')
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
      }, 'write'),
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
    }, 'read'),
    (err: { errCode: number }) => err.errCode === -501003,
  )
  assert.equal(calls, 1)
})

const written = { stats: { updated: 1 } }

test('before anything is written, a refusal past the short budget is thrown at once (the phone waits instead)', async () => {
  startInvocation(Date.now() - 3_000) // began 3 s ago: past the 2 s before a write, well inside the long budget
  let calls = 0
  await assert.rejects(
    withQuotaRetry(async () => {
      calls++
      throw refusal(-501004)
    }, 'read'),
    (err: { errCode: number }) => err.errCode === -501004,
  )
  assert.equal(calls, 1, 'not sent again')
})

test('once a write went through, the rest of the invocation has the long budget', async () => {
  startInvocation(Date.now() - 3_000)
  await withQuotaRetry(async () => written, 'write')
  let calls = 0
  const result = await withQuotaRetry(async () => {
    calls++
    if (calls < 3) throw refusal(-501003)
    return 'read'
  }, 'read')
  assert.equal(result, 'read')
  assert.equal(calls, 3)
})

test('a conditional update that matched nothing changed nothing: the budget stays short', async () => {
  startInvocation(Date.now() - 3_000)
  await withQuotaRetry(async () => ({ stats: { updated: 0 } }), 'write')
  let calls = 0
  await assert.rejects(
    withQuotaRetry(async () => {
      calls++
      throw refusal(-501003)
    }, 'write'),
  )
  assert.equal(calls, 1)
})

/** What wx-server-sdk throws when the database did not answer within its own timeout. */
const timedOut = () =>
  Object.assign(new Error('timeout'), {
    errCode: -501001,
    errMsg: 'collection.get:fail -501001 resource system error. request timeout',
  })

test('a read that timed out is sent again; a write that timed out is not (it may have been applied)', async () => {
  startInvocation()
  let reads = 0
  const result = await withQuotaRetry(async () => {
    if (++reads === 1) throw timedOut()
    return 'read'
  }, 'read')
  assert.equal(result, 'read')
  assert.equal(reads, 2)
  let writes = 0
  await assert.rejects(
    withQuotaRetry(async () => {
      writes++
      throw timedOut()
    }, 'write'),
    (err: { errCode: number }) => err.errCode === -501001,
  )
  assert.equal(writes, 1)
  assert.equal(answersBusy(timedOut()), false, 'a write that timed out is no BUSY: it may have been applied')
})

test('a read that timed out past the budget is answered BUSY, not INTERNAL', async () => {
  startInvocation(Date.now() - 15_000) // the SDK waited its 15 s
  const err = await withQuotaRetry(async () => {
    throw timedOut()
  }, 'read').catch((e: unknown) => e)
  assert.ok(err instanceof ReadTimedOut)
  assert.ok(answersBusy(err))
  const other = Object.assign(new Error('system'), { errCode: -501001, errMsg: 'resource system error' })
  const failed = await withQuotaRetry(async () => {
    throw other
  }, 'read').catch((e: unknown) => e)
  assert.equal(failed, other, 'another system error is not a timeout: thrown as it is')
})
