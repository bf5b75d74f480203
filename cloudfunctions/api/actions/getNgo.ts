// An NGO's public profile: its open and past calls and its transparency figures. Only verified NGOs have one
// (their own organizers also see theirs while it is under review).
import { fail, ok } from '../../../src/core/errors'
import { toNgoCard, validateReviewNgo } from '../../../src/core/ngo'
import type { NgoProfile } from '../../../src/core/ngo-api'
import { isPast } from '../../../src/core/rules'
import type { Call, SignUp } from '../../../src/core/types'
import { toCallCard } from '../../../src/core/views'
import { _ } from '../../lib/cloud'
import { collection, count, find, findById } from '../../lib/db'
import type { ActionHandler } from '../caller'

const CALLS_SHOWN = 20

export const getNgo: ActionHandler<NgoProfile> = async (event, { openid, now }) => {
  const input = validateReviewNgo(event)
  if (!input.ok) return fail('INVALID_INPUT', undefined, input.fields)
  const ngo = await findById('ngos', input.value.ngoId)
  const own = openid !== undefined && ngo?.admins.includes(openid)
  if (!ngo || (ngo.status !== 'verified' && !own)) return fail('NOT_FOUND', '机构不存在')

  const calls = await find<Call>(
    collection('calls')
      .where({ ngoId: ngo._id, status: _.in(['open', 'closed']) })
      .orderBy('startAt', 'desc')
      .limit(100),
  )
  const open = calls.filter((c) => !isPast(c, now)).reverse()
  const past = calls.filter((c) => isPast(c, now))
  const held = past.map((c) => c._id)
  const seats = held.length
    ? await count(
        collection('signups').where({ callId: _.in(held), status: _.in(['confirmed', 'attended']) }),
      )
    : 0
  const withHours = held.length
    ? await find<SignUp & { hours?: number }>(
        collection('signups')
          .where({ callId: _.in(held), hours: _.gt(0) })
          .limit(1000),
      )
    : []
  return ok({
    ngo: toNgoCard(ngo),
    openCalls: open.slice(0, CALLS_SHOWN).map((c) => toCallCard(c, ngo.name)),
    pastCalls: past.slice(0, CALLS_SHOWN).map((c) => toCallCard(c, ngo.name)),
    figures: {
      callsHeld: held.length,
      volunteers: seats,
      hours: withHours.reduce((sum, s) => sum + (s.hours ?? 0), 0),
    },
  })
}
