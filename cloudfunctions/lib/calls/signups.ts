// Every sign-up of a call, page by page (the SDK returns at most 100 at a time).
import { _ } from '@lib/cloud/cloud'
import { collection, find } from '@lib/cloud/db'
import type { SignUp } from '@core/model'

const PAGE = 100

export async function allSignUps(callId: string): Promise<SignUp[]> {
  const all: SignUp[] = []
  let after = ''
  for (;;) {
    const page = await find<SignUp>(
      collection('signups')
        .where({ callId, _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .limit(PAGE),
    )
    all.push(...page)
    if (page.length < PAGE) return all
    after = page[page.length - 1]._id
  }
}
