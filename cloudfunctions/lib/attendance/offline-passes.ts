// Makes and checks offline passes (src/core/attendance/offline-pass.ts) with the functions' Ed25519 key: a pass is
// good for one session of one call, from when its check-in opens to when it closes.
import { CHECK_IN_CLOSES_AFTER_END_MS, CHECK_IN_OPENS_BEFORE_START_MS } from '@core/attendance/attendance'
import {
  checkPass,
  formatPass,
  type OfflinePassSubject,
  passMessage,
  type PassCheck,
} from '@core/attendance/offline-pass'
import type { CallSession } from '@core/model'
import { passPublicKey, signPass, verifyPass } from '@lib/cloud/pass-key'

/** The window a session's passes are good for: its check-in hours (2 h before the start to 6 h after the end). */
export function passWindow(session: Pick<CallSession, 'startAt' | 'endAt'>): {
  validFrom: number
  validUntil: number
} {
  return {
    validFrom: session.startAt - CHECK_IN_OPENS_BEFORE_START_MS,
    validUntil: session.endAt + CHECK_IN_CLOSES_AFTER_END_MS,
  }
}

export function issuePass(openid: string, callId: string, session: CallSession): string {
  const window = passWindow(session)
  // the format keeps whole minutes: sign what the pass will say
  const subject: OfflinePassSubject = {
    openid,
    callId,
    sessionId: session.id,
    validFrom: Math.floor(window.validFrom / 60_000) * 60_000,
    validUntil: Math.ceil(window.validUntil / 60_000) * 60_000,
  }
  return formatPass({ ...subject, signature: signPass(passMessage(subject)) })
}

/** A scanned pass checked by the function itself, for the session, at the time it was scanned. */
export function readPass(
  scanned: string,
  expected: { callId: string; sessionId: string },
  at: number,
): PassCheck {
  return checkPass(scanned, passPublicKey(), expected, at, verifyPass)
}
