// Upcoming open calls, soonest first, 20 a page, continuing after the cursor's (startAt, _id) position.
import { PAGE_SIZE, type ListCallsResponse } from '@core/calls/contract'
import { encodeCursor } from '@core/shared/cursor'
import { type ApiResult, ok } from '@core/shared/errors'
import { validateListCalls } from '@core/calls/validate'
import type { Call } from '@core/model'
import { toCallCard } from '@core/calls/views'
import { _, db } from '@lib/cloud/cloud'
import { collection, find } from '@lib/cloud/db'
import { defineAction } from '@functions/api/gate'

type Condition = Parameters<typeof _.and>[0]

export const listCalls = defineAction({
  who: 'everyone',
  resource: 'none',
  validate: validateListCalls,
  run: async ({ input, now }): Promise<ApiResult<ListCallsResponse>> => {
    const { city, tag, keyword, from, to, after } = input

    // One query: a call carries its NGO's name and whether it is verified (Call.ngo), so only verified NGOs'
    // calls are listed and a search finds a call by its NGO's name without reading the NGOs.
    const conditions: Condition[] = [{ status: 'open' }, { 'ngo.verified': true }, { startAt: _.gt(now) }]
    if (from !== undefined) conditions.push({ startAt: _.gte(from) })
    if (to !== undefined) conditions.push({ startAt: _.lt(to) })
    if (city) conditions.push({ city })
    if (tag) conditions.push({ tags: tag }) // an array field matches when it contains the value
    if (keyword) {
      // 「搜索活动、机构」: the keyword finds a call by its title, its description or its NGO's name
      const pattern = db.RegExp({ regexp: escapeRegExp(keyword), options: 'i' })
      conditions.push(_.or({ title: pattern }, { description: pattern }, { 'ngo.name': pattern }))
    }
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
    const last = page[page.length - 1]
    return ok({
      items: page.map((call) => toCallCard(call)),
      nextCursor:
        rows.length > PAGE_SIZE && last ? encodeCursor({ startAt: last.startAt, id: last._id }) : null,
    })
  },
})

/** The keyword is text to find, not a pattern: `.` or `(` must not change the query. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
