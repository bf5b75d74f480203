// 我的 → 志愿时长: the caller's attended and missed calls, with totals of confirmed hours per NGO and per year,
// and the number of each event's certificate once one was issued.
import type { CallCard } from '@core/calls/contract'
import type { MyHoursResponse } from '@core/attendance/contract'
import { type ApiResult, ok } from '@core/shared/errors'
import { hoursRecord } from '@core/attendance/hours-record'
import type { Call, Ngo, SignUp } from '@core/model'
import { toCallCard } from '@core/calls/views'
import { sessionLabel } from '@core/calls/session-text'
import { roleOfSlot, sessionOfSlot, sessionsOf, slotOfSignUp } from '@core/calls/slots'
import { certificateNumbersOf } from '@lib/certificates/certificates'
import { _ } from '@lib/cloud/cloud'
import { collection, find, findByIds } from '@lib/cloud/db'
import { defineAction, noInput } from '@functions/api/gate'

const PAGE = 100

export const myHours = defineAction({
  who: 'signedIn',
  resource: 'none',
  validate: noInput,
  run: async ({ openid }): Promise<ApiResult<MyHoursResponse>> => {
    const signUps = await attendedOrMissed(openid)
    const items: { signUp: SignUp; call: CallCard }[] = []
    // a page of calls (and their NGOs) per 100 sign-ups: findByIds reads at most one page at a time
    for (let i = 0; i < signUps.length; i += PAGE) {
      const page = signUps.slice(i, i + PAGE)
      const calls = await findByIds(
        'calls',
        page.map((s) => s.callId),
      )
      const ngos = await findByIds(
        'ngos',
        [...calls.values()].map((c: Call) => c.ngoId),
      )
      for (const signUp of page) {
        const call = calls.get(signUp.callId)
        const ngo: Ngo | undefined = call && ngos.get(call.ngoId)
        if (!call) continue
        const session = sessionsOf(call).length > 1 ? sessionOfSlot(call, slotOfSignUp(signUp)) : undefined
        const role = roleOfSlot(call, slotOfSignUp(signUp))?.name
        items.push({
          signUp,
          call: toCallCard(call, ngo?.name ?? ''),
          ...(session ? { session: { label: sessionLabel(session), startAt: session.startAt } } : {}),
          ...(role ? { role } : {}),
        })
      }
    }
    const record = hoursRecord(items)
    const certificates = await certificateNumbersOf(openid)
    for (const event of record.events) {
      const certificateNo = event.status === 'confirmed' ? certificates.get(event.signUpId) : undefined
      if (certificateNo) event.certificateNo = certificateNo
    }
    return ok(record)
  },
})

/** Every sign-up of the volunteer that was attended or missed, a page at a time (a long record has many). */
async function attendedOrMissed(openid: string): Promise<SignUp[]> {
  const all: SignUp[] = []
  let after = ''
  for (;;) {
    const page = await find<SignUp>(
      collection('signups')
        // erased sign-ups (the person deleted their data) stay the NGO's record, no longer theirs
        .where({ openid, status: _.in(['attended', 'no_show']), erasedAt: _.exists(false), _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .limit(PAGE),
    )
    all.push(...page)
    if (page.length < PAGE) return all
    after = page[page.length - 1]._id
  }
}
