// The owner makes an invitation for co-organizers; a new one replaces the previous (so a leaked link can be
// withdrawn by making another).
import { randomInt } from 'node:crypto'
import { type ApiResult, ok } from '@core/shared/errors'
import { invitePath, validateReviewNgo } from '@core/ngos/ngo'
import type { CreateInviteResponse } from '@core/ngos/contract'
import { collection, updateWhere } from '@lib/cloud/db'
import { defineAction } from '@functions/api/gate'

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789'

export const createInvite = defineAction({
  who: 'owner',
  resource: 'ngo',
  validate: validateReviewNgo,
  run: async ({ ngo, now }): Promise<ApiResult<CreateInviteResponse>> => {
    const code = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
    await updateWhere(collection('ngos').where({ _id: ngo._id }), { inviteCode: code, updatedAt: now })
    return ok({ code, path: invitePath(code) })
  },
})
