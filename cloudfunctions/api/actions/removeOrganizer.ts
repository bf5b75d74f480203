// The owner removes a co-organizer (never the owner). The invitation is withdrawn with it, so a removed
// organizer cannot simply join again with the link they had.
import { fail, ok } from '../../../src/core/errors'
import { organizerKey, toNgoConsole, validateRemoveOrganizer } from '../../../src/core/ngo'
import type { TeamResponse } from '../../../src/core/ngo-api'
import { _ } from '../../lib/cloud'
import { collection, findById, updateWhere } from '../../lib/db'
import type { ActionHandler } from '../caller'

export const removeOrganizer: ActionHandler<TeamResponse> = async (event, { openid, now }) => {
  if (!openid) return fail('UNAUTHENTICATED')
  const input = validateRemoveOrganizer(event)
  if (!input.ok) return fail('INVALID_INPUT', undefined, input.fields)
  const ngo = await findById('ngos', input.value.ngoId)
  if (!ngo) return fail('NOT_FOUND', '机构不存在')
  const matches = ngo.admins.filter((admin) => organizerKey(admin) === input.value.key)
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
}
