import { test } from 'node:test'
import assert from 'node:assert/strict'
import { DEFAULT_HOURS_RULE, minutesBetween, roundHours, ruleProblem } from '@core/attendance/hours'

test('the default rule on its edges: <15 → 0, 15–<45 → 0.5, ≥45 → 1, per hour', () => {
  const expected: [number, number][] = [
    [0, 0],
    [14, 0],
    [15, 0.5],
    [44, 0.5],
    [45, 1],
    [46, 1],
    [60, 1],
    [61, 1],
    [74, 1],
    [75, 1.5],
    [105, 2],
    [135, 2.5],
  ]
  for (const [minutes, hours] of expected) assert.equal(roundHours(minutes), hours, `${minutes} min`)
})

test('an NGO may move the thresholds', () => {
  const rule = { zeroBelow: 30, halfBelow: 30 }
  assert.equal(roundHours(29, rule), 0)
  assert.equal(roundHours(30, rule), 1)
  assert.equal(roundHours(90, rule), 2)
})

test('no time or nonsense counts nothing', () => {
  for (const minutes of [-5, Number.NaN, Number.POSITIVE_INFINITY]) assert.equal(roundHours(minutes), 0)
  assert.equal(minutesBetween(1_000_000, 1_000_000 + 14 * 60_000 + 59_999), 14)
  assert.equal(minutesBetween(2_000_000, 1_000_000), 0)
})

test('rules: whole minutes, 0 ≤ zeroBelow ≤ halfBelow ≤ 60', () => {
  assert.equal(ruleProblem(DEFAULT_HOURS_RULE), null)
  assert.equal(ruleProblem({ zeroBelow: 0, halfBelow: 60 }), null)
  assert.notEqual(ruleProblem({ zeroBelow: 20, halfBelow: 10 }), null)
  assert.notEqual(ruleProblem({ zeroBelow: -1, halfBelow: 10 }), null)
  assert.notEqual(ruleProblem({ zeroBelow: 10, halfBelow: 61 }), null)
  assert.notEqual(ruleProblem({ zeroBelow: 1.5, halfBelow: 10 }), null)
})
