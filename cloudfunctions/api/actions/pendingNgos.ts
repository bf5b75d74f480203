// The platform admin's review queue: registrations waiting for a decision, oldest first.
import { type ApiResult, ok } from '../../../src/core/errors'
import { toNgoReview } from '../../../src/core/ngo'
import type { PendingNgosResponse } from '../../../src/core/ngo-api'
import type { Ngo } from '../../../src/core/types'
import { collection, find } from '../../lib/db'
import { defineAction, noInput } from '../gate'

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
