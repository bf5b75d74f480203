import { exportFileName } from '@core/calls/roster'
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { demoData } from '@emulator/demo-data'
import type { CallCard } from '@core/calls/contract'
import { PERSONAS } from '@core/shared/demo-personas'
import { HOURS_SHEET_HEADERS, hoursRecord, hoursSheet } from '@core/attendance/hours-record'
import { toCallCard } from '@core/calls/views'
import type { Call, Ngo, SignUp } from '@core/model'

const NOW = Date.UTC(2025, 4, 1, 2, 0, 0)
const DAY = 86_400_000

function card(over: Partial<CallCard>): CallCard {
  return {
    _id: 'c1',
    title: '植树',
    cover: '',
    ngoId: 'n1',
    ngoName: '民勤治沙',
    city: '',
    address: '',
    tags: [],
    startAt: NOW,
    endAt: NOW + DAY,
    capacity: 10,
    confirmed: 1,
    spotsLeft: 9,
    status: 'closed',
    ...over,
  }
}

function signUp(over: Partial<SignUp>): SignUp {
  return {
    _id: 's1',
    callId: 'c1',
    openid: 'o1',
    name: '林晓',
    phone: '13800138000',
    answers: {},
    status: 'attended',
    createdAt: NOW,
    updatedAt: NOW,
    ...over,
  }
}

test('totals count confirmed hours only, per NGO and per China-time year', () => {
  const newYearsEve = Date.UTC(2024, 11, 31, 17, 0) // 2025-01-01 01:00 in China
  const record = hoursRecord([
    { signUp: signUp({ _id: 'a', hours: 3, hoursConfirmedAt: NOW }), call: card({ _id: 'c1' }) },
    {
      signUp: signUp({ _id: 'b', hours: 2, hoursConfirmedAt: NOW }),
      call: card({ _id: 'c2', ngoId: 'n2', ngoName: '银龄', startAt: newYearsEve }),
    },
    { signUp: signUp({ _id: 'c', hours: 5 }), call: card({ _id: 'c3', startAt: NOW + DAY }) },
    { signUp: signUp({ _id: 'd', status: 'no_show' }), call: card({ _id: 'c4', startAt: NOW - DAY }) },
    { signUp: signUp({ _id: 'e', status: 'confirmed' }), call: card({ _id: 'c5' }) },
  ])
  assert.equal(record.total, 5)
  assert.deepEqual(record.byNgo, [
    { ngoId: 'n1', ngoName: '民勤治沙', hours: 3 },
    { ngoId: 'n2', ngoName: '银龄', hours: 2 },
  ])
  assert.deepEqual(record.byYear, [{ year: 2025, hours: 5 }])
  assert.deepEqual(
    record.events.map((e) => [e.signUpId, e.status, e.hours]),
    [
      ['c', 'pending', 5],
      ['a', 'confirmed', 3],
      ['d', 'no_show', 0],
      ['b', 'confirmed', 2],
    ],
  )
})

test('the export sheet: confirmed rows only, edits and walk-ins noted', () => {
  const call = { _id: 'c1', title: '植树', startAt: NOW, city: '民勤', address: '青土湖' } as Call
  const rows = hoursSheet([
    {
      call,
      signUp: signUp({
        hours: 3,
        hoursConfirmedAt: NOW + DAY,
        hoursEdits: [{ from: 2, to: 3, reason: '提前布置', by: 'o', at: NOW }],
      }),
    },
    { call, signUp: signUp({ _id: 'w', name: '王姐', walkIn: true, hours: 1, hoursConfirmedAt: NOW + DAY }) },
    { call, signUp: signUp({ _id: 'p', name: '待确认', hours: 4 }) },
  ])
  assert.equal(rows.length, 2)
  assert.ok(rows.every((row) => row.length === HOURS_SHEET_HEADERS.length))
  assert.equal(rows[0][1], '林晓')
  assert.equal(rows[0][8], '3')
  assert.equal(rows[0][10], '时长由 2 改为 3：提前布置')
  assert.equal(rows[1][10], '现场登记')
})

test('the demo has hours to show: confirmed for 小林, awaiting for 阿梅, no-shows, one edit', () => {
  const data = demoData(NOW)
  const signups = data.signups as SignUp[]
  const calls = data.calls as Call[]
  const ngos = data.ngos as Ngo[]
  const mine = (key: string) => {
    const openid = PERSONAS.find((p) => p.key === key)?.openid
    const items = signups
      .filter((s) => s.openid === openid)
      .map((s) => {
        const call = calls.find((c) => c._id === s.callId) as Call
        return { signUp: s, call: toCallCard(call, ngos.find((n) => n._id === call.ngoId)?.name ?? '') }
      })
    return hoursRecord(items)
  }
  assert.ok(mine('volunteer').total > 0)
  assert.equal(mine('volunteer2').total, 0)
  assert.deepEqual(
    mine('volunteer2').events.map((e) => e.status),
    ['pending'],
  )
  assert.ok(signups.some((s) => s.status === 'no_show'))
  assert.ok(signups.some((s) => (s.hoursEdits?.length ?? 0) > 0))
  for (const s of signups.filter((s) => s.status === 'attended')) {
    const call = calls.find((c) => c._id === s.callId) as Call
    assert.ok(s.checkedInAt !== undefined && s.checkedInAt < NOW)
    // a call going on now has people checked in and not yet out; an ended one has them out
    if (call.endAt <= NOW) assert.ok(s.checkedOutAt !== undefined && s.checkedInAt < s.checkedOutAt)
    else assert.equal(s.checkedOutAt, undefined)
  }
  assert.ok(
    calls.some((c) => c.startAt <= NOW && NOW < c.endAt),
    'a call going on now, for the check-in screen',
  )
})

test('an export is named for people: what, of which call, when in China time; unsafe characters replaced', () => {
  // 2026-11-29 06:30 UTC is 14:30 in China
  const at = Date.UTC(2026, 10, 29, 6, 30)
  assert.equal(exportFileName('报名名单', '民勤梭梭林植树', at), '报名名单-民勤梭梭林植树-20261129-1430.xlsx')
  assert.equal(exportFileName('报名名单', 'a/b:c*d?', at), '报名名单-a_b_c_d_-20261129-1430.xlsx')
})
