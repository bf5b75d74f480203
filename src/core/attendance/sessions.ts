// Attendance by session (场次/批次). A call of several sessions takes check-ins one session at a time: the
// organizer's screen shows the code of one session, the code names it, and it checks in the volunteer's row of
// that session only. A call of one session works as before: its only session is the call itself.
import { isCheckInOpen, canRecordAttendance, checkInClosedMessage } from './attendance'
import type { AttendanceSession } from './contract'
import { sessionLabel } from '@core/calls/session-text'
import { parseSlotKey, roleOfSlot, rolesOf, sessionOfSlot, sessionsOf, slotOfSignUp } from '@core/calls/slots'
import type { Call, CallRole, CallSession, SignUp } from '@core/model'
import { type ApiError, fail } from '@core/shared/errors'

type SessionsCall = Pick<Call, 'startAt' | 'endAt'> & Pick<Partial<Call>, 'sessions'>

/** Whether the call has more than one session (only then do codes, lists and certificates name one). */
export function hasSeveralSessions(call: SessionsCall): boolean {
  return sessionsOf(call).length > 1
}

/** The session a sign-up row belongs to (rows stored before sessions belong to `s1`). */
export function sessionIdOf(signUp: Pick<SignUp, 'slot'>): string {
  return parseSlotKey(slotOfSignUp(signUp)).sessionId
}

export function findSession(call: SessionsCall, sessionId: string): CallSession | undefined {
  return sessionsOf(call).find((session) => session.id === sessionId)
}

/**
 * The session the check-in screen opens on: the one running now (the latest started, if they overlap), else the
 * next to start, else the last one. Cancelled sessions are skipped while there is another.
 */
export function currentSession(call: SessionsCall, now: number): CallSession {
  const all = sessionsOf(call)
  const live = all.filter((session) => session.cancelledAt === undefined)
  const sessions = live.length > 0 ? live : all
  const running = sessions.filter((session) => session.startAt <= now && now < session.endAt)
  if (running.length > 0) return running[running.length - 1]
  const next = sessions.find((session) => session.startAt > now)
  return next ?? sessions[sessions.length - 1]
}

/** The call with one session's times, for the rules written for a call's times (check-in hours, ended). */
export function withSessionTimes<C extends Pick<Call, 'startAt' | 'endAt'>>(
  call: C,
  session: CallSession,
): C {
  return { ...call, startAt: session.startAt, endAt: session.endAt }
}

/** Whether volunteers may scan the session's code: 2 h before its start to 6 h after its end. */
export function isSessionCheckInOpen(
  call: Pick<Call, 'status' | 'startAt' | 'endAt'>,
  session: CallSession,
  now: number,
): boolean {
  return session.cancelledAt === undefined && isCheckInOpen(withSessionTimes(call, session), now)
}

/** Whether the organizer may record attendance for the session (from its opening, with no end). */
export function canRecordSessionAttendance(
  call: Pick<Call, 'status' | 'startAt' | 'endAt'>,
  session: CallSession,
  now: number,
): boolean {
  return session.cancelledAt === undefined && canRecordAttendance(withSessionTimes(call, session), now)
}

/** Why the session takes no check-in, in words for the CLOSED error (a call of one session: as before). */
export function sessionClosedMessage(
  call: Pick<Call, 'status' | 'startAt' | 'endAt'> & Pick<Partial<Call>, 'sessions'>,
  session: CallSession,
  now: number,
): string {
  if (!hasSeveralSessions(call)) return checkInClosedMessage(call, now)
  if (session.cancelledAt !== undefined) return `${sessionLabel(session)} 这一场已取消，不能签到`
  const message = checkInClosedMessage(withSessionTimes(call, session), now)
  return `${sessionLabel(session)}：${message.replace('活动', '本场')}`
}

/** 「3月12日 周六 09:00–11:30」 for a row of a call of several sessions; undefined for a call of one. */
export function sessionTextOf(call: SessionsCall, signUp: Pick<SignUp, 'slot'>): string | undefined {
  if (!hasSeveralSessions(call)) return undefined
  const session = sessionOfSlot(call, slotOfSignUp(signUp))
  return session ? sessionLabel(session) : undefined
}

/** The row's 岗位 name, if the call has roles. */
export function roleNameOf(
  call: Pick<Partial<Call>, 'roles'>,
  signUp: Pick<SignUp, 'slot'>,
): string | undefined {
  return roleOfSlot(call, slotOfSignUp(signUp))?.name
}

/**
 * The session a request names, or (none named) the one running now or next. A session id the call lacks is the
 * caller's error: INVALID_INPUT naming the field.
 */
export function chosenSession(
  call: SessionsCall,
  sessionId: string | undefined,
  now: number,
): CallSession | ApiError {
  if (sessionId === undefined) return currentSession(call, now)
  return (
    findSession(call, sessionId) ??
    fail('INVALID_INPUT', '活动没有这个场次', { sessionId: '活动没有这个场次' })
  )
}

/** The role a request names (absent: the call's first; a call without roles has none). */
export function chosenRole(
  call: Pick<Partial<Call>, 'roles'>,
  roleId: string | undefined,
): CallRole | undefined | ApiError {
  const roles = rolesOf(call)
  if (roleId === undefined) return roles[0]
  return (
    roles.find((role) => role.id === roleId) ??
    fail('INVALID_INPUT', '活动没有这个岗位', { roleId: '活动没有这个岗位' })
  )
}

export function toAttendanceSession(session: CallSession): AttendanceSession {
  return {
    id: session.id,
    label: sessionLabel(session),
    startAt: session.startAt,
    endAt: session.endAt,
    cancelled: session.cancelledAt !== undefined,
  }
}

/** The sessions of some rows, in words: 「3月12日 周六 09:00–11:30、3月19日 周六 09:00–11:30」. */
export function sessionsInWords(call: SessionsCall, rows: readonly Pick<SignUp, 'slot'>[]): string {
  const ids = [...new Set(rows.map(sessionIdOf))]
  return sessionsOf(call)
    .filter((session) => ids.includes(session.id))
    .map(sessionLabel)
    .join('、')
}
