// A call's sign-ups: all of them, page by page (the SDK returns at most 100 at a time), or one person's.
import { _ } from '@lib/cloud/cloud'
import { collection, find } from '@lib/cloud/db'
import { MAX_SLOTS, slotKeysOf, slotOfSignUp } from '@core/calls/slots'
import type { Call, SignUp } from '@core/model'

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

/**
 * One person's sign-ups for a call, in the call's slot order: those they hold or wait for, or else the last one
 * they cancelled (its page says so). One query, whatever the number of slots.
 */
export async function signUpsOf(call: Call, openid: string): Promise<SignUp[]> {
  const rows = await find<SignUp>(collection('signups').where({ callId: call._id, openid }).limit(MAX_SLOTS))
  const order = slotKeysOf(call)
  const rank = (signUp: SignUp) => order.indexOf(slotOfSignUp(signUp))
  const active = rows.filter((signUp) => signUp.status !== 'cancelled').sort((a, b) => rank(a) - rank(b))
  if (active.length > 0) return active
  const cancelled = rows.sort((a, b) => (b.cancelledAt ?? 0) - (a.cancelledAt ?? 0))
  return cancelled.slice(0, 1)
}
