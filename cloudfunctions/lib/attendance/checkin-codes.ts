// Makes and checks check-in codes (src/core/attendance/checkin-code.ts) with the functions' signing secret. A code is good
// only for what it names: another call's code, a personal code where a call's is expected, a changed character or
// an old window are all refused.
import {
  codeExpiresAt,
  codePayload,
  codeTiming,
  type CodeSubject,
  formatCode,
  parseCode,
  windowEndsAt,
  windowOf,
} from '@core/attendance/checkin-code'
import { fail, type ApiError } from '@core/shared/errors'
import { sign, verify } from '@lib/cloud/signing'

/** Check-in codes' signatures are theirs alone (certificates sign with another purpose). */
const PURPOSE = 'checkin'

export interface IssuedCode {
  code: string
  expiresAt: number
  refreshAt: number
}

export function issueCode(subject: CodeSubject, now: number): IssuedCode {
  const window = windowOf(now)
  const signature = sign(PURPOSE, codePayload(subject, window))
  return {
    code: formatCode({ subject, window, signature }),
    expiresAt: codeExpiresAt(window),
    refreshAt: windowEndsAt(window),
  }
}

/**
 * What a scanned code names, if it is genuine and current. Forged, tampered or malformed: CODE_INVALID; genuine
 * but too old: CODE_EXPIRED (the signature is checked first, so a forgery never learns it was "only" late).
 */
export function readCode(scanned: string, now: number): CodeSubject | ApiError {
  const code = parseCode(scanned)
  if (!code || !verify(PURPOSE, codePayload(code.subject, code.window), code.signature)) {
    return fail('CODE_INVALID')
  }
  const timing = codeTiming(code.window, now)
  if (timing === 'expired') return fail('CODE_EXPIRED')
  if (timing === 'future') return fail('CODE_INVALID')
  return code.subject
}
