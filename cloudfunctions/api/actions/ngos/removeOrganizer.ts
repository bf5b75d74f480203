// The owner removes a co-organizer (never the owner). The invitation is withdrawn with it, so a removed
// organizer cannot simply join again with the link they had.
import { type ApiResult, fail, ok } from '@core/shared/errors'
import { organizerKey, toNgoConsole, validateRemoveOrganizer } from '@core/ngos/ngo'
import type { TeamResponse } from '@core/ngos/contract'
import { _ } from '@lib/cloud/cloud'
import { collection, findById, updateWhere } from '@lib/cloud/db'
import { defineAction } from '@functions/api/gate'

export const removeOrganizer = defineAction({
  who: 'owner',
  resource: 'ngo',
  validate: validateRemoveOrganizer,
  run: async ({ input, ngo, openid, now }): Promise<ApiResult<TeamResponse>> => {
    const matches = ngo.admins.filter((admin) => organizerKey(admin) === input.key)
    if (matches.length !== 1) return fail('INVALID_INPUT', '找不到这位组织者', { key: '组织者无效' })
    const [removed] = matches
    if (removed === ngo.admins[0])
      return fail('INVALID_INPUT', '不能移除机构的创建者', { key: '不能移除创建者' })
    await updateWhere(collection('ngos').where({ _id: ngo._id }), {
      admins: _.pull(removed),
      [`organizerNames.${removed}`]: _.remove(),
      inviteCode: _.remove(),
      updatedAt: now,
    })
    const latest = (await findById('ngos', ngo._id)) ?? ngo
    return ok({ ngo: toNgoConsole(latest, openid) })
  },
})
