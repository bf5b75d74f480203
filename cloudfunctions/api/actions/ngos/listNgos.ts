// The NGO directory (the philanthropy map): verified NGOs, optionally of one province and one cause, each with
// its number of open calls and a map point taken from its latest call that has one. Pages by (name, _id).
import { encodeNameCursor } from '@core/shared/cursor'
import { type ApiResult, ok } from '@core/shared/errors'
import { toNgoCard, validateListNgos } from '@core/ngos/ngo'
import type { DirectoryNgo, ListNgosResponse } from '@core/ngos/contract'
import type { Call, Ngo } from '@core/model'
import { _, db } from '@lib/cloud/cloud'
import { collection, find } from '@lib/cloud/db'
import { defineAction } from '@functions/api/gate'

export const DIRECTORY_PAGE = 50

export const listNgos = defineAction({
  who: 'everyone',
  resource: 'none',
  validate: validateListNgos,
  run: async ({ input, now }): Promise<ApiResult<ListNgosResponse>> => {
    const { province, cause, after } = input
    const where: Record<string, unknown> = { status: 'verified' }
    // 「甘肃·民勤」 or 「北京」: the province is the part before the dot
    // (province names are plain Chinese from PROVINCES: nothing to escape)
    if (province) where.city = _.or([_.eq(province), db.RegExp({ regexp: `^${province}·`, options: '' })])
    if (cause) where.causes = cause
    const conditions: object[] = [where]
    if (after) conditions.push(_.or([{ name: _.gt(after.name) }, { name: after.name, _id: _.gt(after.id) }]))
    const found = await find<Ngo>(
      collection('ngos')
        .where(_.and(conditions))
        .orderBy('name', 'asc')
        .orderBy('_id', 'asc')
        .limit(DIRECTORY_PAGE + 1),
    )
    const ngos = found.slice(0, DIRECTORY_PAGE)
    const last = ngos[ngos.length - 1]
    const nextCursor =
      found.length > DIRECTORY_PAGE ? encodeNameCursor({ name: last.name, id: last._id }) : null
    if (ngos.length === 0) return ok({ items: [], nextCursor })
    const calls = await find<Call>(
      collection('calls')
        .where({ ngoId: _.in(ngos.map((n) => n._id)), status: _.in(['open', 'closed']) })
        .orderBy('startAt', 'desc')
        .limit(1000),
    )
    const items = ngos.map((ngo): DirectoryNgo => {
      const own = calls.filter((c) => c.ngoId === ngo._id)
      const item: DirectoryNgo = {
        ...toNgoCard(ngo),
        openCalls: own.filter((c) => c.status === 'open' && c.endAt > now).length,
      }
      const located = own.find((c) => c.location)
      if (located?.location) item.location = located.location
      return item
    })
    return ok({ items, nextCursor })
  },
})
