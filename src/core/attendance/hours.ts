import type { HoursRule } from '@core/model'

export const DEFAULT_HOURS_RULE: HoursRule = { zeroBelow: 15, halfBelow: 45 }

/** Hours for `minutes` of service under `rule` (a multiple of 0.5). */
export function roundHours(minutes: number, rule: HoursRule = DEFAULT_HOURS_RULE): number {
  if (!Number.isFinite(minutes) || minutes <= 0) return 0
  const whole = Math.floor(minutes / 60)
  const rest = minutes - whole * 60
  if (rest < rule.zeroBelow) return whole
  if (rest < rule.halfBelow) return whole + 0.5
  return whole + 1
}

/** Whole minutes between two instants (a check-in and a check-out); 0 when out is not after in. */
export function minutesBetween(inAt: number, outAt: number): number {
  return Math.max(0, Math.floor((outAt - inAt) / 60_000))
}

/** Why a rule is not acceptable, or null: thresholds are whole minutes with 0 ≤ zeroBelow ≤ halfBelow ≤ 60. */
export function ruleProblem(rule: HoursRule): string | null {
  const { zeroBelow, halfBelow } = rule
  if (!Number.isInteger(zeroBelow) || !Number.isInteger(halfBelow)) return '分钟数须为整数'
  if (zeroBelow < 0 || halfBelow > 60 || zeroBelow > halfBelow) return '须满足 0 ≤ 不计时长 ≤ 计半小时 ≤ 60'
  return null
}

/** The rule in words, for the console: 「不足 15 分钟不计，15–45 分钟计 0.5 小时，满 45 分钟计 1 小时」. */
export function describeRule(rule: HoursRule): string {
  return `每满 1 小时计 1 小时；余下不足 ${rule.zeroBelow} 分钟不计，${rule.zeroBelow}–${rule.halfBelow} 分钟计 0.5 小时，满 ${rule.halfBelow} 分钟计 1 小时`
}
