// 删除我的数据: the caller's personal data goes, the NGOs' records of what they did stay (privacy/contract.ts).
// Bookings are given back first (they may promote others and tell them), then the record is erased, then what
// hangs off the person; each step is safe to repeat, so a retry after a crash completes the job.
import { type ApiResult, fail, ok } from '@core/shared/errors'
import { validateDeleteMyData } from '@core/privacy/privacy'
import type { DeleteMyDataResponse } from '@core/privacy/contract'
import {
  cancelBookings,
  clearMessages,
  deleteExports,
  deleteInsurance,
  eraseSignUps,
  isOrganizer,
  removeSharing,
  removeUser,
  voidCertificates,
} from '@lib/privacy/erasure'
import { defineAction } from '@functions/api/gate'

export const deleteMyData = defineAction({
  who: 'signedIn',
  resource: 'none',
  validate: validateDeleteMyData,
  run: async ({ openid, now }): Promise<ApiResult<DeleteMyDataResponse>> => {
    if (await isOrganizer(openid)) return fail('ORGANIZER_CANNOT_DELETE')

    const cancelled = await cancelBookings(openid, now)
    const erased = await eraseSignUps(openid, now)
    await deleteInsurance(openid)
    await voidCertificates(openid)
    await deleteExports(openid)
    await clearMessages(openid)
    await removeSharing(openid)
    await removeUser(openid)
    return ok({ cancelled, erased })
  },
})
