// One schema per action of the `api` function. The client form runs the same functions, so a message the
// volunteer sees under a field is the one the server would send. Unknown fields are ignored.
import { readPhone } from '@core/shared/validation'
import type {
  CancelCallRequest,
  CancelSignUpRequest,
  CloseCallRequest,
  GetCallRequest,
  GetPhoneNumberRequest,
  SignUpRequest,
} from './contract'
import { readAnswers } from './answers'
import { type CursorPosition, decodeCursor, CURSOR_MAX_LENGTH } from '@core/shared/cursor'
import { NAME_MAX_LENGTH } from './rules'
import { looksLikeSlotKey } from './slots'
import type { Answers, Companion, CompanionRule, Question } from '@core/model'
import { readCompanions } from './companions'
import {
  asInput,
  type FieldErrors,
  finish,
  notAnObject,
  readId,
  readName,
  readText,
  readTime,
  type Validation,
} from '@core/shared/validation'
export const CITY_MAX_LENGTH = 20
export const TAG_MAX_LENGTH = 20
export const KEYWORD_MAX_LENGTH = 30

/** listCalls filters, cleaned: the cursor decoded to the position after which the page starts. */
export interface ListCallsQuery {
  city?: string
  tag?: string
  keyword?: string
  from?: number
  to?: number
  after?: CursorPosition
}

/** A sign-up as the schema returns it: answers and companions always present (possibly empty), consent true. */
export type CleanSignUp = SignUpRequest & { answers: Answers; privacyConsent: true; companions: Companion[] }

export function validateListCalls(input: unknown): Validation<ListCallsQuery> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const query: ListCallsQuery = {
    city: readText(fields, 'city', { label: '城市', required: false, max: CITY_MAX_LENGTH }, errors),
    tag: readText(fields, 'tag', { label: '标签', required: false, max: TAG_MAX_LENGTH }, errors),
    keyword: readText(
      fields,
      'keyword',
      { label: '关键词', required: false, max: KEYWORD_MAX_LENGTH },
      errors,
    ),
    from: readTime(fields, 'from', '开始日期', errors),
    to: readTime(fields, 'to', '结束日期', errors),
  }
  if (query.from !== undefined && query.to !== undefined && query.to <= query.from) {
    errors.to = '结束日期应晚于开始日期'
  }
  const cursor = fields.cursor
  if (cursor !== undefined && cursor !== null && cursor !== '') {
    const after =
      typeof cursor === 'string' && cursor.length <= CURSOR_MAX_LENGTH ? decodeCursor(cursor) : null
    if (after) query.after = after
    else errors.cursor = '分页标记无效，请刷新列表'
  }
  return finish(errors, dropUndefined(query))
}

export function validateGetCall(input: unknown): Validation<GetCallRequest> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const callId = readId(fields, 'callId', '活动编号', errors)
  const fresh = fields.fresh
  if (fresh !== undefined && typeof fresh !== 'boolean') errors.fresh = 'fresh 应为 true 或 false'
  const mineLater = fields.mineLater
  if (mineLater !== undefined && typeof mineLater !== 'boolean')
    errors.mineLater = 'mineLater 应为 true 或 false'
  return finish(errors, {
    callId,
    ...(fresh === true ? { fresh: true } : {}),
    ...(mineLater === true ? { mineLater: true } : {}),
  })
}

export function validateCancelSignUp(input: unknown): Validation<CancelSignUpRequest> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const callId = readId(fields, 'callId', '活动编号', errors)
  return finish(errors, dropUndefined({ callId, slot: readSlot(fields, errors) }))
}

/** An optional slot key (`s2`, `s2-r1`); whether the call has it is the action's to check. */
export function readSlot(fields: Record<string, unknown>, errors: FieldErrors): string | undefined {
  const slot = fields.slot
  if (slot === undefined) return undefined
  if (!looksLikeSlotKey(slot)) {
    errors.slot = '场次编号不正确'
    return undefined
  }
  return slot
}

/** mySignUps takes no parameters; identity comes from WeChat. */
export function validateMySignUps(input: unknown): Validation<Record<string, never>> {
  return asInput(input) ? { ok: true, value: {} } : notAnObject()
}

/**
 * The sign-up form, checked against the call's questions and its rule for companions (Call.companions). Used by the form in the mini program (pass the
 * questions of the call being shown) and by the `signUp` action. A `referrer` field is ignored like any unknown
 * one: whoever brought the volunteer is credited only through a referrer code (share.ts readAttribution).
 */
export function validateSignUpForm(
  input: unknown,
  questions: readonly Question[],
  companionRule?: CompanionRule,
): Validation<CleanSignUp> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const callId = readId(fields, 'callId', '活动编号', errors)
  const name = readName(fields, 'name', { label: '姓名', required: true, max: NAME_MAX_LENGTH }, errors)
  const phone = readPhone(fields.phone, errors)
  const answers = readAnswers(fields.answers, questions, errors)
  const companions = readCompanions(fields.companions, companionRule, errors)
  if (fields.privacyConsent !== true) errors.privacyConsent = '请阅读并同意隐私说明'
  return finish(errors, { callId, name: name ?? '', phone, answers, privacyConsent: true, companions })
}

/** Just the call a request is about; the first step of actions whose other rules depend on that call. */
export function validateCallId(input: unknown): Validation<{ callId: string }> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const callId = readId(fields, 'callId', '活动编号', errors)
  return finish(errors, { callId })
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}

export const REASON_MAX_LENGTH = 20
export const PHONE_CODE_MAX_LENGTH = 128

export function validateCloseCall(input: unknown): Validation<CloseCallRequest> {
  return validateCallId(input)
}

/** The reason is told to the volunteers in a 20-character message field. */
export function validateCancelCall(input: unknown): Validation<CancelCallRequest> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const callId = readId(fields, 'callId', '活动编号', errors)
  const reason = readText(
    fields,
    'reason',
    { label: '取消原因', required: false, max: REASON_MAX_LENGTH },
    errors,
  )
  return finish(errors, reason === undefined ? { callId } : { callId, reason })
}

/** The code of a getPhoneNumber button: opaque to us, only WeChat can tell whether it is good. */
export function validateGetPhoneNumber(input: unknown): Validation<GetPhoneNumberRequest> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const code = fields.code
  if (typeof code !== 'string' || code === '') return { ok: false, fields: { code: '缺少手机号授权码' } }
  if (code.length > PHONE_CODE_MAX_LENGTH || !/^[\x21-\x7e]+$/.test(code))
    return { ok: false, fields: { code: '手机号授权码无效' } }
  return { ok: true, value: { code } }
}
