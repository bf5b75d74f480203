// An organizer edits a published call of several sessions on a phone: the built mini program in WeChat's logic-layer
// sandbox opens the editor of Rescue Minqin's three planting batches (packages/ngo), whose sessions list their
// places per role (SessionManager), and adds a 摄影 role with 2 places per batch (RoleManager); the call stored
// holds the role and a slot of it in every batch still ahead.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Call } from '@core/model'
import type { Emulator } from '@emulator/index'
import { openMiniProgram, startLocalCloud, whyNotRunnable } from './harness'
import type { MiniProgram } from './sandbox'

const CALL_ID = 'mq-spring-planting'

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

test(
  'the editor of a published call of three batches: 添加岗位 摄影, 2 places in each batch ahead',
  { skip },
  async () => {
    assert.ok(cloud)
    const stored = () => cloud?.store.collection('calls').get(CALL_ID) as unknown as Call
    const before = stored()
    assert.equal(before.roles?.length, 2, 'the demo call has 植树 and 后勤')
    app = await openMiniProgram(cloud, 'organizer', `/packages/ngo/call-editor/index?id=${CALL_ID}`)
    await app.waitForText('修改场次')
    const editor = await app.settle()
    assert.match(editor, /已报名 \d+\/\d+/)
    assert.ok(editor.includes('修改岗位'))

    await app.tap('添加岗位')
    await app.waitForText('岗位名称')
    await app.type('岗位名称，如：摄影', '摄影')
    await app.type('如 2', '2')
    await app.tap(/^添加$/)
    await app.waitForText('每场 2 人')

    const after = stored()
    assert.deepEqual(
      after.roles?.map((role) => role.name),
      ['植树', '后勤', '摄影'],
    )
    const ahead = (before.sessions ?? []).filter((s) => !s.cancelledAt && s.startAt > Date.now())
    assert.ok(ahead.length > 0)
    assert.deepEqual(
      Object.keys(after.slots ?? {})
        .filter((key) => key.endsWith('-r3'))
        .sort(),
      ahead.map((s) => `${s.id}-r3`).sort(),
    )
    assert.deepEqual(app.errors, [])
  },
)
