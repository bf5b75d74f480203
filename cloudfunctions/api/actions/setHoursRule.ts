// The NGO's rounding rule for hours. It applies to check-outs from now on; hours already recorded keep their value
// (the organizer edits them, with a reason, if they should change).
import type { SetHoursRuleResponse } from '../../../src/core/attendance-api'
import { validateSetHoursRule } from '../../../src/core/attendance-schemas'
import { fail, ok } from '../../../src/core/errors'
import { collection, findById, updateWhere } from '../../lib/db'
import type { ActionHandler } from '../caller'

export const setHoursRule: ActionHandler<SetHoursRuleResponse> = async (event, { openid, now }) => {
  if (!openid) return fail('UNAUTHENTICATED')
  const input = validateSetHoursRule(event)
  if (!input.ok) return fail('INVALID_INPUT', undefined, input.fields)
  const { ngoId, rule } = input.value
  const ngo = await findById('ngos', ngoId)
  if (!ngo) return fail('NOT_FOUND', '机构不存在')
  if (!ngo.admins.includes(openid)) return fail('FORBIDDEN')
  await updateWhere(collection('ngos').where({ _id: ngoId }), { hoursRule: rule, updatedAt: now })
  return ok({ rule })
}
