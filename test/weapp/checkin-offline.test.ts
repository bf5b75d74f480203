// Offline check-in on WeChat's runtime: the built mini program in the logic-layer sandbox. The volunteer opens
// 我的签到码 online (her offline passes are kept in wx storage), the organizer downloads the session's roster; then
// the local cloud refuses every request. Her page, opened again, draws the kept pass as a QR; the organizer's
// screen turns to the kept roster, scans that QR and checks the pass with tweetnacl (no BigInt, no WebCrypto): 「离线
// 记录 1 条，联网后自动同步」. When the network returns the screen sends it and she is checked in.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import type { Emulator } from '@emulator/index'
import type { SignUp } from '@core/model'
import { openidOf, openMiniProgram, startLocalCloud, whyNotRunnable } from './harness'
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
  const png = PNG.sync.read(Buffer.from(src.slice('data:image/png;base64,'.length), 'base64'))
  const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  assert.ok(read, 'the QR reads')
  return read.data
}

test(
  'with no signal the kept pass is drawn, checked on the organizer’s phone and synced later',
  { skip },
  async () => {
    assert.ok(cloud)
    const emu = cloud
    // the planting starts in half an hour of real time (the phones' clocks record the scans); her other call today
    // is moved a week on, so the planting's pass is the one shown
    const startAt = Date.now() + 30 * MINUTE
    const calls = emu.store.collection('calls')
    calls.update({ _id: CALL_ID }, { $set: { startAt, endAt: startAt + 9 * 60 * MINUTE } }, false)
    calls.update(
      { _id: 'mq-town-sorting' },
      { $set: { startAt: startAt + 8 * 1440 * MINUTE, endAt: startAt + 8 * 1440 * MINUTE + 60 * MINUTE } },
      false,
    )
    const signUpId = `${CALL_ID}_${openidOf('volunteer2')}`

    const volunteer = await openMiniProgram(emu, 'volunteer2', '/packages/volunteer/checkin/index')
    opened.push(volunteer)
    await volunteer.waitForElement('my-checkin-code')
    await volunteer.settle()
    const organizer = await openMiniProgram(emu, 'organizer', `/packages/ngo/checkin/index?callId=${CALL_ID}`)
    opened.push(organizer)
    await organizer.tap('下载本场名单')
    await organizer.waitForText('重新下载本场名单')

    emu.network.online = false
    await (volunteer.fake.wx.reLaunch as (o: { url: string }) => Promise<unknown>)({
      url: '/packages/volunteer/checkin/index',
    })
    const pass = scan(await volunteer.waitForElement('my-offline-pass', 20_000))
    assert.match(pass, new RegExp(`^q\\.${openidOf('volunteer2')}\\.${CALL_ID}\\.s1\\.`))

    await organizer.waitForText('离线记录 0 条，联网后自动同步', 20_000)
    organizer.nextScan = pass
    await organizer.tap(/扫志愿者的签到码/)
    await organizer.waitForText('离线记录 1 条，联网后自动同步')
    assert.equal((emu.store.collection('signups').get(signUpId) as unknown as SignUp).status, 'confirmed')

    emu.network.online = true
    // back on the online list (its rows are `attendee-…`; the offline ones `offline-attendee-…`), the record sent
    await organizer.waitForElement(`attendee-${signUpId}`, 20_000)
    const row = await until(
      () => emu.store.collection('signups').get(signUpId) as unknown as SignUp,
      (r) => r.status === 'attended',
    )
    await organizer.waitForText(/已签到 \d\d:\d\d/)
    assert.equal(row.status, 'attended')
    assert.ok(row.checkedInAt && Math.abs(row.checkedInAt - Date.now()) < 2 * MINUTE)
    assert.deepEqual(volunteer.errors, [])
    assert.deepEqual(organizer.errors, [])
  },
)

async function until<T>(read: () => T, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const value = read()
    if (done(value) || Date.now() > end) return value
    await new Promise((ok) => setTimeout(ok, 200))
  }
}
