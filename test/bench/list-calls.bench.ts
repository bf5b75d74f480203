// listCalls with 10,000 calls stored: latency of the first page, of filtered pages and of deep cursor pages,
// and the database round trips one page costs.
import type { ListCallsResponse } from '@core/calls/contract'
import type { Call, Ngo } from '@core/model'
import { callDoor, latencySummary, openid, startBenchCloud } from './harness'

const CALLS = 10_000
const NGOS = 50
const REQUESTS = 200
const DAY = 86_400_000
const CITIES = ['北京', '上海', '广州', '深圳', '成都', '杭州', '武汉', '西安', '甘肃·民勤', '昆明']
const TAGS = ['环保', '助老', '支教', '动物保护', '社区', '助残', '文化']

async function main(): Promise<void> {
  const cloud = await startBenchCloud()
  const { emu } = cloud
  const now = Date.now()
  const ngos: Ngo[] = Array.from({ length: NGOS }, (_, i) => ({
    _id: `ngo${i}`,
    name: `公益机构${i}`,
    city: CITIES[i % CITIES.length],
    causes: [TAGS[i % TAGS.length]],
    intro: '',
    logo: '',
    contact: '',
    status: i === 0 ? 'suspended' : 'verified',
    admins: [],
    createdAt: now,
  }))
  const calls: Call[] = Array.from({ length: CALLS }, (_, i) => {
    const startAt = now + DAY + (i % 365) * DAY + (i % 24) * 3_600_000
    return {
      _id: `call${i}`,
      ngoId: `ngo${i % NGOS}`,
      title: `${TAGS[i % TAGS.length]}志愿活动 第${i}期`,
      description: i % 100 === 7 ? '在沙漠边缘种下梭梭树' : '一起来做点有意义的事',
      cover: '',
      tags: [TAGS[i % TAGS.length]],
      city: CITIES[i % CITIES.length],
      address: '某地',
      startAt,
      endAt: startAt + 4 * 3_600_000,
      signupDeadline: startAt,
      capacity: 30,
      waitlist: true,
      questions: [],
      status: i % 10 === 9 ? 'closed' : 'open',
      confirmed: i % 31,
      waitlisted: 0,
      createdAt: now,
      updatedAt: now,
    }
  })
  emu.store.collection('ngos').insert(ngos as unknown as Record<string, unknown>[])
  emu.store.collection('calls').insert(calls as unknown as Record<string, unknown>[])

  const measure = async (label: string, request: (i: number) => object): Promise<void> => {
    await callDoor(emu, 'api', { action: 'listCalls', ...request(0) }) // warm
    const before = emu.counters.dbRequests
    const ms: number[] = []
    let items = 0
    for (let i = 0; i < REQUESTS; i++) {
      const reply = await callDoor(emu, 'api', { action: 'listCalls', ...request(i) }, openid(i))
      if (!reply.body.ok) throw new Error(`${label}: ${JSON.stringify(reply.body)}`)
      items += (reply.body.data as ListCallsResponse).items.length
      ms.push(reply.ms)
    }
    const trips = (emu.counters.dbRequests - before) / REQUESTS
    console.log(
      `  ${label.padEnd(28)} ${latencySummary(ms)}, ${trips.toFixed(1)} round trips/page, ${(items / REQUESTS).toFixed(1)} items/page`,
    )
  }

  // Cursors for deep pages: walk 50 pages once.
  const cursors: string[] = []
  let cursor: string | null = null
  for (let page = 0; page < 50; page++) {
    const reply = await callDoor(emu, 'api', { action: 'listCalls', ...(cursor ? { cursor } : {}) })
    cursor = (reply.body.data as ListCallsResponse).nextCursor
    if (!cursor) break
    cursors.push(cursor)
  }

  console.log(`listCalls over ${CALLS} stored calls (${REQUESTS} sequential requests each):`)
  await measure('first page', () => ({}))
  await measure('city filter', (i) => ({ city: CITIES[i % CITIES.length] }))
  await measure('tag + city filter', (i) => ({ city: CITIES[i % CITIES.length], tag: TAGS[i % TAGS.length] }))
  await measure('keyword 梭梭', () => ({ keyword: '梭梭' }))
  await measure('pages 2–50 by cursor', (i) => ({ cursor: cursors[i % cursors.length] }))
  await cloud.stop()
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
