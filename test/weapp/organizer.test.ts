// An organizer on a phone: 民勤治沙's 老马 opens the console (packages/ngo, a subpackage) in the built mini program,
// sees his calls, opens 民勤梭梭林植树's 名单 (names, phone numbers and answers), and goes on to 现场签到与工时,
// where the rotating QR must be drawn.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Emulator } from '@emulator/index'
import type { Call } from '@core/model'
import { openMiniProgram, startLocalCloud, whyNotRunnable } from './harness'
import type { MiniProgram } from './sandbox'

const CALL_ID = 'mq-trees'
const MINUTE = 60_000

const skip = whyNotRunnable()
let cloud: Emulator | undefined
let app: MiniProgram | undefined

before(async () => {
  if (!skip) cloud = await startLocalCloud()
})

after(async () => {
  app?.close()
  await cloud?.stop()
})

test('the console lists the calls → 名单 → 现场签到与工时 shows the QR', { skip }, async () => {
  assert.ok(cloud)
  const call = cloud.store.collection('calls').get(CALL_ID) as unknown as Call
  cloud.clock.set({ at: call.startAt - 30 * MINUTE })

  app = await openMiniProgram(cloud, 'organizer', '/packages/ngo/dashboard/index')
  await app.waitForText(call.title)
  const dashboard = await app.settle()
  assert.ok(dashboard.includes('民勤治沙'))
  assert.match(dashboard, /活动 · \d+/)

  await app.tap('名单', { within: call.title })
  await app.waitForText('导出 Excel')
  assert.equal(app.route, 'packages/ngo/roster/index')
  const roster = await app.settle()
  assert.ok(roster.includes(call.title))
  assert.match(roster, /已报名 \d+/)
  assert.ok(roster.includes('梅丽'), 'a volunteer of the demo data is on the list')
  assert.ok(roster.includes('13912345678'), 'the organizing NGO sees the phone number')

  await app.tap('现场签到与工时')
  await app.waitForElement('checkin-qr')
  assert.equal(app.route, 'packages/ngo/checkin/index')
  assert.deepEqual(app.routes(), [
    'packages/ngo/dashboard/index',
    'packages/ngo/roster/index',
    'packages/ngo/checkin/index',
  ])
  assert.match(await app.settle(), /签到码 · \d+ 秒后更新/)
  assert.deepEqual(app.errors, [])
})
