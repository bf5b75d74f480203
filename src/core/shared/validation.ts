// A tiny validation layer: readers take one field from untrusted input, return its clean value and record a
// Chinese message per bad field. A feature's validate.ts runs its readers, then `finish` turns them into a result.

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
  /** keeps line breaks and tabs (descriptions, intros, notices, long answers); else they become spaces */
  multiline?: boolean
}

// Text that is stored is text: characters nobody sees, that reorder what is shown, or that are not characters
// at all are removed wherever text is accepted. All are stripped, none refused: they come with pasted text
// (web pages, documents, other chats) far more often than on purpose, and the text reads the same without.
// - C0/C1 controls and DEL: only \n and \t survive, and only in multi-line fields. Other line breaks (\r\n,
//   \r, U+0085, U+2028/2029, \v, \f) become \n first; a single-line field turns \n and \t into a space, so
//   two pasted lines stay two words.
// - Invisible format characters: soft hyphen U+00AD, Arabic letter mark U+061C, Mongolian vowel separator
//   U+180E, zero-width space/non-joiner/joiner and LRM/RLM U+200B–U+200F, bidi embeddings and overrides
//   U+202A–U+202E, word joiner, invisible operators, bidi isolates and deprecated format characters
//   U+2060–U+206F, BOM U+FEFF, interlinear annotation U+FFF9–U+FFFB. The zero-width joiner goes too: an emoji
//   family then shows as its members side by side, a fair price for one rule without exceptions.
// - Hangul fillers U+115F, U+1160, U+3164, U+FFA0: letters to Unicode, drawn as nothing (the "blank name"
//   trick), so they would pass readName's letter rule.
// - Non-characters (U+FDD0–U+FDEF and the last two code points of every plane, U+FFFE/U+FFFF included):
//   they break XML (the .xlsx exports) and mean nothing in interchange.
// - Lone surrogates: stripped rather than refused. They are half an emoji, typically cut by an input's
//   maxlength counting UTF-16 units; the volunteer did nothing wrong and the rest of the text is good.
const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029\v\f]/g
/* eslint-disable no-control-regex -- matching control characters is the point */
const INVISIBLE =
  /[\0-\x08\x0e-\x1f\x7f-\x9f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\ud800-\udfff]|\p{Noncharacter_Code_Point}/gu
/* eslint-enable no-control-regex */

/** The text with invisible, bidi and non-characters removed (see above) and trimmed. */
export function cleanText(raw: string, multiline = false): string {
  const lines = raw.replace(LINE_BREAKS, '\n')
  return (multiline ? lines : lines.replace(/[\n\t]/g, ' ')).replace(INVISIBLE, '').trim()
}

/**
 * A cleaned string (cleanText); empty, or nothing but invisible characters, counts as absent. Length counts
 * characters, not bytes, after cleaning.
 */
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
  const text = cleanText(raw, rule.multiline)
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

/** Whether a name gives something to call a person by: a letter of any script (汉字, Latin, …), not only emoji,
 *  digits or punctuation. */
export function hasLetter(text: string): boolean {
  return /\p{L}/u.test(text)
}

/** A person's name (sign-up, walk-in, organizer, contact person): readText, and it must contain a letter. */
export function readName(input: Input, key: string, rule: TextRule, errors: FieldErrors): string | undefined {
  const name = readText(input, key, { ...rule, multiline: false }, errors)
  if (name === undefined || hasLetter(name)) return name
  errors[key] = `${rule.label}需包含文字`
  return undefined
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

/** Number of characters as a person counts them (code points, so 𠮷 is one), not UTF-16 units or bytes. */
export function charCount(text: string): number {
  return Array.from(text).length
}

/** Ids of stored documents: short and url-safe (a call id must fit a 32-character QR `scene`). */
export function looksLikeId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,32}$/.test(value)
}

/** WeChat openids are 28 url-safe characters; allow some slack for other id schemes. */
export function looksLikeOpenid(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(value)
}

export const PHONE_PATTERN = /^1[3-9]\d{9}$/

/** A mainland mobile number (spaces and dashes dropped); the message goes under `phone`. */
export function readPhone(raw: unknown, errors: FieldErrors): string {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    errors.phone = '请填写手机号'
  } else if (typeof raw !== 'string') {
    errors.phone = '手机号应为文字'
  } else {
    // People paste numbers with spaces or dashes (138 0013 8000); the digits are what counts.
    const digits = raw.replace(/[\s-]/g, '')
    if (PHONE_PATTERN.test(digits)) return digits
    errors.phone = '请填写正确的11位手机号'
  }
  return ''
}
