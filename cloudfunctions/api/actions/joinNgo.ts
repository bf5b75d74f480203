// Someone opens an owner's invitation and becomes a co-organizer of that NGO (once; joining again answers the same).
import { fail, ok } from '../../../src/core/errors'
import { toNgoConsole, validateJoinNgo } from '../../../src/core/ngo'
import type { TeamResponse } from '../../../src/core/ngo-api'
import type { Ngo } from '../../../src/core/types'
import { _ } from '../../lib/cloud'
import { riskyTexts } from '../../lib/content-check'
import { collection, find, findById, updateWhere } from '../../lib/db'
import type { ActionHandler } from '../caller'

export const joinNgo: ActionHandler<TeamResponse> = async (event, { openid, now }) => {
  if (!openid) return fail('UNAUTHENTICATED')
  const input = validateJoinNgo(event)
  if (!input.ok) return fail('INVALID_INPUT', undefined, input.fields)
  const { code, name } = input.value
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
}
