// Schemas of the attendance actions (attendance/contract.ts); the organizer's forms run the same ones.
import type {
  AddWalkInRequest,
  AttendanceMode,
  CheckInCodeRequest,
  ConfirmHoursRequest,
  EditHoursRequest,
  ExportHoursRequest,
  MarkAttendanceRequest,
  OfflineRecord,
  OfflineWalkIn,
  SyncCheckInsRequest,
  SetHoursRuleRequest,
} from './contract'
import { looksLikeSignUpId } from '@core/calls/rules'
import { CODE_MAX_LENGTH, looksLikeRoleId, looksLikeSessionId } from './checkin-code'
import { PASS_MAX_LENGTH } from './offline-pass'
import { type HoursRule } from '@core/model'
import { ruleProblem } from './hours'
import { charCount } from '@core/shared/validation'
import { NAME_MAX_LENGTH } from '@core/calls/rules'
import { readPhone } from '@core/shared/validation'
import {
  asInput,
  type FieldErrors,
  finish,
  type Input,
  notAnObject,
  readId,
  readName,
  readText,
  readTime,
  type Validation,
} from '@core/shared/validation'

/** Hours an organizer may set for one attendance: half hours, at most a day. */
export const MAX_HOURS = 24
export const HOURS_REASON_MIN_LENGTH = 2
export const HOURS_REASON_MAX_LENGTH = 100
/** Sign-ups confirmed in one request (a list from the organizer's screen) */
export const CONFIRM_MAX_IDS = 500
/** An export spans at most a year (and a day, for a leap year) */
export const EXPORT_MAX_DAYS = 366

const DAY = 86_400_000

export function validateCheckInCode(input: unknown): Validation<CheckInCodeRequest> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const callId = readId(fields, 'callId', '活动编号', errors)
  const mode = readMode(fields, errors)
  const sessionId = readSessionId(fields, errors)
  return finish(errors, sessionId === undefined ? { callId, mode } : { callId, mode, sessionId })
}

/** The attendance actions that act on a whole call (or one of its sessions): `callId`, maybe `sessionId`. */
export function validateCallSession(input: unknown): Validation<{ callId: string; sessionId?: string }> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const callId = readId(fields, 'callId', '活动编号', errors)
  const sessionId = readSessionId(fields, errors)
  return finish(errors, sessionId === undefined ? { callId } : { callId, sessionId })
}

/** The scanned text only has to be text of a sane length; what it says is the code's check (CODE_INVALID). */
export function validateCheckIn(input: unknown): Validation<{ code: string }> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const code = readScanned(fields, 'code', errors)
  return finish(errors, { code: code ?? '' })
}

export function validateMarkAttendance(input: unknown): Validation<MarkAttendanceRequest> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const callId = readId(fields, 'callId', '活动编号', errors)
  const mode = readMode(fields, errors)
  const personalCode = readScanned(fields, 'personalCode', errors, false)
  const signUpId = readSignUpId(fields, errors, false)
  if ((personalCode === undefined) === (signUpId === undefined) && !errors.personalCode && !errors.signUpId) {
    errors.signUpId = '请扫描志愿者的签到码或从名单中选择一人'
  }
  const sessionId = readSessionId(fields, errors)
  const request: MarkAttendanceRequest = { callId, mode }
  if (personalCode !== undefined) request.personalCode = personalCode
  if (signUpId !== undefined) request.signUpId = signUpId
  if (sessionId !== undefined) request.sessionId = sessionId
  return finish(errors, request)
}

export function validateAddWalkIn(input: unknown): Validation<AddWalkInRequest> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const callId = readId(fields, 'callId', '活动编号', errors)
  const name = readName(fields, 'name', { label: '姓名', required: true, max: NAME_MAX_LENGTH }, errors)
  const phone = readPhone(fields.phone, errors)
  const sessionId = readSessionId(fields, errors)
  const roleId = readRoleId(fields, errors)
  const request: AddWalkInRequest = { callId, name: name ?? '', phone }
  if (sessionId !== undefined) request.sessionId = sessionId
  if (roleId !== undefined) request.roleId = roleId
  return finish(errors, request)
}

export function validateEditHours(input: unknown): Validation<EditHoursRequest> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const callId = readId(fields, 'callId', '活动编号', errors)
  const signUpId = readSignUpId(fields, errors, true) ?? ''
  const hours = fields.hours
  if (typeof hours !== 'number' || !Number.isFinite(hours)) errors.hours = '请填写时长（小时）'
  else if (hours < 0 || hours > MAX_HOURS) errors.hours = `时长应在 0 到 ${MAX_HOURS} 小时之间`
  else if (!Number.isInteger(hours * 2)) errors.hours = '时长以半小时为单位，如 2 或 2.5'
  const reason = readText(
    fields,
    'reason',
    { label: '修改原因', required: true, max: HOURS_REASON_MAX_LENGTH },
    errors,
  )
  if (reason !== undefined && charCount(reason) < HOURS_REASON_MIN_LENGTH) {
    errors.reason = `修改原因至少${HOURS_REASON_MIN_LENGTH}个字`
  }
  return finish(errors, { callId, signUpId, hours: hours as number, reason: reason ?? '' })
}

export function validateConfirmHours(input: unknown): Validation<ConfirmHoursRequest> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const callId = readId(fields, 'callId', '活动编号', errors)
  const request: ConfirmHoursRequest = { callId }
  const ids = fields.signUpIds
  if (ids !== undefined && ids !== null) {
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > CONFIRM_MAX_IDS) {
      errors.signUpIds = `请选择 1 到 ${CONFIRM_MAX_IDS} 人`
    } else if (!ids.every(looksLikeSignUpId)) {
      errors.signUpIds = '名单中有无效的编号'
    } else {
      request.signUpIds = [...new Set(ids)]
    }
  }
  return finish(errors, request)
}

export function validateSetHoursRule(input: unknown): Validation<SetHoursRuleRequest> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const ngoId = readId(fields, 'ngoId', '机构编号', errors)
  const raw = asInput(fields.rule)
  let rule: HoursRule = { zeroBelow: 0, halfBelow: 0 }
  if (!raw || typeof raw.zeroBelow !== 'number' || typeof raw.halfBelow !== 'number') {
    errors.rule = '请填写两个分钟数'
  } else {
    rule = { zeroBelow: raw.zeroBelow, halfBelow: raw.halfBelow }
    const problem = ruleProblem(rule)
    if (problem) errors.rule = problem
  }
  return finish(errors, { ngoId, rule })
}

export function validateExportHours(input: unknown): Validation<ExportHoursRequest> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const ngoId = readId(fields, 'ngoId', '机构编号', errors)
  const from = readTime(fields, 'from', '开始日期', errors)
  const to = readTime(fields, 'to', '结束日期', errors)
  if (from === undefined && !errors.from) errors.from = '请选择开始日期'
  if (to === undefined && !errors.to) errors.to = '请选择结束日期'
  if (from !== undefined && to !== undefined) {
    if (to <= from) errors.to = '结束日期应晚于开始日期'
    else if (to - from > EXPORT_MAX_DAYS * DAY) errors.to = `一次最多导出 ${EXPORT_MAX_DAYS} 天`
  }
  return finish(errors, { ngoId, from: from ?? 0, to: to ?? 0 })
}

/**
 * An optional session id (`s1`, `s2`, …): absent, null or '' is none; anything else not shaped like one is
 * INVALID_INPUT here, and one the call lacks is the action's INVALID_INPUT.
 */
export function readSessionId(fields: Input, errors: FieldErrors): string | undefined {
  const raw = fields.sessionId
  if (raw === undefined || raw === null || raw === '') return undefined
  if (looksLikeSessionId(raw)) return raw
  errors.sessionId = '场次无效'
  return undefined
}

/** An optional role id (`r1`, …), read like a session id. */
export function readRoleId(fields: Input, errors: FieldErrors): string | undefined {
  const raw = fields.roleId
  if (raw === undefined || raw === null || raw === '') return undefined
  if (looksLikeRoleId(raw)) return raw
  errors.roleId = '岗位无效'
  return undefined
}

function readMode(fields: Input, errors: FieldErrors): AttendanceMode {
  const mode = fields.mode
  if (mode === 'in' || mode === 'out') return mode
  errors.mode = '请选择签到或签退'
  return 'in'
}

function readScanned(fields: Input, key: string, errors: FieldErrors, required = true): string | undefined {
  const raw = fields[key]
  if (raw === undefined || raw === null || raw === '') {
    if (required) errors[key] = '请扫描签到码'
    return undefined
  }
  // A code inside a path may be percent-encoded: allow twice the code's length.
  if (typeof raw !== 'string' || raw.length > 2 * CODE_MAX_LENGTH) {
    errors[key] = '签到码无效'
    return undefined
  }
  return raw
}

function readSignUpId(fields: Input, errors: FieldErrors, required: boolean): string | undefined {
  const raw = fields.signUpId
  if (raw === undefined || raw === null || raw === '') {
    if (required) errors.signUpId = '缺少报名编号'
    return undefined
  }
  if (!looksLikeSignUpId(raw)) {
    errors.signUpId = '报名编号无效'
    return undefined
  }
  return raw
}

/** Records sent in one sync (a phone sends a longer queue in turns). */
export const SYNC_MAX_RECORDS = 100
const RECORD_ID = /^[A-Za-z0-9_-]{3,48}$/

export function validateSyncCheckIns(input: unknown): Validation<SyncCheckInsRequest> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const callId = readId(fields, 'callId', '活动编号', errors)
  const sessionId = readSessionId(fields, errors)
  if (sessionId === undefined && !errors.sessionId) errors.sessionId = '缺少场次'
  const raw = fields.records
  const records: OfflineRecord[] = []
  if (!Array.isArray(raw) || raw.length === 0) errors.records = '没有要同步的记录'
  else if (raw.length > SYNC_MAX_RECORDS) errors.records = `一次最多同步 ${SYNC_MAX_RECORDS} 条记录`
  else {
    const ids = new Set<string>()
    raw.forEach((item: unknown, i) => {
      const record = readRecord(item)
      if (typeof record === 'string') errors[`records.${i}`] = record
      else if (ids.has(record.id)) errors[`records.${i}`] = '记录编号重复'
      else {
        ids.add(record.id)
        records.push(record)
      }
    })
  }
  return finish(errors, { callId, sessionId: sessionId ?? '', records })
}

/** One offline record, or why it is not one. */
function readRecord(item: unknown): OfflineRecord | string {
  const fields = asInput(item)
  if (!fields) return '记录格式不正确'
  const { id, mode, at, signUpId, pass, walkIn } = fields
  if (typeof id !== 'string' || !RECORD_ID.test(id)) return '记录编号无效'
  if (mode !== 'in' && mode !== 'out') return '请选择签到或签退'
  if (typeof at !== 'number' || !Number.isSafeInteger(at) || at <= 0) return '记录时间无效'
  const given = [signUpId, pass, walkIn].filter((v) => v !== undefined && v !== null).length
  if (given !== 1) return '每条记录须是报名编号、签到码或现场报名之一'
  if (signUpId !== undefined && signUpId !== null)
    return looksLikeSignUpId(signUpId) ? { id, mode, at, signUpId } : '报名编号无效'
  if (walkIn !== undefined && walkIn !== null) {
    const person = readWalkIn(walkIn)
    return typeof person === 'string' ? person : { id, mode, at, walkIn: person }
  }
  if (typeof pass !== 'string' || pass.length === 0 || pass.length > PASS_MAX_LENGTH) return '签到码无效'
  return { id, mode, at, pass }
}

/** A walk-in's name and phone as addWalkIn takes them, or what is wrong with them. */
export function readWalkIn(item: unknown): OfflineWalkIn | string {
  const fields = asInput(item)
  if (!fields) return '现场报名格式不正确'
  const errors: FieldErrors = {}
  const name = readName(fields, 'name', { label: '姓名', required: true, max: NAME_MAX_LENGTH }, errors)
  const phone = readPhone(fields.phone, errors)
  const problem = errors.name ?? errors.phone
  return problem !== undefined || name === undefined
    ? `现场报名：${problem ?? '请填写姓名'}`
    : { name, phone }
}
