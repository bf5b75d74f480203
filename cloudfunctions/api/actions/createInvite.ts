// The owner makes an invitation for co-organizers; a new one replaces the previous (so a leaked link can be
// withdrawn by making another).
import { randomInt } from 'node:crypto'
import { fail, ok } from '../../../src/core/errors'
import { invitePath, validateReviewNgo } from '../../../src/core/ngo'
import type { CreateInviteResponse } from '../../../src/core/ngo-api'
import { collection, findById, updateWhere } from '../../lib/db'
import type { ActionHandler } from '../caller'

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789'

export const createInvite: ActionHandler<CreateInviteResponse> = async (event, { now }) => {
  const input = validateReviewNgo(event)
  if (!input.ok) return fail('INVALID_INPUT', undefined, input.fields)
  const ngo = await findById('ngos', input.value.ngoId)
  if (!ngo) return fail('NOT_FOUND', '机构不存在')
  const code = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
  await updateWhere(collection('ngos').where({ _id: ngo._id }), { inviteCode: code, updatedAt: now })
  return ok({ code, path: invitePath(code) })
}
