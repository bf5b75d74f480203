// The organizer's view of how a call recruits: sign-ups by source, and the volunteers who brought the most.
import { type ApiResult, ok } from '@core/shared/errors'
import { validateCallId } from '@core/calls/validate'
import { maskName } from '@core/sharing/share'
import { SIGN_UP_SOURCES, type SignUpSource } from '@core/model'
import type { CallShareStatsResponse, Recruiter } from '@core/sharing/contract'
import { activeSignUps } from '@lib/sharing/attribution'
import { defineAction } from '@functions/api/gate'

const TOP = 10

export const callShareStats = defineAction({
  who: 'organizers',
  resource: 'call',
  validate: validateCallId,
  run: async ({ call }): Promise<ApiResult<CallShareStatsResponse>> => {
    const signUps = await activeSignUps({ callId: call._id })
    const bySource = Object.fromEntries(SIGN_UP_SOURCES.map((s) => [s, 0])) as Record<SignUpSource, number>
    const recruited = new Map<string, number>()
    for (const signUp of signUps) bySource[signUp.source ?? 'direct']++
    for (const signUp of signUps) {
      if (signUp.referrer) recruited.set(signUp.referrer, (recruited.get(signUp.referrer) ?? 0) + 1)
    }
    // A recruiter's name is the one they gave when signing up for this call (the NGO has it anyway), masked.
    const names = new Map(signUps.map((s) => [s.openid, s.name]))
    const topRecruiters: Recruiter[] = [...recruited]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, TOP)
      .map(([referrer, count]) => ({ name: maskName(names.get(referrer) ?? ''), count }))
    return ok({ bySource, total: signUps.length, topRecruiters })
  },
})
