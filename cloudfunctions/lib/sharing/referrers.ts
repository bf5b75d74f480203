// A volunteer's short referrer code (share paths and poster scenes carry it instead of the private openid): the
// `referrers` collection maps code → openid, `_id` = the code, so a code is claimed once and never reassigned.
import { referrerCodeCandidate } from '@core/sharing/scene'
import { db } from '@lib/cloud/cloud'
import { find } from '@lib/cloud/db'
import { withQuotaRetry } from '@lib/cloud/quota-retry'

interface Referrer {
  _id: string
  openid: string
  createdAt: number
}

const MAX_ATTEMPTS = 8

async function holderOf(code: string): Promise<string | null> {
  const [doc] = await find<Referrer>(db.collection('referrers').where({ _id: code }).limit(1))
  return doc?.openid ?? null
}

/** The caller's code, claimed on first use; a code already held by someone else moves on to the next candidate. */
export async function referrerCodeFor(openid: string, now: number): Promise<string> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const code = referrerCodeCandidate(openid, attempt)
    const holder = await holderOf(code)
    if (holder === openid) return code
    if (holder !== null) continue
    try {
      await withQuotaRetry(
        () => db.collection('referrers').add({ data: { _id: code, openid, createdAt: now } }),
        'write',
      )
      return code
    } catch (err) {
      // a concurrent claim of the same code: whoever wrote it holds it
      const winner = await holderOf(code)
      if (winner === openid) return code
      if (winner === null) throw err
    }
  }
  throw new Error('no free referrer code')
}

/** The openid behind a code; null for an unknown code. */
export function openidOfReferrer(code: string): Promise<string | null> {
  return holderOf(code)
}
