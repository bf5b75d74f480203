import { after, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { CallCard, ListCallsResponse } from '@core/calls/contract'
import { call, DAY, HOUR, ngo } from './docs'
import { startApi, type ApiHarness } from './harness'

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())
beforeEach(() => h.reset())

const ids = (items: CallCard[]) => items.map((item) => item._id)

async function list(filters: object = {}): Promise<ListCallsResponse> {
  return h.apiOk<ListCallsResponse>('listCalls', filters)
}

/** Every page from the first, following nextCursor. */
async function allPages(filters: object = {}): Promise<CallCard[][]> {
  const pages: CallCard[][] = []
  let cursor: string | null | undefined
  do {
    const page = await list({ ...filters, ...(cursor ? { cursor } : {}) })
    pages.push(page.items)
    cursor = page.nextCursor
  } while (cursor)
  return pages
}

describe('listCalls', () => {
  test('only upcoming open calls of visible NGOs, soonest first, with NGO name and spots left', async () => {
    const now = Date.now()
    h.insert({
      ngos: [
        ngo(),
        ngo({ _id: 'ngo-bj', name: '银龄陪伴计划', city: '北京' }),
        ngo({ _id: 'ngo-x', status: 'suspended' }),
        ngo({ _id: 'ngo-review', status: 'pending' }),
        ngo({ _id: 'ngo-no', status: 'rejected' }),
      ],
      calls: [
        call({ _id: 'later', startAt: now + 9 * DAY, confirmed: 28 }),
        call({ _id: 'sooner', ngoId: 'ngo-bj', startAt: now + 2 * DAY }),
        call({ _id: 'past', startAt: now - 2 * DAY, endAt: now - DAY }),
        call({ _id: 'started', startAt: now - HOUR, endAt: now + HOUR }),
        call({ _id: 'draft', status: 'draft' }),
        call({ _id: 'closed', status: 'closed' }),
        call({ _id: 'cancelled', status: 'cancelled' }),
        call({ _id: 'suspended', ngoId: 'ngo-x' }),
        call({ _id: 'under-review', ngoId: 'ngo-review', startAt: now + DAY }),
        call({ _id: 'rejected', ngoId: 'ngo-no', startAt: now + DAY }),
      ],
    })
    const page = await list()
    assert.deepEqual(ids(page.items), ['sooner', 'later'])
    assert.equal(page.nextCursor, null)
    assert.equal(page.items[0].ngoName, '银龄陪伴计划')
    assert.equal(page.items[1].ngoName, '民勤治沙')
    assert.equal(page.items[1].spotsLeft, 2)
    assert.equal('questions' in page.items[0], false, 'cards are light')
  })

  test('filters: city, tag (array contains), keyword (escaped, title or description), date range', async () => {
    const now = Date.now()
    h.insert({
      ngos: [ngo()],
      calls: [
        call({
          _id: 'bj-elder',
          city: '北京',
          tags: ['助老', '社区'],
          title: '周末探访独居老人',
          startAt: now + DAY,
        }),
        call({
          _id: 'bj-books',
          city: '北京',
          tags: ['文化'],
          title: '图书角',
          description: '陪老人读报',
          startAt: now + 3 * DAY,
        }),
        call({
          _id: 'sh-garden',
          city: '上海',
          tags: ['社区', '环保'],
          title: '社区花园 (C.A.)',
          startAt: now + 5 * DAY,
        }),
      ],
    })
    assert.deepEqual(ids((await list({ city: '北京' })).items), ['bj-elder', 'bj-books'])
    assert.deepEqual(ids((await list({ tag: '社区' })).items), ['bj-elder', 'sh-garden'])
    assert.deepEqual(ids((await list({ keyword: '老人' })).items), ['bj-elder', 'bj-books'])
    assert.deepEqual(
      ids((await list({ keyword: '(c.a.)' })).items),
      ['sh-garden'],
      'literal, case-insensitive',
    )
    assert.deepEqual(ids((await list({ keyword: '.*' })).items), [], 'not a pattern')
    // controls and invisibles are stripped before the query (a NUL used to answer INTERNAL)
    assert.deepEqual(ids((await list({ keyword: '老\u0000人\u200b' })).items), ['bj-elder', 'bj-books'])
    assert.deepEqual(ids((await list({ keyword: 'z\u0000' })).items), [])
    assert.deepEqual(ids((await list({ city: '北京', tag: '文化' })).items), ['bj-books'])
    assert.deepEqual(ids((await list({ from: now + 2 * DAY, to: now + 4 * DAY })).items), ['bj-books'])
    assert.deepEqual(ids((await list({ from: now + 2 * DAY })).items), ['bj-books', 'sh-garden'])
    assert.deepEqual(ids((await list({ city: '成都' })).items), [])
  })

  test('a keyword finds the calls of verified NGOs by the NGO name (「搜索活动、机构」)', async () => {
    const now = Date.now()
    h.insert({
      ngos: [
        ngo(),
        ngo({ _id: 'ngo-bj', name: '银龄陪伴计划' }),
        ngo({ _id: 'ngo-fake', name: '银龄陪伴计划（审核中）', status: 'pending' }),
      ],
      calls: [
        call({ _id: 'trees', startAt: now + 3 * DAY }),
        call({
          _id: 'visit',
          ngoId: 'ngo-bj',
          title: '周末探访',
          description: '陪老人聊天',
          startAt: now + DAY,
        }),
        call({ _id: 'fake', ngoId: 'ngo-fake', title: '周末探访', startAt: now + DAY }),
      ],
    })
    assert.deepEqual(ids((await list({ keyword: '银龄' })).items), ['visit'])
    assert.deepEqual(ids((await list({ keyword: '民勤治沙' })).items), ['trees'])
    assert.deepEqual(ids((await list({ keyword: '探访' })).items), ['visit'], 'titles still match')
  })

  test('pages of 20 by keyset: every call once, in order, ties broken by id', async () => {
    const base = Date.now() + 3 * DAY
    // 45 calls on 15 start times, three per time, inserted out of order.
    const calls = Array.from({ length: 45 }, (_, i) =>
      call({ _id: `c${String(44 - i).padStart(2, '0')}`, startAt: base + Math.floor((44 - i) / 3) * HOUR }),
    )
    h.insert({ ngos: [ngo()], calls })
    const pages = await allPages()
    assert.deepEqual(
      pages.map((p) => p.length),
      [20, 20, 5],
    )
    const seen = pages.flat()
    assert.deepEqual(ids(seen), calls.map((c) => c._id).sort())
  })

  test('a page continues after its cursor even when earlier calls appear meanwhile (keyset, not offset)', async () => {
    const base = Date.now() + 3 * DAY
    h.insert({
      ngos: [ngo()],
      calls: Array.from({ length: 25 }, (_, i) =>
        call({ _id: `c${String(i).padStart(2, '0')}`, startAt: base + i * HOUR }),
      ),
    })
    const first = await list()
    assert.ok(first.nextCursor)
    h.insert({ calls: [call({ _id: 'newcomer', startAt: base - HOUR })] })
    const second = await list({ cursor: first.nextCursor })
    assert.deepEqual(ids(second.items), ['c20', 'c21', 'c22', 'c23', 'c24'])
    assert.equal(second.nextCursor, null)
  })

  test('a page is one query: each call carries its NGO’s name and whether it is verified', async () => {
    const base = Date.now() + 3 * DAY
    h.insert({
      ngos: Array.from({ length: 5 }, (_, i) => ngo({ _id: `ngo-${i}`, name: `组织${i}` })),
      calls: Array.from({ length: 20 }, (_, i) =>
        call({ _id: `c${i}`, ngoId: `ngo-${i % 5}`, startAt: base + i }),
      ),
    })
    const before = h.emu.counters.dbRequests
    const page = await list()
    assert.equal(page.items.length, 20)
    assert.ok(page.items.every((item) => item.ngoName === `组织${item.ngoId.slice(4)}`))
    assert.equal(h.emu.counters.dbRequests - before, 1, 'the page, with its NGOs’ names')
  })

  test('a call stored before calls carried their NGO is listed once the remind run fills it in', async () => {
    h.insert({ ngos: [ngo({ _id: 'ngo-old', name: '老数据组织' })] })
    const old = call({ _id: 'old-call', ngoId: 'ngo-old', startAt: Date.now() + 3 * DAY })
    h.emu.store.collection('calls').insert([old as unknown as Record<string, unknown>]) // as stored back then
    assert.deepEqual(ids((await list()).items), [])
    // its page still opens (the NGO is read for it)
    assert.equal(
      (await h.apiOk<{ ngo: { name: string } }>('getCall', { callId: 'old-call' })).ngo.name,
      '老数据组织',
    )
    const report = await h.remind<{ ngoOnCalls: number }>()
    assert.equal(report.ok && report.data.ngoOnCalls, 1)
    const page = await list()
    assert.deepEqual(ids(page.items), ['old-call'])
    assert.equal(page.items[0].ngoName, '老数据组织')
    const again = await h.remind<{ ngoOnCalls: number }>()
    assert.equal(again.ok && again.data.ngoOnCalls, 0)
  })

  test('bad filters are INVALID_INPUT with a message per field', async () => {
    const result = await h.api('listCalls', {
      city: 1,
      keyword: '词'.repeat(31),
      from: 'tomorrow',
      cursor: 'garbage',
    })
    assert.equal(result.ok, false)
    if (result.ok) return
    assert.equal(result.code, 'INVALID_INPUT')
    assert.deepEqual(Object.keys(result.fields ?? {}).sort(), ['city', 'cursor', 'from', 'keyword'])
  })

  test('the demo data lists Rescue Minqin’s tree planting and hides drafts, closed and past calls', async () => {
    const demo = await startApi({ seed: true })
    try {
      const items = (await demo.apiOk<ListCallsResponse>('listCalls')).items
      const trees = items.find((item) => item._id === 'mq-trees')
      assert.equal(trees?.ngoName, '民勤治沙')
      assert.ok(items.length >= 10)
      assert.ok(items.every((item) => item.status === 'open' && item.startAt > Date.now()))
      for (const hidden of ['mq-autumn-draft', 'sh-upcycle-market', 'mq-spring-sand']) {
        assert.equal(ids(items).includes(hidden), false, hidden)
      }
    } finally {
      await demo.stop()
    }
  })
})
