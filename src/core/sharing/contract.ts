// The sharing actions of the `api` function (their part of ApiContract): share cards, live group cards and who
// recruited whom. `signUp` takes the attribution too: `source` and `referrerCode` (see share.ts).
import type { SignUpSource } from '@core/model'

/** Before sharing a call: the caller's referrer code for the share path, and a live group card's activity id. */
export interface PrepareShareRequest {
  callId: string
}

export interface PrepareShareResponse {
  referrerCode: string
  /** for `Taro.updateShareMenu({ isUpdatableMessage: true, activityId })`; each sign-up then updates the card */
  activityId: string
}

/** The organizer's view of how a call recruits. */
export interface CallShareStatsRequest {
  callId: string
}

export interface Recruiter {
  /** masked, e.g. 林** */
  name: string
  count: number
}

export interface CallShareStatsResponse {
  /** sign-ups that hold or wait for a place, by how they arrived */
  bySource: Record<SignUpSource, number>
  total: number
  /** the volunteers whose shares brought the most sign-ups, best first (at most 10) */
  topRecruiters: Recruiter[]
}

export type MyRecruitsRequest = Record<string, never>

/** 「你已带来 N 位志愿者」: sign-ups (not cancelled) that the caller's shares brought. */
export interface MyRecruitsResponse {
  count: number
}

export interface ShareContract {
  prepareShare: { req: PrepareShareRequest; res: PrepareShareResponse }
  callShareStats: { req: CallShareStatsRequest; res: CallShareStatsResponse }
  myRecruits: { req: MyRecruitsRequest; res: MyRecruitsResponse }
}
