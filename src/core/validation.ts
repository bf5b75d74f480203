// A tiny validation layer: readers take one field from untrusted input, return its clean value and record a
// Chinese message per bad field. A schema (schemas.ts) runs its readers, then `finish` turns them into a result.
import { charCount, looksLikeId } from './rules'

/** Per-field messages, keyed by field name (`answers.<questionId>` for answers). */
export type FieldErrors = Record<string, string>

export type Validation<T> = { ok: true; value: T } | { ok: false; fields: FieldErrors }

export type Input = Record<string, unknown>

/** The input as an object, or null (arrays and primitives are not requests). */
export function asInput(input: unknown): Input | null {
  return typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Input) : null
}

export function finish<T>(errors: FieldErrors, value: T): Validation<T> {
  return Object.keys(errors).length > 0 ? { ok: false, fields: errors } : { ok: true, value }
}

export function notAnObject(): Validation<never> {
  return { ok: false, fields: { request: '请求格式不正确' } }
}

export interface TextRule {
  label: string
  required: boolean
  max: number
}

/** A trimmed string; empty counts as absent. Length counts characters, not bytes. */
export function readText(input: Input, key: string, rule: TextRule, errors: FieldErrors): string | undefined {
  const raw = input[key]
  if (raw === undefined || raw === null) {
    if (rule.required) errors[key] = `请填写${rule.label}`
    return undefined
  }
  if (typeof raw !== 'string') {
    errors[key] = `${rule.label}应为文字`
    return undefined
  }
  const text = raw.trim()
  if (text === '') {
    if (rule.required) errors[key] = `请填写${rule.label}`
    return undefined
  }
  if (charCount(text) > rule.max) {
    errors[key] = `${rule.label}不能超过${rule.max}个字`
    return undefined
  }
  return text
}

/** A required document id. */
export function readId(input: Input, key: string, label: string, errors: FieldErrors): string {
  const raw = input[key]
  if (raw === undefined || raw === null || raw === '') errors[key] = `缺少${label}`
  else if (typeof raw !== 'string') errors[key] = `${label}应为文字`
  else if (!looksLikeId(raw)) errors[key] = `${label}无效`
  else return raw
  return ''
}

/** An optional time as epoch milliseconds. */
export function readTime(input: Input, key: string, label: string, errors: FieldErrors): number | undefined {
  const raw = input[key]
  if (raw === undefined || raw === null) return undefined
  if (typeof raw !== 'number' || !Number.isFinite(raw)) errors[key] = `${label}应为数字`
  else if (!Number.isSafeInteger(raw) || raw < 0) errors[key] = `${label}无效`
  else return raw
  return undefined
}
