// 「你已带来 N 位志愿者」: the sign-ups (still holding or waiting for a place) that the caller's shares brought.
import { fail, ok } from '../../../src/core/errors'
import { asInput } from '../../../src/core/validation'
import type { MyRecruitsResponse } from '../../../src/core/share-api'
import { _ } from '../../lib/cloud'
import { collection, count } from '../../lib/db'
import type { ActionHandler } from '../caller'

export const myRecruits: ActionHandler<MyRecruitsResponse> = async (event, { openid }) => {
  if (!openid) return fail('UNAUTHENTICATED')
  if (!asInput(event)) return fail('INVALID_INPUT')
  const total = await count(collection('signups').where({ referrer: openid, status: _.neq('cancelled') }))
  return ok({ count: total })
}
