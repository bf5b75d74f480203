// Offline passes: a volunteer's personal code that is good for one session's whole check-in day, so it can be shown
// and scanned with no signal on either phone. The function signs it with an Ed25519 key whose private half never
// leaves the function (cloudfunctions/lib/attendance/offline-passes.ts); the organizer's phone holds the public
// half (with the roster) and checks a pass itself. Pure JS: tweetnacl is ES5 with no BigInt and no WebCrypto, so the
// same check runs on WeChat's runtime, in the browser and in the function.
//
// A pass is `q.<openid>.<callId>.<sessionId>.<validFrom>.<validUntil>.<signature>`: the times are epoch minutes,
// the signature is Ed25519 over `jushou-pass\n` + everything before it, base64url (86 characters).
import nacl from 'tweetnacl'
import { looksLikeId, looksLikeOpenid } from '@core/shared/validation'
import { looksLikeSessionId } from './checkin-code'

export const PASS_MAX_LENGTH = 320
/** What the signature covers besides the payload: a signature made for something else never passes. */
export const PASS_PURPOSE = 'jushou-pass\n'
const MINUTE = 60_000
/** A recorded time may be this far ahead of the function's clock (phones' clocks drift). */
export const CLOCK_SKEW_MS = 5 * MINUTE

export interface OfflinePassSubject {
  openid: string
  callId: string
  sessionId: string
  /** epoch ms, whole minutes */
  validFrom: number
  validUntil: number
}

export interface OfflinePass extends OfflinePassSubject {
  signature: string
}

/** The signed text (everything but the signature). */
export function passPayload(subject: OfflinePassSubject): string {
  const from = Math.floor(subject.validFrom / MINUTE)
  const until = Math.ceil(subject.validUntil / MINUTE)
  return `q.${subject.openid}.${subject.callId}.${subject.sessionId}.${from}.${until}`
}

/** The bytes the signature is made over (ASCII: ids, openids and digits only). */
export function passMessage(subject: OfflinePassSubject): Uint8Array {
  return asciiBytes(PASS_PURPOSE + passPayload(subject))
}

export function formatPass(pass: OfflinePass): string {
  return `${passPayload(pass)}.${pass.signature}`
}

/** Whether scanned text is meant as an offline pass (checked before the 60-second codes' length limit). */
export function looksLikePass(scanned: string): boolean {
  return scanned.trim().startsWith('q.')
}

/** The pass in scanned text, or null: not a well-formed pass (its signature is not checked here). */
export function parsePass(scanned: string): OfflinePass | null {
  const text = scanned.trim()
  if (text.length > PASS_MAX_LENGTH) return null
  const parts = text.split('.')
  if (parts.length !== 7 || parts[0] !== 'q') return null
  const [, openid, callId, sessionId, from, until, signature] = parts
  if (!looksLikeOpenid(openid) || !looksLikeId(callId) || !looksLikeSessionId(sessionId)) return null
  if (!/^\d{1,10}$/.test(from) || !/^\d{1,10}$/.test(until)) return null
  if (!/^[A-Za-z0-9_-]{86}$/.test(signature)) return null
  const validFrom = Number(from) * MINUTE
  const validUntil = Number(until) * MINUTE
  if (validUntil <= validFrom) return null
  return { openid, callId, sessionId, validFrom, validUntil, signature }
}

export type PassCheck =
  | { ok: true; pass: OfflinePass }
  | { ok: false; reason: 'invalid' | 'other-session' | 'not-yet' | 'expired'; message: string }

export const INVALID_PASS_MESSAGE = '签到码无效（不是举手签发的，或已被改动）'

/**
 * Checks a scanned pass with the public key, for the session it should be for, at `at` (the scan's time). The
 * signature first: a forged or changed pass never learns whether it was "only" for another session. `verify`: the
 * function passes its own (node:crypto); the phone uses tweetnacl's.
 */
export function checkPass(
  scanned: string,
  publicKey: string,
  expected: { callId: string; sessionId: string },
  at: number,
  verify: (message: Uint8Array, signature: string) => boolean = (message, signature) =>
    verifyWith(publicKey, message, signature),
): PassCheck {
  const pass = parsePass(scanned)
  if (!pass || !verify(passMessage(pass), pass.signature)) {
    return { ok: false, reason: 'invalid', message: INVALID_PASS_MESSAGE }
  }
  if (pass.callId !== expected.callId || pass.sessionId !== expected.sessionId) {
    return { ok: false, reason: 'other-session', message: '这是其他活动或其他场次的签到码' }
  }
  if (at < pass.validFrom)
    return { ok: false, reason: 'not-yet', message: '签到码尚未生效（本场签到还没开始）' }
  if (at > pass.validUntil) return { ok: false, reason: 'expired', message: '签到码已过期（本场签到已结束）' }
  return { ok: true, pass }
}

function verifyWith(publicKey: string, message: Uint8Array, signature: string): boolean {
  const key = fromBase64Url(publicKey)
  const bytes = fromBase64Url(signature)
  return (
    key !== null &&
    key.length === nacl.sign.publicKeyLength &&
    bytes !== null &&
    bytes.length === nacl.sign.signatureLength &&
    nacl.sign.detached.verify(message, bytes, key)
  )
}

/**
 * Who holds a pass, as the roster names them: a hash of the openid, so the roster the phone keeps carries no
 * openids. 22 base64url characters of SHA-512 (tweetnacl's, so the phone computes it too).
 */
export function holderOf(openid: string): string {
  return toBase64Url(nacl.hash(asciiBytes(`jushou-holder\n${openid}`))).slice(0, 22)
}

function asciiBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    // never reached with parsed ids; refuse rather than sign something else than was shown
    if (code > 0x7f) throw new Error('an offline pass is ASCII')
    bytes[i] = code
  }
  return bytes
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** base64url without padding (no btoa/Buffer: not on WeChat's runtime). */
export function toBase64Url(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6))
    for (let c = 0; c < chars; c++) out += ALPHABET[(n >> (18 - 6 * c)) & 63]
  }
  return out
}

/** The bytes of base64url text (no padding), or null if it is not base64url. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8))
  let buffer = 0
  let bits = 0
  let at = 0
  for (let i = 0; i < text.length; i++) {
    buffer = ((buffer << 6) | ALPHABET.indexOf(text[i])) & 0xffffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes[at++] = (buffer >> bits) & 0xff
    }
  }
  return bytes
}
