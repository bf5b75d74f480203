// 「我的签到码」: the volunteer's own code for an organizer to scan, good for its 60-second window. It names only
// the volunteer; the organizer's request names the call.
import type { PersonalCodeResponse } from '../../../src/core/attendance-api'
import { fail, ok } from '../../../src/core/errors'
import { issueCode } from '../../lib/checkin-codes'
import type { ActionHandler } from '../caller'

export const personalCode: ActionHandler<PersonalCodeResponse> = async (_event, { openid, now }) => {
  if (!openid) return fail('UNAUTHENTICATED')
  return ok({ ...issueCode({ kind: 'person', openid }, now), now })
}
