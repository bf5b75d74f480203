// Check-in codes: what the organizer's rotating QR and a volunteer's personal code say, and for how long they are
// good. Pure: the signature is made and checked by the functions (cloudfunctions/lib/attendance/checkin-codes.ts) with a
// secret the client never sees; here is only the format and the time windows.
//
// A code is `<kind>.<subject>[.<mode>].<window>.<signature>`, dot-separated (ids and openids never contain dots):
//   c.<callId>.<in|out>.<window>.<sig>  the call's code on the organizer's screen: scanning it checks you in/out
//   c.<callId>.<sessionId>.<in|out>.<window>.<sig>  the same for one session of a call of several (场次)
//   p.<openid>.<window>.<sig>           a volunteer's personal code (「我的签到码」), scanned by an organizer
// `window` is the number of the 60-second window (epoch ms / 60 000) the code was made in.
import type { AttendanceMode } from './contract'
import { looksLikeId, looksLikeOpenid } from '@core/shared/validation'

export const CODE_WINDOW_MS = 60_000
/**
 * A code is still accepted this long after its window ends, so a scan made just as the screen changes works (the
 * camera, the network and the function take a few seconds). The screen asks for the next code when the window
 * ends, so a shown code is never more than one window plus this grace old.
 */
export const CODE_GRACE_MS = 15_000
/** Longer than any code we make: anything longer is refused before it is parsed. */
export const CODE_MAX_LENGTH = 200

export type CodeSubject =
  | {
      kind: 'call'
      callId: string
      mode: AttendanceMode
      /** the session it checks into, on a call of several sessions (absent: the call's only one) */
      sessionId?: string
    }
  | { kind: 'person'; openid: string }

export interface CheckInCode {
  subject: CodeSubject
  window: number
  signature: string
}

export function windowOf(at: number): number {
  return Math.floor(at / CODE_WINDOW_MS)
}

/** When the screen should show the next code: the end of the window. */
export function windowEndsAt(window: number): number {
  return (window + 1) * CODE_WINDOW_MS
}

/** The moment after which a code of `window` is refused. */
export function codeExpiresAt(window: number): number {
  return windowEndsAt(window) + CODE_GRACE_MS
}

/** `valid` within its window and grace; `expired` after; `future` (made with a clock ahead: never by us) before. */
export function codeTiming(window: number, now: number): 'valid' | 'expired' | 'future' {
  if (window > windowOf(now)) return 'future'
  return now < codeExpiresAt(window) ? 'valid' : 'expired'
}

/** The signed part of a code (everything but the signature). */
export function codePayload(subject: CodeSubject, window: number): string {
  if (subject.kind === 'person') return `p.${subject.openid}.${window}`
  return subject.sessionId === undefined
    ? `c.${subject.callId}.${subject.mode}.${window}`
    : `c.${subject.callId}.${subject.sessionId}.${subject.mode}.${window}`
}

export function formatCode(code: CheckInCode): string {
  return `${codePayload(code.subject, code.window)}.${code.signature}`
}

/**
 * The code in what a scanner read: the bare code, or a mini program path or link carrying it as `code=` (a QR
 * that opens the check-in page). null: not a check-in code at all.
 */
export function parseCode(scanned: string): CheckInCode | null {
  if (scanned.length > CODE_MAX_LENGTH * 2) return null
  const text = codeInText(scanned.trim())
  if (text === null || text.length > CODE_MAX_LENGTH) return null
  const parts = text.split('.')
  const signature = parts.pop() ?? ''
  if (!/^[A-Za-z0-9_-]{43}$/.test(signature)) return null
  const windowText = parts.pop() ?? ''
  if (!/^\d{1,12}$/.test(windowText)) return null
  const window = Number(windowText)
  if (parts[0] === 'c' && parts.length === 3) {
    const [, callId, mode] = parts
    if (!looksLikeId(callId) || (mode !== 'in' && mode !== 'out')) return null
    return { subject: { kind: 'call', callId, mode }, window, signature }
  }
  if (parts[0] === 'c' && parts.length === 4) {
    const [, callId, sessionId, mode] = parts
    if (!looksLikeId(callId) || !looksLikeSessionId(sessionId) || (mode !== 'in' && mode !== 'out'))
      return null
    return { subject: { kind: 'call', callId, sessionId, mode }, window, signature }
  }
  if (parts[0] === 'p' && parts.length === 2) {
    const openid = parts[1]
    if (!looksLikeOpenid(openid)) return null
    return { subject: { kind: 'person', openid }, window, signature }
  }
  return null
}

/** `s1`, `s12`: a session id as a call stores it (core/calls/slots.ts). */
export function looksLikeSessionId(value: unknown): value is string {
  return typeof value === 'string' && /^s[1-9][0-9]{0,3}$/.test(value)
}

/** `r1`, `r8`: a role id as a call stores it. */
export function looksLikeRoleId(value: unknown): value is string {
  return typeof value === 'string' && /^r[1-9][0-9]{0,2}$/.test(value)
}

function codeInText(text: string): string | null {
  const query = text.indexOf('?')
  if (query === -1) return text
  for (const pair of text.slice(query + 1).split('&')) {
    const [key, value = ''] = pair.split('=')
    if (key !== 'code') continue
    try {
      return decodeURIComponent(value)
    } catch {
      return null
    }
  }
  return null
}
