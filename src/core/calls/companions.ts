// Companions (同行人): a call may let a volunteer bring up to N people with them, adults or (亲子活动) children of an
// age range. Each companion takes a place, so a sign-up is a party of 1 + companions.length people, and every
// counter of seats and queue places counts people, not sign-ups (lib/waitlist/waitlist.ts). The rules here are
// shared by the call editor, the sign-up form and the functions, so the messages under the fields are the same.
import type { Companion, CompanionRule } from '@core/model'
import { type FieldErrors, type Input, readName } from '@core/shared/validation'

export const COMPANION_NAME_MAX_LENGTH = 20
/** The most an organizer may allow: a family, not a bus. */
export const MAX_COMPANIONS = 9
/** Children's ages an organizer may ask for (0 = under one year). */
export const CHILD_AGE_MIN = 0
export const CHILD_AGE_MAX = 17

/** How many places a sign-up takes: the volunteer and each companion. Rows without companions take one. */
export function partyOf(signUp: { party?: number; companions?: readonly unknown[] }): number {
  return signUp.party ?? 1 + (signUp.companions?.length ?? 0)
}

/** 「成人」 or 「儿童 8 岁」: how a companion is shown in the roster and on the volunteer's pages. */
export function companionLabel(companion: Companion): string {
  return companion.kind === 'child' ? `儿童 ${companion.age ?? '?'} 岁` : '成人'
}

/** 「共 3 人，占 3 个名额」: what the sign-up form shows before it is sent. */
export function partyText(party: number): string {
  return `共 ${party} 人，占 ${party} 个名额`
}

/** What the call editor says of a rule: 「可带 2 位同行人（含 3–12 岁儿童）」. */
export function companionRuleText(rule: CompanionRule | undefined): string {
  if (!rule) return '不可带同行人'
  const children = rule.children
    ? `（含 ${rule.children.minAge}–${rule.children.maxAge} 岁儿童）`
    : '（仅成人）'
  return `每人最多可带 ${rule.max} 位同行人${children}`
}

function isWholeNumber(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
}

/**
 * The companions of a sign-up, checked against the call's rule: errors under `companions` (the list as a whole)
 * and `companions.<i>.name|kind|age`. Absent or an empty list = none. The length is checked before any element
 * is looked at, so a huge array costs nothing.
 */
export function readCompanions(
  raw: unknown,
  rule: CompanionRule | undefined,
  errors: FieldErrors,
): Companion[] {
  if (raw === undefined || raw === null) return []
  if (!Array.isArray(raw)) {
    errors.companions = '同行人格式不正确'
    return []
  }
  if (raw.length === 0) return []
  if (!rule) {
    errors.companions = '本活动不能带同行人'
    return []
  }
  if (raw.length > rule.max) {
    errors.companions = `每人最多带 ${rule.max} 位同行人`
    return []
  }
  const companions: Companion[] = []
  raw.forEach((item: unknown, i) => {
    const key = `companions.${i}`
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      errors[key] = `第 ${i + 1} 位同行人格式不正确`
      return
    }
    const fields = item as Input
    const own: FieldErrors = {} // readName writes under the key it read: each companion's goes under its own
    const name = readName(
      fields,
      'name',
      { label: `第 ${i + 1} 位同行人的姓名`, required: true, max: COMPANION_NAME_MAX_LENGTH },
      own,
    )
    if (own.name !== undefined) errors[`${key}.name`] = own.name
    const kind = fields.kind
    if (kind !== 'adult' && kind !== 'child') {
      errors[`${key}.kind`] = `请选择第 ${i + 1} 位同行人是成人还是儿童`
      return
    }
    if (kind === 'adult') {
      if (name !== undefined) companions.push({ name, kind })
      return
    }
    const children = rule.children
    if (!children) {
      errors[`${key}.kind`] = '本活动不能带儿童'
      return
    }
    const age = fields.age
    if (age === undefined || age === null || age === '') {
      errors[`${key}.age`] = `请填写第 ${i + 1} 位同行人（儿童）的年龄`
      return
    }
    if (!isWholeNumber(age, children.minAge, children.maxAge)) {
      errors[`${key}.age`] = `儿童年龄需在 ${children.minAge}–${children.maxAge} 岁之间`
      return
    }
    if (name !== undefined) companions.push({ name, kind, age })
  })
  return companions
}

/**
 * The call editor's setting, as sent by the editor or saved on a call: absent or `{max: 0}` = not allowed.
 * Errors under `companions.max`, `companions.minAge`, `companions.maxAge`.
 */
export function readCompanionRule(raw: unknown, errors: FieldErrors): CompanionRule | undefined {
  if (raw === undefined || raw === null) return undefined
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    errors.companions = '同行人设置格式不正确'
    return undefined
  }
  const fields = raw as Input
  if (fields.max === 0) return undefined
  if (!isWholeNumber(fields.max, 1, MAX_COMPANIONS)) {
    errors['companions.max'] = `同行人数需为 1–${MAX_COMPANIONS} 人`
    return undefined
  }
  const rule: CompanionRule = { max: fields.max }
  const children = fields.children
  if (children === undefined || children === null) return rule
  if (typeof children !== 'object' || Array.isArray(children)) {
    errors.companions = '儿童年龄设置格式不正确'
    return undefined
  }
  const { minAge, maxAge } = children as Input
  if (!isWholeNumber(minAge, CHILD_AGE_MIN, CHILD_AGE_MAX)) {
    errors['companions.minAge'] = `儿童最小年龄需为 ${CHILD_AGE_MIN}–${CHILD_AGE_MAX} 岁`
    return undefined
  }
  if (!isWholeNumber(maxAge, CHILD_AGE_MIN, CHILD_AGE_MAX)) {
    errors['companions.maxAge'] = `儿童最大年龄需为 ${CHILD_AGE_MIN}–${CHILD_AGE_MAX} 岁`
    return undefined
  }
  if (maxAge < minAge) {
    errors['companions.maxAge'] = '最大年龄不能小于最小年龄'
    return undefined
  }
  return { ...rule, children: { minAge, maxAge } }
}
