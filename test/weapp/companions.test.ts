// 同行人 on a phone: the built sign-up form in WeChat's logic-layer sandbox, drawn through WeChat's own templates.
// 阿梅 adds her son (儿童, 7 岁) to a sign-up for a family call; the form says the places it takes, and the sign-up
// stored holds both.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Emulator } from '@emulator/index'
import type { Call, SignUp } from '@core/model'
import { openidOf, openMiniProgram, startLocalCloud, whyNotRunnable } from './harness'
import type { MiniProgram } from './sandbox'

const DAY = 86_400_000
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

test('the sign-up form adds a child companion and the sign-up takes 2 places', { skip }, async () => {
  assert.ok(cloud)
  const now = Date.now()
  const call: Call = {
    _id: 'wx-family',
    ngoId: 'rescue-minqin',
    title: '亲子压沙体验日',
    description: '带孩子认识草方格。',
    cover: '',
    tags: ['亲子'],
    city: '甘肃·民勤',
    address: '治沙站',
    startAt: now + 5 * DAY,
    endAt: now + 5 * DAY + 3 * 3_600_000,
    signupDeadline: now + 4 * DAY,
    capacity: 6,
    waitlist: true,
    questions: [],
    status: 'open',
    confirmed: 0,
    waitlisted: 0,
    companions: { max: 2, children: { minAge: 4, maxAge: 12 } },
    createdAt: now - DAY,
    updatedAt: now - DAY,
  }
  cloud.store.collection('calls').insert([call as unknown as Record<string, unknown>])

  const app = await openMiniProgram(cloud, 'volunteer2', `/pages/sign-up/index?id=${call._id}`)
  opened.push(app)
  await app.waitForText('共 1 人，占 1 个名额')
  await app.type('真实姓名', '梅丽')
  await app.type('11位手机号', '13912345678')
  await app.tap('+ 添加同行人')
  await app.waitForElement('companion-name-0')
  await app.type('companion-name-0', '梅小禾')
  await app.tap('儿童')
  await app.waitForElement('companion-age-0')
  await app.type('companion-age-0', '7')
  await app.waitForText('共 2 人，占 2 个名额')
  await app.tap('我已阅读并同意以上隐私说明')
  await app.tap('提交报名')

  const success = await app.waitForText('报名成功')
  assert.ok(success.includes('同行：梅小禾（儿童 7 岁）'), success)
  const stored = cloud.store.collection('signups').get(`${call._id}_${openidOf('volunteer2')}`) as unknown as
    SignUp | undefined
  assert.equal(stored?.status, 'confirmed')
  assert.deepEqual(stored?.companions, [{ name: '梅小禾', kind: 'child', age: 7 }])
  assert.equal((cloud.store.collection('calls').get(call._id) as unknown as Call).confirmed, 2)
  assert.deepEqual(app.errors, [])
})
