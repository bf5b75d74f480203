// The organizer's console: the NGO the caller manages (if any) with all of its calls, drafts included.
import { type ApiResult, ok } from '@core/errors'
import { toNgoConsole } from '@core/ngo'
import type { MyNgoResponse } from '@core/ngo-api'
import type { Call, Ngo } from '@core/types'
import { toCallCard } from '@core/views'
import { collection, find } from '@lib/db'
import { defineAction, isPlatformAdmin, noInput } from '@functions/api/gate'

export const MY_CALLS_LIMIT = 100

export const myNgo = defineAction({
  who: 'signedIn',
  resource: 'none',
  validate: noInput,
  run: async ({ openid }): Promise<ApiResult<MyNgoResponse>> => {
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
  },
})
