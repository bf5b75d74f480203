// The API contract of the `api` cloud function: action → request and response.
// The client (src/services) and the function (cloudfunctions/api) both type against this file.
import type { Answers, CallStatus, Question, SignUpStatus } from './types'

export interface ListCallsRequest {
  city?: string
  tag?: string
  keyword?: string
  /** startAt >= from (epoch ms) */
  from?: number
  /** startAt < to (epoch ms) */
  to?: number
  /** opaque, from the previous page's nextCursor */
  cursor?: string
}

/** A call as a list card shows it. */
export interface CallCard {
  _id: string
  title: string
  cover: string
  ngoId: string
  ngoName: string
  city: string
  address: string
  tags: string[]
  startAt: number
  endAt: number
  capacity: number
  confirmed: number
  spotsLeft: number
  status: CallStatus
}

export interface ListCallsResponse {
  items: CallCard[]
  /** null on the last page */
  nextCursor: string | null
}

export interface GetCallRequest {
  callId: string
}

export interface SignUpView {
  _id: string
  callId: string
  name: string
  /** masked for display, e.g. 138****8000 */
  phone: string
  answers: Answers
  status: SignUpStatus
  /** 1-based position on the waitlist (「候补第 N 位」), for a waitlisted sign-up */
  waitRank?: number
  /** cancelled after the call's cancellation cutoff */
  lateDropOut?: boolean
  createdAt: number
}

export interface CallDetail extends CallCard {
  description: string
  signupDeadline: number
  waitlist: boolean
  waitlisted: number
  questions: Question[]
  location?: { lat: number; lng: number }
  ngo: { _id: string; name: string; city: string; logo: string; intro: string; verified: boolean }
  /** whether signUp would be accepted now (open, before the deadline) */
  signupOpen: boolean
  /** the caller's own sign-up; null for an anonymous visitor or someone who has not signed up */
  mySignUp: SignUpView | null
}

export interface SignUpRequest {
  callId: string
  name: string
  phone: string
  answers?: Answers
  /** must be true: the volunteer agreed to the privacy notice */
  privacyConsent: boolean
  /** openid of the volunteer whose share brought this one (from the share path) */
  referrer?: string
}

export interface SignUpResponse {
  signUp: SignUpView
  /** false when the caller had already signed up: the existing sign-up is returned, no seat taken */
  created: boolean
}

export interface CancelSignUpRequest {
  callId: string
}

export interface CancelSignUpResponse {
  signUp: SignUpView
}

export type MySignUpsRequest = Record<string, never>

export interface MySignUp {
  signUp: SignUpView
  call: CallCard
}

export interface MySignUpsResponse {
  upcoming: MySignUp[]
  past: MySignUp[]
}

export interface ApiContract {
  listCalls: { req: ListCallsRequest; res: ListCallsResponse }
  getCall: { req: GetCallRequest; res: CallDetail }
  signUp: { req: SignUpRequest; res: SignUpResponse }
  cancelSignUp: { req: CancelSignUpRequest; res: CancelSignUpResponse }
  mySignUps: { req: MySignUpsRequest; res: MySignUpsResponse }
}

export type Action = keyof ApiContract

/** The event a client sends to the `api` function. */
export type ApiEvent<A extends Action = Action> = { action: A } & ApiContract[A]['req']

export const PAGE_SIZE = 20
