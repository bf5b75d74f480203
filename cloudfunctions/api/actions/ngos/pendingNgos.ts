// The platform admin's review queue: registrations waiting for a decision, oldest first.
import { type ApiResult, ok } from '@core/shared/errors'
import { toNgoReview } from '@core/ngos/ngo'
import type { PendingNgosResponse } from '@core/ngos/contract'
import type { Ngo } from '@core/model'
import { collection, find } from '@lib/cloud/db'
import { defineAction, noInput } from '@functions/api/gate'

export const pendingNgos = defineAction({
  who: 'platform',
  resource: 'none',
  validate: noInput,
  run: async (): Promise<ApiResult<PendingNgosResponse>> => {
    const pending = await find<Ngo>(
      collection('ngos').where({ status: 'pending' }).orderBy('createdAt', 'asc').limit(100),
    )
    return ok({ items: pending.map(toNgoReview) })
  },
})
