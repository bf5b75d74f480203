// An NGO's public profile: its open and past calls and its transparency figures. Only verified NGOs have one
// (their own organizers also see theirs while it is under review).
import { type ApiResult, fail, ok } from '@core/shared/errors'
import { isOrganizer } from '@core/ngos/authorization'
import { toNgoCard, validateReviewNgo } from '@core/ngos/ngo'
import type { NgoProfile } from '@core/ngos/contract'
import { isPast } from '@core/calls/rules'
import type { Call } from '@core/model'
import { toCallCard } from '@core/calls/views'
import { _, db } from '@lib/cloud/cloud'
import { collection, find } from '@lib/cloud/db'
import { defineAction } from '@functions/api/gate'

const CALLS_SHOWN = 20

export const getNgo = defineAction({
  who: 'everyone',
  resource: 'ngo',
  validate: validateReviewNgo,
  run: async ({ ngo, now, roles }): Promise<ApiResult<NgoProfile>> => {
    if (ngo.status !== 'verified' && !isOrganizer(roles)) return fail('NOT_FOUND', '机构不存在')

    const calls = await find<Call>(
      collection('calls')
        .where({ ngoId: ngo._id, status: _.in(['open', 'closed']) })
        .orderBy('startAt', 'desc')
        .limit(100),
    )
    const open = calls.filter((c) => !isPast(c, now)).reverse()
    const past = calls.filter((c) => isPast(c, now))
    const held = past.map((c) => c._id)
    const { volunteers, hours } = await confirmedService(held)
    return ok({
      ngo: toNgoCard(ngo),
      openCalls: open.slice(0, CALLS_SHOWN).map((c) => toCallCard(c, ngo.name)),
      pastCalls: past.slice(0, CALLS_SHOWN).map((c) => toCallCard(c, ngo.name)),
      figures: {
        callsHeld: held.length,
        volunteers,
        hours,
      },
    })
  },
})

/** Groups read back at most (one per person per phone); a profile's figures need no more. */
const MAX_PEOPLE = 10_000

/**
 * Confirmed hours on the held calls: the people who served them (a volunteer by openid, a walk-in by phone) and
 * the hours. Hours not yet confirmed by the NGO count for neither.
 */
async function confirmedService(callIds: string[]): Promise<{ volunteers: number; hours: number }> {
  if (callIds.length === 0) return { volunteers: 0, hours: 0 }
  const $ = db.command.aggregate
  const groups = (
    (await collection('signups')
      .aggregate()
      .match({ callId: _.in(callIds), status: 'attended', hoursConfirmedAt: _.exists(true) })
      .group({ _id: { openid: '$openid', phone: '$phone', walkIn: '$walkIn' }, hours: $.sum('$hours') })
      .limit(MAX_PEOPLE)
      .end()) as { list: { _id: { openid?: string; phone?: string; walkIn?: boolean }; hours: number }[] }
  ).list
  const people = new Set(groups.map(({ _id }) => (_id.walkIn ? `walk-in ${_id.phone}` : `${_id.openid}`)))
  return { volunteers: people.size, hours: groups.reduce((sum, g) => sum + (g.hours ?? 0), 0) }
}
