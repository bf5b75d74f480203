// 「我的签到码」: the volunteer's own code for an organizer to scan, good for its 60-second window. It names only
// the volunteer; the organizer's request names the call.
import type { PersonalCodeResponse } from '@core/attendance/contract'
import { type ApiResult, ok } from '@core/shared/errors'
import { issueCode } from '@lib/attendance/checkin-codes'
import { defineAction, noInput } from '@functions/api/gate'

export const personalCode = defineAction({
  who: 'signedIn',
  resource: 'none',
  validate: noInput,
  run: async ({ openid, now }): Promise<ApiResult<PersonalCodeResponse>> => {
    return ok({ ...issueCode({ kind: 'person', openid }, now), now })
  },
})
