// Someone opens an owner's invitation and becomes a co-organizer of that NGO (once; joining again answers the same).
import { type ApiResult, fail, ok } from '@core/shared/errors'
import { toNgoConsole, validateJoinNgo } from '@core/ngos/ngo'
import type { TeamResponse } from '@core/ngos/contract'
import type { Ngo } from '@core/model'
import { _ } from '@lib/cloud/cloud'
import { riskyTexts } from '@lib/moderation/content-check'
import { collection, find, findById, updateWhere } from '@lib/cloud/db'
import { defineAction } from '@functions/api/gate'

export const joinNgo = defineAction({
  who: 'signedIn',
  resource: 'none',
  validate: validateJoinNgo,
  run: async ({ input, openid, now }): Promise<ApiResult<TeamResponse>> => {
    const { code, name } = input
    const [ngo] = await find<Ngo>(collection('ngos').where({ inviteCode: code }).limit(1))
    if (!ngo) return fail('INVITE_INVALID')
    if (ngo.admins.includes(openid)) return ok({ ngo: toNgoConsole(ngo, openid) })
    const [mine] = await find<Ngo>(collection('ngos').where({ admins: openid }).limit(1))
    if (mine) return fail('ALREADY_ORGANIZER')
    const risky = await riskyTexts(openid, { name }, 1)
    if (Object.keys(risky).length > 0) return fail('CONTENT_RISKY', undefined, risky)
    // conditional on the code still being the current one: a replaced invitation admits no one
    const joined = await updateWhere(collection('ngos').where({ _id: ngo._id, inviteCode: code }), {
      admins: _.addToSet(openid),
      [`organizerNames.${openid}`]: name,
      updatedAt: now,
    })
    if (joined === 0) return fail('INVITE_INVALID')
    const latest = await findById('ngos', ngo._id)
    if (!latest) return fail('INVITE_INVALID')
    return ok({ ngo: toNgoConsole(latest, openid) })
  },
})
