// Exports (a call's roster, an NGO's hours) hold names and phone numbers, so each is private and short-lived:
// stored under an unguessable name (`exports/<128 random bits>/<readable file name>`), handed out only as a
// 10-minute temp URL, recorded in `exports` so that the `remind` timer deletes it after a day and deleting a
// volunteer's data deletes every export that may contain them. Deleting is safe to repeat: files first (one
// already gone is no error), then their records, so a crash in between leaves records that the next run redoes.
import type { ExportRecord } from '@core/model'
import { randomBytes } from 'node:crypto'
import { _, db } from '@lib/cloud/cloud'
import { deleteFiles, storeFile, tempUrlOf } from '@lib/cloud/cloud-files'
import { collection, find, findByIds } from '@lib/cloud/db'
import { withQuotaRetry } from '@lib/cloud/quota-retry'

/** How long a download link works, seconds. */
export const EXPORT_LINK_SECONDS = 10 * 60
/** How long an export is kept: the organizer exports again after that. */
export const EXPORT_KEEP_MS = 24 * 60 * 60 * 1000

const PAGE = 100
/** the most files one deleteFile call takes */
const DELETE_BATCH = 50
/** the `remind` run deletes at most this many pages of expired exports; the next run does the rest */
const SWEEP_PAGES = 5

/** Stores an export privately and records it; returns its fileID and a link that works for 10 minutes. */
export async function storeExport(what: {
  kind: ExportRecord['kind']
  ngoId: string
  callId?: string
  fileName: string
  content: Buffer
  now: number
}): Promise<{ fileID: string; url: string }> {
  const token = randomBytes(16).toString('hex')
  const fileID = await storeFile(`exports/${token}/${what.fileName}`, what.content)
  const record: ExportRecord = {
    _id: token,
    fileID,
    kind: what.kind,
    ngoId: what.ngoId,
    ...(what.callId === undefined ? {} : { callId: what.callId }),
    createdAt: what.now,
    expiresAt: what.now + EXPORT_KEEP_MS,
  }
  try {
    await withQuotaRetry(() => db.collection('exports').add({ data: record }), 'write')
  } catch (err) {
    // unrecorded, nothing would ever delete it: it goes now
    await deleteFiles([fileID]).catch(() => undefined)
    throw err
  }
  const url = await tempUrlOf(fileID, EXPORT_LINK_SECONDS)
  if (!url) throw new Error(`no download link for ${fileID}`)
  return { fileID, url }
}

/** For the `remind` timer: deletes exports past their day (bounded per run); returns how many it deleted. */
export async function deleteExpiredExports(now: number): Promise<number> {
  let deleted = 0
  for (let page = 0; page < SWEEP_PAGES; page++) {
    const due = await find<ExportRecord>(
      collection('exports')
        .where({ expiresAt: _.lte(now) })
        .orderBy('expiresAt', 'asc')
        .limit(PAGE),
    )
    await removeExports(due)
    deleted += due.length
    if (due.length < PAGE) break
  }
  return deleted
}

/**
 * Deleting a volunteer's data: every export that may hold them goes — the rosters and insurance lists of every
 * call they signed up for, and every hours export of those calls' NGOs (an organizer exporting again is the lesser cost).
 * Returns how many it deleted.
 */
export async function deleteExportsAbout(openid: string): Promise<number> {
  const callIds: string[] = []
  let after = ''
  for (;;) {
    const page = await find<{ _id: string; callId: string }>(
      collection('signups')
        .where({ openid, _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .field({ _id: true, callId: true })
        .limit(PAGE),
    )
    callIds.push(...page.map((signUp) => signUp.callId))
    if (page.length < PAGE) break
    after = page[page.length - 1]._id
  }
  const ngoIds = new Set<string>()
  let deleted = 0
  for (const chunk of chunks([...new Set(callIds)], PAGE)) {
    for (const call of (await findByIds('calls', chunk)).values()) ngoIds.add(call.ngoId)
    deleted += await removeAll({ kind: _.in(['roster', 'insurance']), callId: _.in(chunk) })
  }
  for (const chunk of chunks([...ngoIds], PAGE))
    deleted += await removeAll({ kind: 'hours', ngoId: _.in(chunk) })
  return deleted
}

async function removeAll(where: Record<string, unknown>): Promise<number> {
  let removed = 0
  for (;;) {
    const page = await find<ExportRecord>(collection('exports').where(where).limit(PAGE))
    await removeExports(page)
    removed += page.length
    if (page.length < PAGE) return removed
  }
}

async function removeExports(records: readonly ExportRecord[]): Promise<void> {
  if (records.length === 0) return
  for (const batch of chunks(records, DELETE_BATCH)) await deleteFiles(batch.map((record) => record.fileID))
  await db
    .collection('exports')
    .where({ _id: _.in(records.map((record) => record._id)) })
    .remove()
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size))
  return out
}
