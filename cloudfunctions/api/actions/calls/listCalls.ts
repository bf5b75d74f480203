// Upcoming open calls, soonest first, 20 a page, continuing after the cursor's (startAt, _id) position.
import { PAGE_SIZE, type ListCallsResponse } from '@core/calls/contract'
import { encodeCursor } from '@core/shared/cursor'
import { type ApiResult, ok } from '@core/shared/errors'
import { validateListCalls } from '@core/calls/validate'
import type { Call, Ngo } from '@core/model'
import { toCallCard } from '@core/calls/views'
import { _, db } from '@lib/cloud/cloud'
import { collection, find, findByIds } from '@lib/cloud/db'
import { defineAction } from '@functions/api/gate'

type Condition = Parameters<typeof _.and>[0]

export const listCalls = defineAction({
  who: 'everyone',
  resource: 'none',
  validate: validateListCalls,
  run: async ({ input, now }): Promise<ApiResult<ListCallsResponse>> => {
    const { city, tag, keyword, from, to, after } = input

    const conditions: Condition[] = [{ status: 'open' }, { startAt: _.gt(now) }]
    if (from !== undefined) conditions.push({ startAt: _.gte(from) })
    if (to !== undefined) conditions.push({ startAt: _.lt(to) })
    if (city) conditions.push({ city })
    if (tag) conditions.push({ tags: tag }) // an array field matches when it contains the value
    if (keyword) {
      // 「搜索活动、机构」: the keyword finds a call by its title, its description or its NGO's name
      const pattern = db.RegExp({ regexp: escapeRegExp(keyword), options: 'i' })
      const byName = await ngoIdsNamed(pattern)
      const matches: Condition[] = [{ title: pattern }, { description: pattern }]
      if (byName.length > 0) matches.push({ ngoId: _.in(byName) })
      conditions.push(_.or(...matches))
    }
    const unverified = await unverifiedNgoIds()
    if (unverified.length > 0) conditions.push({ ngoId: _.nin(unverified) })
    if (after) {
      conditions.push(_.or({ startAt: _.gt(after.startAt) }, { startAt: after.startAt, _id: _.gt(after.id) }))
    }

    // One extra row tells whether another page exists.
    const rows = await find<Call>(
      collection('calls')
        .where(_.and(...conditions))
        .orderBy('startAt', 'asc')
        .orderBy('_id', 'asc')
        .limit(PAGE_SIZE + 1),
    )
    const page = rows.slice(0, PAGE_SIZE)
    const ngos = await findByIds(
      'ngos',
      page.map((call) => call.ngoId),
    )
    const last = page[page.length - 1]
    return ok({
      items: page.map((call) => toCallCard(call, ngos.get(call.ngoId)?.name ?? '')),
      nextCursor:
        rows.length > PAGE_SIZE && last ? encodeCursor({ startAt: last.startAt, id: last._id }) : null,
    })
  },
})

/** NGOs whose calls are not public (under review, rejected, suspended): few, next to the verified ones. */
async function unverifiedNgoIds(): Promise<string[]> {
  const ngos = await find<Pick<Ngo, '_id'>>(
    collection('ngos')
      .where({ status: _.neq('verified') })
      .field({ _id: true })
      .limit(1000),
  )
  return ngos.map((ngo) => ngo._id)
}

/** Verified NGOs whose name matches (a name search wants the NGO's calls; a hundred NGOs is more than a page). */
async function ngoIdsNamed(pattern: ReturnType<typeof db.RegExp>): Promise<string[]> {
  const ngos = await find<Pick<Ngo, '_id'>>(
    collection('ngos').where({ name: pattern, status: 'verified' }).field({ _id: true }).limit(100),
  )
  return ngos.map((ngo) => ngo._id)
}

/** The keyword is text to find, not a pattern: `.` or `(` must not change the query. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
