// The `scene` of a poster's mini-program code (wxacode.getUnlimited): at most 32 characters of a fixed set
//, and WeChat hands it back to the page it opens. Ours is `<callId>~<referrerCode>`: call ids are
// [A-Za-z0-9_-], so `~` separates the two unambiguously; without a referrer (or when both would not fit) it is
// the call id alone.
import { looksLikeId } from '@core/shared/validation'

export const SCENE_MAX_LENGTH = 32
const SEPARATOR = '~'

/** A volunteer's short public code in share paths and scenes (their openid is too long and stays private). */
export const REFERRER_CODE_LENGTH = 6
const CODE_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'

export interface Scene {
  callId: string
  referrerCode?: string
}

export function looksLikeReferrerCode(value: unknown): value is string {
  return typeof value === 'string' && new RegExp(`^[0-9a-z]{${REFERRER_CODE_LENGTH}}$`).test(value)
}

export function encodeScene({ callId, referrerCode }: Scene): string {
  if (!looksLikeId(callId)) throw new Error(`not a call id: ${callId}`)
  if (!referrerCode) return callId
  if (!looksLikeReferrerCode(referrerCode)) throw new Error(`not a referrer code: ${referrerCode}`)
  const scene = callId + SEPARATOR + referrerCode
  return scene.length <= SCENE_MAX_LENGTH ? scene : callId
}

/** The scene as a page receives it (URL-encoded or not); null when it is not one of ours. */
export function decodeScene(raw: unknown): Scene | null {
  if (typeof raw !== 'string' || raw === '') return null
  let scene: string
  try {
    scene = decodeURIComponent(raw)
  } catch {
    return null
  }
  if (scene.length > SCENE_MAX_LENGTH) return null
  const [callId, referrerCode, ...rest] = scene.split(SEPARATOR)
  if (rest.length > 0 || !looksLikeId(callId)) return null
  if (referrerCode === undefined) return { callId }
  return looksLikeReferrerCode(referrerCode) ? { callId, referrerCode } : null
}

/**
 * The `attempt`-th candidate code for an openid: a 32-bit FNV-1a hash in base 36 (pure, so the client and the
 * functions agree). A collision with someone else's code moves on to the next attempt (lib/sharing/referrers.ts).
 */
export function referrerCodeCandidate(openid: string, attempt = 0): string {
  let hash = 0x811c9dc5
  for (const ch of `${attempt}:${openid}`) {
    hash ^= ch.codePointAt(0) ?? 0
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  let code = ''
  for (let i = 0; i < REFERRER_CODE_LENGTH; i++) {
    code += CODE_ALPHABET[hash % 36]
    hash = Math.floor(hash / 36)
  }
  return code
}
