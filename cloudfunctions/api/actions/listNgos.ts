// The NGO directory (the philanthropy map): verified NGOs, optionally of one province and one cause, each with
// its number of open calls and a map point taken from its latest call that has one.
import { fail, ok } from '../../../src/core/errors'
import { toNgoCard, validateListNgos } from '../../../src/core/ngo'
import type { DirectoryNgo, ListNgosResponse } from '../../../src/core/ngo-api'
import type { Call, Ngo } from '../../../src/core/types'
import { _, db } from '../../lib/cloud'
import { collection, find } from '../../lib/db'
import type { ActionHandler } from '../caller'

/** The directory is one page: grassroots NGOs in one province and cause are few. */
export const DIRECTORY_LIMIT = 100

export const listNgos: ActionHandler<ListNgosResponse> = async (event, { now }) => {
  const input = validateListNgos(event)
  if (!input.ok) return fail('INVALID_INPUT', undefined, input.fields)
  const { province, cause } = input.value
  const where: Record<string, unknown> = { status: 'verified' }
  // 「甘肃·民勤」 or 「北京」: the province is the part before the dot
  // (province names are plain Chinese from PROVINCES: nothing to escape)
  if (province) where.city = _.or([_.eq(province), db.RegExp({ regexp: `^${province}·`, options: '' })])
  if (cause) where.causes = cause
  const ngos = await find<Ngo>(collection('ngos').where(where).orderBy('name', 'asc').limit(DIRECTORY_LIMIT))
  if (ngos.length === 0) return ok({ items: [] })
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
  return ok({ items })
}
