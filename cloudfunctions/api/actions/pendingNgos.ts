// The platform admin's review queue: registrations waiting for a decision, oldest first.
import { type ApiResult, ok } from '@core/errors'
import { toNgoReview } from '@core/ngo'
import type { PendingNgosResponse } from '@core/ngo-api'
import type { Ngo } from '@core/types'
import { collection, find } from '@lib/db'
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
