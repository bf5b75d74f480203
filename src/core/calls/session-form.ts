// A call's sessions and roles as the editor sends them (saveCall, addSessions): read and checked the same way in the
// editor and the function, then given their stored ids (`s1`…, `r1`…).
import type { CallRole, CallSession } from '@core/model'
import { asInput, charCount, cleanText, type FieldErrors, readTime } from '@core/shared/validation'
import { ADDRESS_MAX_LENGTH, CAPACITY_MAX } from './call-edit'
import type { RoleForm, SessionForm } from './contract'
import { MAX_ROLES, MAX_SESSIONS, MAX_SLOTS } from './slots'

export const ROLE_NAME_MAX_LENGTH = 10
export const SESSION_NAME_MAX_LENGTH = 10
export const ROLE_DESCRIPTION_MAX_LENGTH = 50

/** Sessions, in time order; `max` how many more the call may take. Errors under `sessions` or `sessions.<i>`. */
export function readSessions(
  raw: unknown,
  errors: FieldErrors,
  max = MAX_SESSIONS,
): SessionForm[] | undefined {
  if (raw === undefined || raw === null) return undefined
  if (!Array.isArray(raw) || raw.length === 0) {
    errors.sessions = '请添加场次'
    return undefined
  }
  if (raw.length > max) {
    errors.sessions = `最多${MAX_SESSIONS}个场次`
    return undefined
  }
  const sessions: SessionForm[] = []
  raw.forEach((item, i) => {
    const key = `sessions.${i}`
    const fields = asInput(item)
    if (!fields) {
      errors[key] = '场次格式不正确'
      return
    }
    const local: FieldErrors = {}
    const startAt = readTime(fields, 'startAt', '开始时间', local)
    const endAt = readTime(fields, 'endAt', '结束时间', local)
    if (startAt === undefined || endAt === undefined) {
      errors[key] = Object.values(local)[0] ?? '请选择场次的开始和结束时间'
      return
    }
    if (endAt <= startAt) {
      errors[key] = '结束时间应晚于开始时间'
      return
    }
    const session: SessionForm = { startAt, endAt }
    const name = readSessionName(fields.name)
    if (name === undefined) {
      errors[key] = `场次名称不超过${SESSION_NAME_MAX_LENGTH}个字`
      return
    }
    if (name) session.name = name
    if (fields.address !== undefined && fields.address !== null) {
      const address = typeof fields.address === 'string' ? cleanText(fields.address) : undefined
      if (address === undefined || charCount(address) > ADDRESS_MAX_LENGTH) {
        errors[key] = `地址不超过${ADDRESS_MAX_LENGTH}个字`
        return
      }
      if (address) session.address = address
    }
    sessions.push(session)
  })
  return sessions.sort((a, b) => a.startAt - b.startAt)
}

/** A session's name as typed: '' for none (absent or blank), undefined when it is not text or too long. */
export function readSessionName(raw: unknown): string | undefined {
  if (raw === undefined || raw === null) return ''
  if (typeof raw !== 'string') return undefined
  const name = cleanText(raw)
  return charCount(name) > SESSION_NAME_MAX_LENGTH ? undefined : name
}

/** Roles with their places per session; names unique. Errors under `roles` or `roles.<i>`. */
export function readRoles(raw: unknown, errors: FieldErrors): RoleForm[] | undefined {
  if (raw === undefined || raw === null) return undefined
  if (!Array.isArray(raw)) {
    errors.roles = '岗位格式不正确'
    return undefined
  }
  if (raw.length > MAX_ROLES) {
    errors.roles = `最多${MAX_ROLES}个岗位`
    return undefined
  }
  const names = new Set<string>()
  const roles: RoleForm[] = []
  raw.forEach((item, i) => {
    const key = `roles.${i}`
    const fields = asInput(item)
    const name = typeof fields?.name === 'string' ? cleanText(fields.name) : ''
    const description = typeof fields?.description === 'string' ? cleanText(fields.description) : ''
    const capacity = fields?.capacity
    if (!fields) errors[key] = '岗位格式不正确'
    else if (name === '' || charCount(name) > ROLE_NAME_MAX_LENGTH)
      errors[key] = `岗位名称应为 1 到 ${ROLE_NAME_MAX_LENGTH} 个字`
    else if (names.has(name)) errors[key] = '岗位名称不能重复'
    else if (fields.description !== undefined && typeof fields.description !== 'string')
      errors[key] = '岗位说明格式不正确'
    else if (charCount(description) > ROLE_DESCRIPTION_MAX_LENGTH)
      errors[key] = `岗位说明不超过${ROLE_DESCRIPTION_MAX_LENGTH}个字`
    else if (!isPlaces(capacity)) errors[key] = `每个岗位的名额应为 1 到 ${CAPACITY_MAX} 的整数`
    else {
      names.add(name)
      roles.push({ name, description, capacity })
    }
  })
  return roles
}

/** A cap on slots per volunteer: absent, or a whole number from 1. */
export function readMaxSlots(raw: unknown, errors: FieldErrors): number | undefined {
  if (raw === undefined || raw === null) return undefined
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1 || raw > MAX_SLOTS) {
    errors.maxSlotsPerPerson = `每人可报场次数应为 1 到 ${MAX_SLOTS} 的整数`
    return undefined
  }
  return raw
}

export function isPlaces(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= CAPACITY_MAX
}

/** Sessions as stored: ids continue after `afterId` (ids are never reused within a call). */
export function storedSessions(sessions: readonly SessionForm[], afterId = 0): CallSession[] {
  return sessions.map((session, i) => ({ ...session, id: `s${afterId + i + 1}` }))
}

export function storedRoles(roles: readonly RoleForm[]): CallRole[] {
  return roles.map((role, i) => ({ ...role, id: `r${i + 1}` }))
}

/** The highest session number a call has used (`s7` → 7). */
export function lastSessionNumber(sessions: readonly Pick<CallSession, 'id'>[]): number {
  return Math.max(0, ...sessions.map((session) => Number(session.id.slice(1)) || 0))
}
