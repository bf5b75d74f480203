// Times read as China time on every phone, whatever the device's own zone.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { formatTime, formatTimeRange } from '@components/format'

const at = (iso: string) => Date.parse(iso)

test('a time is shown in China time, with the weekday', () => {
  const year = new Date().getUTCFullYear()
  assert.equal(formatTime(at(`${year}-12-09T00:30:00Z`)), `12月9日 ${weekday(year, 11, 9)} 08:30`)
})

test('a time in another year carries the year', () => {
  assert.equal(formatTime(at('2020-03-12T00:30:00Z')), '2020年3月12日 周四 08:30')
})

test('a range on one China day shows the end as a time; across midnight (China) both in full', () => {
  assert.equal(
    formatTimeRange(at('2020-03-12T00:30:00Z'), at('2020-03-12T09:00:00Z')),
    '2020年3月12日 周四 08:30–17:00',
  )
  // 15:00 UTC is 23:00 in China: the activity ends on the next China day
  assert.equal(
    formatTimeRange(at('2020-03-12T15:00:00Z'), at('2020-03-12T17:00:00Z')),
    '2020年3月12日 周四 23:00 至 2020年3月13日 周五 01:00',
  )
})

function weekday(year: number, month: number, day: number): string {
  return ['周日', '周一', '周二', '周三', '周四', '周五', '周六'][
    new Date(Date.UTC(year, month, day)).getUTCDay()
  ]
}
