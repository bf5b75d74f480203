// Who recruited whom: the sign-ups a call gathered, by how they arrived and by whose share.
import type { SignUp } from '@core/model'
import { _ } from '@lib/cloud/cloud'
import { collection, find } from '@lib/cloud/db'

const PAGE = 100

/** Every sign-up of `where` that holds or waits for a place (cancelled ones no longer count), page by page. */
export async function activeSignUps(where: Record<string, unknown>): Promise<SignUp[]> {
  const all: SignUp[] = []
  for (let skip = 0; ; skip += PAGE) {
    const page = await find<SignUp>(
      collection('signups')
        .where({ ...where, status: _.neq('cancelled') })
        .orderBy('_id', 'asc')
        .skip(skip)
        .limit(PAGE),
    )
    all.push(...page)
    if (page.length < PAGE) return all
  }
}
