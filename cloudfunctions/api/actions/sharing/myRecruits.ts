// 「你已带来 N 位志愿者」: the sign-ups (still holding or waiting for a place) that the caller's shares brought.
import { type ApiResult, ok } from '@core/shared/errors'
import type { MyRecruitsResponse } from '@core/sharing/contract'
import { _ } from '@lib/cloud/cloud'
import { collection, count } from '@lib/cloud/db'
import { defineAction, noInput } from '@functions/api/gate'

export const myRecruits = defineAction({
  who: 'signedIn',
  resource: 'none',
  validate: noInput,
  run: async ({ openid }): Promise<ApiResult<MyRecruitsResponse>> => {
    const total = await count(collection('signups').where({ referrer: openid, status: _.neq('cancelled') }))
    return ok({ count: total })
  },
})
