// The organizer's console: the NGO the caller manages (if any) with all of its calls, drafts included.
import { type ApiResult, ok } from '@core/shared/errors'
import { toNgoConsole } from '@core/ngos/ngo'
import type { MyNgoResponse } from '@core/ngos/contract'
import type { Call, Ngo } from '@core/model'
import { toCallCard } from '@core/calls/views'
import { collection, find } from '@lib/cloud/db'
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
