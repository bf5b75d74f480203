// A volunteer on a phone: the built mini program in WeChat's logic-layer sandbox, drawn through WeChat's own
// templates. 小林 opens 举手 (the call list shows the demo calls), opens 民勤梭梭林植树, taps 我要报名, fills the form
// (name, phone, the organizer's questions, the privacy consent) and submits: 报名成功. Then 我的 lists it.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Emulator } from '@emulator/index'
import type { Call } from '@core/model'
import { openidOf, openMiniProgram, startLocalCloud, whyNotRunnable } from './harness'
import type { MiniProgram } from './sandbox'

const CALL_ID = 'mq-trees'

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

async function open(who: 'volunteer' | 'volunteer2', url: string): Promise<MiniProgram> {
  assert.ok(cloud)
  const app = await openMiniProgram(cloud, who, url)
  opened.push(app)
  return app
}

test('首页 lists the open calls; a call opens with its details', { skip }, async () => {
  assert.ok(cloud)
  const call = cloud.store.collection('calls').get(CALL_ID) as unknown as Call
  const app = await open('volunteer', '/pages/calls/index')
  await app.waitForText(call.title)
  const list = await app.settle()
  for (const title of ['周末探访独居老人', '弄堂社区花园共建日']) assert.ok(list.includes(title), title)
  assert.ok(!list.includes('西涌海滩净滩行动'), 'an NGO under review has no public call')
  assert.match(list, /还剩 \d+ 个名额/)

  await app.tap(call.title)
  await app.waitForText('我要报名')
  assert.equal(app.route, 'pages/call-detail/index')
  assert.deepEqual(app.routes(), ['pages/calls/index', 'pages/call-detail/index'])
  const detail = await app.settle()
  assert.ok(detail.includes(call.title))
  assert.ok(detail.includes('民勤治沙'))
  assert.deepEqual(app.errors, [])
})

test('sign-up: the form, its checks, then 报名成功 and 我的', { skip }, async () => {
  assert.ok(cloud)
  const call = cloud.store.collection('calls').get(CALL_ID) as unknown as Call
  const app = await open('volunteer', `/pages/call-detail/index?id=${CALL_ID}`)
  await app.waitForText('我要报名')
  await app.tap('我要报名')
  await app.waitForText('提交报名')
  assert.equal(app.route, 'pages/sign-up/index')

  // an empty form is refused, field by field
  await app.tap('提交报名')
  assert.deepEqual(app.fake.records.at(-1), {
    api: 'showToast',
    args: { title: '请检查标红的内容', icon: 'none' },
  })

  await app.type('真实姓名', '林小满')
  await app.type('11位手机号', '13800138000')
  await app.tap('参加过')
  await app.tap('M')
  await app.tap('我已阅读并同意以上隐私说明')
  await app.tap('提交报名')

  const success = await app.waitForText('报名成功')
  assert.equal(app.route, 'pages/sign-up-success/index')
  assert.ok(success.includes(call.title))
  await app.settle()

  const saved = cloud.store.collection('signups').get(`${CALL_ID}_${openidOf('volunteer')}`) as
    { name: string; phone: string; status: string } | undefined
  assert.equal(saved?.name, '林小满')
  assert.equal(saved?.phone, '13800138000')
  assert.equal(saved?.status, 'confirmed')

  assert.deepEqual(app.routes(), ['pages/call-detail/index', 'pages/sign-up-success/index'])
  assert.deepEqual(app.errors, [])

  const mine = await open('volunteer', '/pages/mine/index')
  await mine.waitForText(call.title)
  await mine.settle()
  assert.deepEqual(mine.errors, [])
})
