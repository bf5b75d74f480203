// Every call keeps its NGO as it shows it (Call.ngo: name, city, logo, intro, verified), so listing and showing
// calls reads no NGO document. Whatever changes an NGO's shown fields or status rewrites them on all its calls in
// one multi-document update, read from the NGO afresh, so a late or repeated sync writes the latest state.
// Calls stored before Call.ngo existed are filled in by the remind timer, a page of NGOs a run.
// The NGO's published calls' public files are written afresh after (public-call-file.ts): a rejected or resubmitted
// NGO's calls become tombstones, a verified one's go public, a new logo or name shows.
import { toNgoOnCall } from '@core/calls/views'
import type { Call } from '@core/model'
import { _ } from '@lib/cloud/cloud'
import { collection, find, findById, findByIds, updateWhere } from '@lib/cloud/db'
import { now } from '@lib/cloud/clock'
import { inParallel } from '@lib/cloud/parallel'
import { syncPublicCallFileQuietly } from '@lib/calls/public-call-file'

const PAGE = 100
/** Files written at once: each is two reads and an upload. */
const PARALLEL = 5

/** Rewrites the NGO on all its calls; returns how many calls changed. */
export async function syncNgoOnCalls(ngoId: string): Promise<number> {
  const ngo = await findById('ngos', ngoId)
  if (!ngo) return 0
  const changed = await updateWhere(collection('calls').where({ ngoId }), { ngo: toNgoOnCall(ngo) })
  // Even when no call changed: a first try may have died between the update and the files.
  await syncPublicFilesOfNgo(ngoId)
  return changed
}

/** Writes the public file of each of the NGO's calls but its drafts (which have none); never fails the caller. */
async function syncPublicFilesOfNgo(ngoId: string): Promise<void> {
  let after = ''
  for (;;) {
    let page: Pick<Call, '_id'>[]
    try {
      page = await find<Pick<Call, '_id'>>(
        collection('calls')
          .where({ ngoId, status: _.neq('draft'), _id: _.gt(after) })
          .field({ _id: true })
          .orderBy('_id', 'asc')
          .limit(PAGE),
      )
    } catch (err) {
      console.warn(`public files of NGO ${ngoId} not written:`, err)
      return
    }
    await inParallel(page, PARALLEL, (call) => syncPublicCallFileQuietly(call._id, now()))
    if (page.length < PAGE) return
    after = page[page.length - 1]._id
  }
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
