// The functions' Ed25519 key for offline passes (JUSHOU_PASS_KEY in the function's environment: the 32-byte
// private seed, base64url). Unlike the HMAC secret (signing.ts) its public half may be handed out: organizers'
// phones check passes with it when there is no network. The private half never leaves the function.
import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto'

/** PKCS#8 DER of an Ed25519 private key is this prefix and the 32-byte seed. */
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')

let cached: { seed: string; key: KeyObject; publicKey: string } | undefined

function key(): { key: KeyObject; publicKey: string } {
  const seed = process.env.JUSHOU_PASS_KEY ?? ''
  if (cached?.seed === seed) return cached
  const bytes = Buffer.from(seed, 'base64url')
  // Refuse rather than sign with a key nobody chose: the dispatcher turns this into INTERNAL and logs it.
  if (bytes.length !== 32) throw new Error('JUSHOU_PASS_KEY is not set (the 32-byte Ed25519 seed, base64url)')
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_PREFIX, bytes]),
    format: 'der',
    type: 'pkcs8',
  })
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' })
  cached = { seed, key: privateKey, publicKey: String(jwk.x) }
  return cached
}

/** The public half, base64url (43 characters): what organizers' phones verify passes with. */
export function passPublicKey(): string {
  return key().publicKey
}

/** Ed25519 signature of `message`, base64url (86 characters). */
export function signPass(message: Uint8Array): string {
  return sign(null, message, key().key).toString('base64url')
}

/** Whether `signature` is this function's signature of `message`. */
export function verifyPass(message: Uint8Array, signature: string): boolean {
  const bytes = Buffer.from(signature, 'base64url')
  return bytes.length === 64 && verify(null, message, createPublicKey(key().key), bytes)
}
