// Every page of app.json booted on a phone (the built mini program in WeChat's logic-layer sandbox) by the person
// who would open it, with the query it is opened with: each must draw, without an uncaught error or unhandled
// rejection, and must not be left on a loading state once the cloud has answered.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Emulator } from '@emulator/index'
import type { Persona } from '@core/shared/demo-personas'
import { WEAPP_DIR, openMiniProgram, startLocalCloud, whyNotRunnable } from './harness'

/** who opens each page, and with which query (a page missing here fails the test: add it) */
const OPENED_AS: Record<string, { who: Persona['key']; query?: string }> = {
  'pages/calls/index': { who: 'volunteer' },
  'pages/call-detail/index': { who: 'volunteer', query: 'id=mq-trees' },
  'pages/sign-up/index': { who: 'volunteer', query: 'id=mq-trees' },
  'pages/sign-up-success/index': { who: 'volunteer2', query: 'id=mq-trees' },
  'pages/mine/index': { who: 'volunteer2' },
  'packages/ngo/dashboard/index': { who: 'organizer' },
  'packages/ngo/register/index': { who: 'volunteer' },
  'packages/ngo/call-editor/index': { who: 'organizer', query: 'ngoId=rescue-minqin' },
  'packages/ngo/roster/index': { who: 'organizer', query: 'id=mq-trees' },
  'packages/ngo/admin/index': { who: 'admin' },
  'packages/ngo/join/index': { who: 'volunteer' },
  'packages/ngo/directory/index': { who: 'volunteer' },
  'packages/ngo/profile/index': { who: 'volunteer', query: 'id=rescue-minqin' },
  'packages/ngo/checkin/index': { who: 'organizer', query: 'callId=mq-trees' },
  'packages/ngo/hours/index': { who: 'organizer', query: 'callId=mq-trees' },
  'packages/volunteer/checkin/index': { who: 'volunteer2' },
  'packages/volunteer/hours/index': { who: 'volunteer2' },
  'packages/volunteer/certificate/index': { who: 'volunteer2' },
  'packages/volunteer/verify/index': { who: 'volunteer' },
  'packages/volunteer/privacy/index': { who: 'volunteer2' },
}

function appPages(): string[] {
  const json = JSON.parse(readFileSync(join(WEAPP_DIR, 'app.json'), 'utf8')) as {
    pages: string[]
    subPackages?: { root: string; pages: string[] }[]
  }
  return [
    ...json.pages,
    ...(json.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`)),
  ]
}

const skip = whyNotRunnable()
let cloud: Emulator | undefined

before(async () => {
  if (!skip) cloud = await startLocalCloud()
})

after(async () => {
  await cloud?.stop()
})

test('every page of app.json is known here', { skip }, () => {
  assert.deepEqual(
    appPages().filter((page) => !OPENED_AS[page]),
    [],
  )
})

for (const [page, { who, query }] of Object.entries(OPENED_AS)) {
  test(`${page} boots and draws for the ${who}`, { skip }, async () => {
    assert.ok(cloud)
    const app = await openMiniProgram(cloud, who, `/${page}${query ? `?${query}` : ''}`)
    try {
      const text = await app.settle()
      assert.notEqual(text.trim(), '', 'the page draws something')
      assert.equal(app.route, page)
      assert.deepEqual(app.errors, [])
      assert.deepEqual([...app.fake.missing], [], 'wx APIs the sandbox lacks')
    } finally {
      app.close()
    }
  })
}
