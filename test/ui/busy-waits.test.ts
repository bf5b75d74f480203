// The phone's waits while the cloud is busy (src/services/cloud/api.ts): the call's page asking again for the
// visitor's own part uses the same calm waits as a busy action, and stops after ten minutes (then it offers to read
// again) rather than asking all day.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { busyWait, mineLaterWait } from '@services/cloud/api'

test('the visitor’s part is asked for again with the busy waits, doubling to 8 s, each jittered down to half', () => {
  const bounds = [1_000, 2_000, 4_000, 8_000, 8_000, 8_000]
  for (let attempt = 0; attempt < bounds.length; attempt++) {
    for (let i = 0; i < 50; i++) {
      const wait = mineLaterWait(attempt, 0)
      assert.ok(
        wait !== null && wait >= bounds[attempt] / 2 && wait <= bounds[attempt],
        `${attempt}: ${wait}`,
      )
      const busy = busyWait('getCall', attempt, 0)
      assert.ok(busy !== null && busy >= bounds[attempt] / 2 && busy <= bounds[attempt])
    }
  }
})

test('it stops after ten minutes, long past a busy read’s 40 s', () => {
  assert.equal(busyWait('getCall', 9, 40_000), null)
  assert.notEqual(mineLaterWait(9, 40_000), null)
  assert.equal(mineLaterWait(99, 10 * 60_000), null)
})
