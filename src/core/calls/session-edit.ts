// The organizer's edits of a published call's sessions and slots (addSessions, updateSession, cancelSession,
// setSlotCapacity): the requests as read, and what must hold of the call for each.
import type { Call, CallSession } from '@core/model'
import {
  asInput,
  charCount,
  cleanText,
  type FieldErrors,
  finish,
  notAnObject,
  readId,
  readTime,
  type Validation,
} from '@core/shared/validation'
import { ADDRESS_MAX_LENGTH } from './call-edit'
import type {
  AddSessionsRequest,
  CancelSessionRequest,
  SaveRoleRequest,
  SetSlotCapacityRequest,
  UpdateSessionRequest,
} from './contract'
import { isPlaces, readRoles, readSessionName, readSessions, SESSION_NAME_MAX_LENGTH } from './session-form'
import { looksLikeSlotKey, MAX_ROLES, MAX_SESSIONS, MAX_SLOTS, rolesOf, sessionsOf } from './slots'
import { REASON_MAX_LENGTH } from './validate'

export function validateAddSessions(input: unknown): Validation<AddSessionsRequest> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const callId = readId(fields, 'callId', '活动编号', errors)
  const sessions = readSessions(fields.sessions, errors) ?? []
  if (fields.sessions === undefined) errors.sessions = '请添加场次'
  const request: AddSessionsRequest = { callId, sessions }
  if (fields.capacity !== undefined) {
    if (isPlaces(fields.capacity)) request.capacity = fields.capacity
    else errors.capacity = '名额应为正整数'
  }
  return finish(errors, request)
}

export function validateUpdateSession(input: unknown): Validation<UpdateSessionRequest> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const request: UpdateSessionRequest = {
    callId: readId(fields, 'callId', '活动编号', errors),
    sessionId: readSessionId(fields, errors),
  }
  if (fields.name !== undefined) {
    const name = readSessionName(fields.name)
    if (name === undefined) errors.name = `场次名称不超过${SESSION_NAME_MAX_LENGTH}个字`
    else request.name = name
  }
  const startAt = readTime(fields, 'startAt', '开始时间', errors)
  const endAt = readTime(fields, 'endAt', '结束时间', errors)
  if (startAt !== undefined) request.startAt = startAt
  if (endAt !== undefined) request.endAt = endAt
  if (fields.address !== undefined) {
    const address = typeof fields.address === 'string' ? cleanText(fields.address) : undefined
    if (address === undefined || charCount(address) > ADDRESS_MAX_LENGTH)
      errors.address = `地址不超过${ADDRESS_MAX_LENGTH}个字`
    else request.address = address
  }
  if (
    startAt === undefined &&
    endAt === undefined &&
    request.address === undefined &&
    request.name === undefined
  )
    errors.request = '请修改场次的名称、时间或地点'
  return finish(errors, request)
}

export function validateCancelSession(input: unknown): Validation<CancelSessionRequest> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const request: CancelSessionRequest = {
    callId: readId(fields, 'callId', '活动编号', errors),
    sessionId: readSessionId(fields, errors),
  }
  if (fields.reason !== undefined) {
    const reason = typeof fields.reason === 'string' ? cleanText(fields.reason) : undefined
    if (reason === undefined || charCount(reason) > REASON_MAX_LENGTH)
      errors.reason = `取消原因不超过${REASON_MAX_LENGTH}个字`
    else if (reason) request.reason = reason
  }
  return finish(errors, request)
}

export function validateSetSlotCapacity(input: unknown): Validation<SetSlotCapacityRequest> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const callId = readId(fields, 'callId', '活动编号', errors)
  const slot = looksLikeSlotKey(fields.slot) ? fields.slot : ''
  if (!slot) errors.slot = '场次编号不正确'
  const capacity = isPlaces(fields.capacity) ? fields.capacity : 0
  if (!capacity) errors.capacity = '名额应为正整数'
  return finish(errors, { callId, slot, capacity })
}

export function validateSaveRole(input: unknown): Validation<SaveRoleRequest> {
  const fields = asInput(input)
  if (!fields) return notAnObject()
  const errors: FieldErrors = {}
  const callId = readId(fields, 'callId', '活动编号', errors)
  let roleId: string | undefined
  if (fields.roleId !== undefined) {
    if (typeof fields.roleId === 'string' && /^r[1-9][0-9]?$/.test(fields.roleId)) roleId = fields.roleId
    else errors.roleId = '岗位编号不正确'
  }
  // a new role needs its places; an edited one keeps its own when none are given
  const capacity = fields.capacity ?? (roleId ? 1 : undefined)
  const read: FieldErrors = {}
  const [role] =
    readRoles([{ name: fields.name, description: fields.description ?? '', capacity }], read) ?? []
  if (read['roles.0']) errors.role = read['roles.0']
  const request: SaveRoleRequest = { callId, name: role?.name ?? '', description: role?.description ?? '' }
  if (roleId) request.roleId = roleId
  if (fields.capacity !== undefined && role) request.capacity = role.capacity
  return finish(errors, request)
}

/**
 * Whether the role edit may be made: the call has roles (a call published without them keeps its one pool of
 * places), the role edited exists, names stay unique, and a new role has a session to take places in and room.
 */
export function checkRoleEdit(
  call: Pick<Call, 'startAt' | 'endAt'> & Partial<Pick<Call, 'sessions' | 'roles'>>,
  edit: Pick<SaveRoleRequest, 'roleId' | 'name'>,
  now: number,
): FieldErrors {
  const roles = rolesOf(call)
  if (roles.length === 0) return { request: '这个活动发布时没有设岗位，不能再添加岗位' }
  if (edit.roleId && !roles.some((role) => role.id === edit.roleId)) return { roleId: '活动没有这个岗位' }
  if (roles.some((role) => role.name === edit.name && role.id !== edit.roleId))
    return { role: '岗位名称不能重复' }
  if (edit.roleId) return {}
  if (roles.length >= MAX_ROLES) return { role: `最多${MAX_ROLES}个岗位` }
  const ahead = sessionsAhead(call, now)
  if (ahead.length === 0) return { role: '没有还未开始的场次，不能再添加岗位' }
  if (sessionsOf(call).length * (roles.length + 1) > MAX_SLOTS)
    return { role: `场次 × 岗位最多${MAX_SLOTS}个` }
  return {}
}

/** The sessions still ahead and not cancelled: those a role added now takes places in. */
export function sessionsAhead(
  call: Pick<Call, 'startAt' | 'endAt'> & Partial<Pick<Call, 'sessions'>>,
  now: number,
): CallSession[] {
  return sessionsOf(call).filter((session) => session.cancelledAt === undefined && session.startAt > now)
}

function readSessionId(fields: Record<string, unknown>, errors: FieldErrors): string {
  const id = fields.sessionId
  if (typeof id === 'string' && /^s[1-9][0-9]{0,3}$/.test(id)) return id
  errors.sessionId = '场次编号不正确'
  return ''
}

/** Whether `sessions` may be added to the call now; field errors if not. */
export function checkNewSessions(
  call: Pick<Call, 'startAt' | 'endAt' | 'status'> & Partial<Pick<Call, 'sessions' | 'roles'>>,
  sessions: readonly Pick<CallSession, 'startAt'>[],
  now: number,
): FieldErrors {
  const errors: FieldErrors = {}
  const count = sessionsOf(call).length + sessions.length
  if (count > MAX_SESSIONS) errors.sessions = `最多${MAX_SESSIONS}个场次`
  else if (count * Math.max(1, rolesOf(call).length) > MAX_SLOTS)
    errors.sessions = `场次 × 岗位最多${MAX_SLOTS}个`
  sessions.forEach((session, i) => {
    if (session.startAt <= now) errors[`sessions.${i}`] = '开始时间不能早于现在'
  })
  return errors
}

/** The session an edit names, if the call has it and it can still change (not cancelled, not started). */
export function editableSession(
  call: Pick<Call, 'startAt' | 'endAt'> & Partial<Pick<Call, 'sessions'>>,
  sessionId: string,
  now: number,
): { session: CallSession } | { error: FieldErrors } {
  const session = sessionsOf(call).find((s) => s.id === sessionId)
  if (!session) return { error: { sessionId: '活动没有这个场次' } }
  if (session.cancelledAt !== undefined) return { error: { sessionId: '这个场次已取消' } }
  if (session.startAt <= now) return { error: { sessionId: '这个场次已开始，不能再修改' } }
  return { session }
}

/**
 * A call's own times from its sessions that are not cancelled: `startAt` is its next session's start (the last
 * one's once all have started), so the list shows it while any session is ahead and orders it by the next one;
 * `endAt` is the last session's end. The `remind` timer moves `startAt` on as sessions start.
 */
export function callTimes(
  sessions: readonly CallSession[],
  now: number,
): { startAt: number; endAt: number } | undefined {
  const live = sessions.filter((session) => session.cancelledAt === undefined)
  if (live.length === 0) return undefined
  const starts = live.map((session) => session.startAt).sort((a, b) => a - b)
  return {
    startAt: starts.find((start) => start > now) ?? starts[starts.length - 1],
    endAt: Math.max(...live.map((session) => session.endAt)),
  }
}
