// A call the caller may manage: its NGO lists the caller among its admins. Anyone else is FORBIDDEN.
import { fail, type ApiError } from '../../src/core/errors'
import type { Call, Ngo } from '../../src/core/types'
import { findById } from '../lib/db'

export async function findManagedCall(
  callId: string,
  openid: string,
): Promise<{ call: Call; ngo: Ngo } | ApiError> {
  const call = await findById('calls', callId)
  if (!call) return fail('NOT_FOUND')
  const ngo = await findById('ngos', call.ngoId)
  if (!ngo) return fail('NOT_FOUND')
  if (!ngo.admins.includes(openid)) return fail('FORBIDDEN')
  return { call, ngo }
}
