// Signatures the functions make and check with a secret only they know (JUSHOU_SIGNING_SECRET in the function's
// environment): check-in codes, certificate verification codes. The purpose is signed with the payload, so a
// signature made for one purpose is never accepted for another.
import { createHmac, timingSafeEqual } from 'node:crypto'

/** A secret shorter than this is a configuration mistake, not a secret. */
const MIN_SECRET_LENGTH = 16

function secret(): string {
  const value = process.env.JUSHOU_SIGNING_SECRET ?? ''
  // Refuse rather than sign with something guessable: the dispatcher turns this into INTERNAL and logs it.
  if (value.length < MIN_SECRET_LENGTH) {
    throw new Error(`JUSHOU_SIGNING_SECRET is not set (or shorter than ${MIN_SECRET_LENGTH} characters)`)
  }
  return value
}

/** HMAC-SHA256 of `purpose` and `payload`, base64url (43 characters). */
export function sign(purpose: string, payload: string): string {
  return createHmac('sha256', secret()).update(`${purpose}\n${payload}`).digest('base64url')
}

/** Whether `signature` is `sign(purpose, payload)`, compared in constant time. */
export function verify(purpose: string, payload: string, signature: string): boolean {
  const expected = Buffer.from(sign(purpose, payload))
  const given = Buffer.from(signature)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
