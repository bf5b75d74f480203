// The organizer's console: the NGO the caller manages (if any) with all of its calls, drafts included.
import { fail, ok } from '../../../src/core/errors'
import { toNgoConsole } from '../../../src/core/ngo'
import type { MyNgoResponse } from '../../../src/core/ngo-api'
import type { Call, Ngo } from '../../../src/core/types'
import { toCallCard } from '../../../src/core/views'
import { collection, find } from '../../lib/db'
import { isPlatformAdmin } from '../authorize'
import type { ActionHandler } from '../caller'

export const MY_CALLS_LIMIT = 100

export const myNgo: ActionHandler<MyNgoResponse> = async (_event, { openid }) => {
  if (!openid) return fail('UNAUTHENTICATED')
  const platformAdmin = await isPlatformAdmin(openid)
  const [ngo] = await find<Ngo>(collection('ngos').where({ admins: openid }).limit(1))
  if (!ngo) return ok({ ngo: null, calls: [], platformAdmin })
  const calls = await find<Call>(
    collection('calls').where({ ngoId: ngo._id }).orderBy('createdAt', 'desc').limit(MY_CALLS_LIMIT),
  )
  return ok({
    ngo: toNgoConsole(ngo, openid),
    calls: calls.map((call) => toCallCard(call, ngo.name)),
    platformAdmin,
  })
}
