// Every call keeps its NGO as it shows it (Call.ngo: name, city, logo, intro, verified), so listing and showing
// calls reads no NGO document. Whatever changes an NGO's shown fields or status rewrites them on all its calls in
// one multi-document update, read from the NGO afresh, so a late or repeated sync writes the latest state.
// Calls stored before Call.ngo existed are filled in by the remind timer, a page of NGOs a run.
import { toNgoOnCall } from '@core/calls/views'
import type { Call } from '@core/model'
import { _ } from '@lib/cloud/cloud'
import { collection, find, findById, findByIds, updateWhere } from '@lib/cloud/db'

/** Rewrites the NGO on all its calls; returns how many calls changed. */
export async function syncNgoOnCalls(ngoId: string): Promise<number> {
  const ngo = await findById('ngos', ngoId)
  if (!ngo) return 0
  return updateWhere(collection('calls').where({ ngoId }), { ngo: toNgoOnCall(ngo) })
}

/** Fills in the NGO on calls that have none (stored before it existed); returns how many calls it filled. */
export async function fillNgoOnCalls(limit = 100): Promise<number> {
  const calls = await find<Pick<Call, '_id' | 'ngoId'>>(
    collection('calls')
      .where({ ngo: _.exists(false) })
      .field({ _id: true, ngoId: true })
      .limit(limit),
  )
  if (calls.length === 0) return 0
  const ngos = await findByIds(
    'ngos',
    calls.map((call) => call.ngoId),
  )
  let filled = 0
  for (const ngo of ngos.values())
    filled += await updateWhere(collection('calls').where({ ngoId: ngo._id, ngo: _.exists(false) }), {
      ngo: toNgoOnCall(ngo),
    })
  return filled
}
