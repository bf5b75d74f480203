// Check-in on a phone: the built mini program in WeChat's logic-layer sandbox. Half an hour before 民勤梭梭林植树
// starts, the organizer opens the check-in screen: it must draw a QR (not stay at 「正在生成…」); a volunteer
// opens 扫码签到, points the camera at that QR (the image on the organizer's screen, decoded) and is checked in;
// her own 我的签到码 is a QR too.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import type { Emulator } from '@emulator/index'
import type { Call } from '@core/model'
import { openMiniProgram, startLocalCloud, whyNotRunnable } from './harness'
import type { MiniProgram } from './sandbox'
import type { VNode } from './wxml'

const CALL_ID = 'mq-trees'
const MINUTE = 60_000

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

/** What a scanner reads off an <image> on the screen: its PNG data URL, decoded. */
function scan(image: VNode): string {
  const src = String(image.attr.src ?? '')
  const prefix = 'data:image/png;base64,'
  assert.ok(src.startsWith(prefix), `the QR is an inline PNG (src = ${src.slice(0, 40)}…)`)
  const png = PNG.sync.read(Buffer.from(src.slice(prefix.length), 'base64'))
  const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  assert.ok(read, 'the QR reads')
  return read.data
}

test(
  'the organizer’s check-in screen shows a QR; a volunteer scans it and is checked in',
  { skip },
  async () => {
    assert.ok(cloud)
    const call = cloud.store.collection('calls').get(CALL_ID) as unknown as Call
    cloud.clock.set({ at: call.startAt - 30 * MINUTE })

    const organizer = await openMiniProgram(
      cloud,
      'organizer',
      `/packages/ngo/checkin/index?callId=${CALL_ID}`,
    )
    opened.push(organizer)
    await organizer.waitForText(call.title)
    const code = scan(await organizer.waitForElement('checkin-qr'))
    assert.match(code, new RegExp(`^c\\.${CALL_ID}\\.in\\.`))
    assert.match(await organizer.settle(), /签到码 · \d+ 秒后更新/)

    const volunteer = await openMiniProgram(cloud, 'volunteer2', '/packages/volunteer/checkin/index')
    opened.push(volunteer)
    assert.ok(scan(await volunteer.waitForElement('my-checkin-code')), 'her personal code is a QR too')
    volunteer.nextScan = code
    await volunteer.tap('扫一扫')
    const done = await volunteer.waitForText('签到成功')
    assert.ok(done.includes(call.title))
    await volunteer.settle()
    assert.deepEqual(volunteer.errors, [])
    assert.deepEqual(organizer.errors, [])
  },
)
