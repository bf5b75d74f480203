// A call of several sessions and roles on a phone: the built mini program in WeChat's logic-layer sandbox, drawn
// through WeChat's own templates. 小林 opens Rescue Minqin's three planting batches, sees 选择场次 with each batch's
// roles and places, ticks 植树 in batch two and 后勤 in batch three, signs up for both with one form, and the success
// page says how each went; the database holds one row per slot.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { sessionLabel } from '@core/calls/session-text'
import { signUpIdFor } from '@core/calls/slots'
import type { Call, SignUp } from '@core/model'
import type { Emulator } from '@emulator/index'
import { openidOf, openMiniProgram, startLocalCloud, whyNotRunnable } from './harness'
import type { MiniProgram } from './sandbox'

const CALL_ID = 'mq-spring-planting'

const skip = whyNotRunnable()
let cloud: Emulator | undefined
const opened: MiniProgram[] = []

before(async () => {
  if (!skip) cloud = await startLocalCloud()
})

after(async () => {
  for (const app of opened) app.close()
  await cloud?.stop()
})

test('选择场次: two slots of two batches, one form, 报名成功 for each', { skip }, async () => {
  assert.ok(cloud)
  const call = cloud.store.collection('calls').get(CALL_ID) as unknown as Call
  const [, second, third] = call.sessions ?? []
  assert.ok(second && third, 'the demo call has three batches')
  const app = await openMiniProgram(cloud, 'volunteer', `/pages/call-detail/index?id=${CALL_ID}`)
  opened.push(app)
  const page = await app.waitForText('选择场次')
  for (const session of call.sessions ?? [])
    assert.ok(page.includes(sessionLabel(session)), sessionLabel(session))
  assert.match(page, /剩余 \d+ 个名额/)

  await app.tap('植树', { within: sessionLabel(second) })
  await app.tap('后勤', { within: sessionLabel(third) })
  // WeChat draws 「报名所选 {n} 个场次」 as three texts
  await app.waitForText(/报名所选\s*2\s*个场次/)
  await app.tap(/报名所选/)
  await app.waitForText('提交报名')
  assert.equal(app.route, 'pages/sign-up/index')
  await app.type('真实姓名', '林小满')
  await app.type('11位手机号', '13800138000')
  await app.tap('参加过')
  await app.tap('M')
  await app.tap('我已阅读并同意以上隐私说明')
  await app.tap(/^提交报名/)

  const success = await app.waitForText('2 个场次报名成功')
  assert.equal(app.route, 'pages/sign-up-success/index')
  assert.ok(success.includes(call.title))
  const row = (slot: string) =>
    cloud?.store.collection('signups').get(signUpIdFor(CALL_ID, openidOf('volunteer'), slot)) as
      SignUp | undefined
  assert.equal(row(`${second.id}-r1`)?.status, 'confirmed')
  assert.equal(row(`${third.id}-r2`)?.status, 'confirmed')
  assert.deepEqual(app.errors, [])
})
