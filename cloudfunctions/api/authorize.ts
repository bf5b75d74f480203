// Applies the permission table (src/core/authorization.ts) to one request: resolves the caller's roles toward the
// NGO the request is about, reading only what the action's rule needs. A refusal happens before the action runs,
// so it writes nothing.
import { isAllowed, needsNgo, needsPlatformRole, rolesOf } from '../../src/core/authorization'
import type { Action } from '../../src/core/api'
import { fail, type ApiError } from '../../src/core/errors'
import { looksLikeId } from '../../src/core/rules'
import type { Ngo } from '../../src/core/types'
import { asInput } from '../../src/core/validation'
import { findById } from '../lib/db'

/** null = allowed. */
export async function authorize(
  action: Action,
  event: unknown,
  openid: string | undefined,
): Promise<ApiError | null> {
  if (isAllowed(action, rolesOf(openid, null, false))) return null
  if (!openid) return fail('UNAUTHENTICATED')
  let ngo: Ngo | null = null
  if (needsNgo(action)) {
    ngo = await ngoOfRequest(event)
    // A request about a call or NGO that does not exist is the action's to answer (INVALID_INPUT or NOT_FOUND).
    if (!ngo && !needsPlatformRole(action)) return null
  }
  const platformAdmin = needsPlatformRole(action) && (await isPlatformAdmin(openid))
  return isAllowed(action, rolesOf(openid, ngo, platformAdmin)) ? null : fail('FORBIDDEN')
}

/** The NGO of the request's `callId`, or else of its `ngoId`. */
async function ngoOfRequest(event: unknown): Promise<Ngo | null> {
  const input = asInput(event) ?? {}
  if (input.callId !== undefined) {
    if (!looksLikeId(input.callId)) return null
    const call = await findById('calls', input.callId)
    return call ? findById('ngos', call.ngoId) : null
  }
  return looksLikeId(input.ngoId) ? findById('ngos', input.ngoId) : null
}

export async function isPlatformAdmin(openid: string): Promise<boolean> {
  const user = await findById('users', openid)
  return user?.roles.includes('admin') ?? false
}
