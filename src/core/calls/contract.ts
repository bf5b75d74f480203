// The API contract of the `api` cloud function: action → request and response.
// The client (src/services) and the function (cloudfunctions/api) both type against this file.
import type { CertificateContract } from '@core/certificates/contract'
import type { AttendanceContract } from '@core/attendance/contract'
import type { NgoContract } from '@core/ngos/contract'
import type { NoticeContract } from '@core/messages/notice-contract'
import type { PrivacyContract } from '@core/privacy/contract'
import type { ReminderContract } from '@core/messages/reminder-contract'
import type { SignUpSource } from '@core/sharing/share'
import type { ShareContract } from '@core/sharing/contract'
import type { Answers, CallStatus, Question, SignUpStatus } from '@core/model'

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
  /**
   * 1-based position on the waitlist (「候补第 N 位」), for a waitlisted sign-up: counted when read (the
   * waitlisted sign-ups of the call that joined before this one, + 1), so it moves up as others leave.
   */
  waitRank?: number
  /** when a waitlisted sign-up was given a seat (it is then `confirmed`) */
  promotedAt?: number
  /** cancelled after the call's cancellation cutoff: the NGO sees it flagged */
  lateDropOut?: boolean
  /** attended: the hours recorded (rounded by the NGO's rule or set by an organizer) */
  hours?: number
  /** the NGO confirmed those hours: they count, and the volunteer has a 志愿服务证明 */
  hoursConfirmed?: boolean
  /** the subscribe messages the volunteer allowed for this sign-up and not yet used, by template id */
  subscriptions?: Record<string, number>
  createdAt: number
}

export interface CallDetail extends CallCard {
  description: string
  signupDeadline: number
  /** cancelling after this moment still works but is recorded as a late drop-out (absent: never late) */
  cancelCutoff?: number
  /** volunteers are reminded this many hours before the start */
  reminderLeadHours: 24 | 2
  /** when full, a sign-up joins the waitlist (instead of being refused with FULL) */
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
  /**
   * the sharer's short code from a share path or poster scene: the only way to credit a referrer (a raw openid
   * from the request would let anyone credit anyone)
   */
  referrerCode?: string
  /** how the volunteer arrived: share card, poster, Moments, search or direct (absent = direct) */
  source?: SignUpSource
}

/**
 * `signUp.status` is `confirmed` (a seat) or, when the call is full and has a waitlist, `waitlisted` with its
 * `waitRank`. A newcomer never takes a seat ahead of someone already waiting. Errors: FULL (full, no waitlist),
 * CLOSED (not open, past the sign-up deadline or started), NOT_FOUND, INVALID_INPUT, UNAUTHENTICATED.
 */
export interface SignUpResponse {
  signUp: SignUpView
  /** false when the caller had already signed up: the existing sign-up is returned, no seat taken */
  created: boolean
}

/**
 * Gives back a seat, or leaves the waitlist (the same action for both). A freed seat goes to the earliest
 * waitlisted volunteer at once. After the call's `cancelCutoff` it still works and the sign-up is marked
 * `lateDropOut`. Cancelling twice answers the same. Errors: NOT_SIGNED_UP, CLOSED (the call has started, or the
 * sign-up is already attended/no_show), INVALID_INPUT, UNAUTHENTICATED.
 */
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

// The call's own NGO (its admins) changes the call's state. Anyone else: FORBIDDEN; anonymous: UNAUTHENTICATED;
// a cancelled call cannot be closed or edited: CALL_CANCELLED. Each is safe to retry: a retry changes nothing
// more and queues no second message.

/** No new sign-ups from now on; existing sign-ups and the waitlist are kept (seats freed later still go to it). */
export interface CloseCallRequest {
  callId: string
}

export interface CloseCallResponse {
  call: CallDetail
}

/**
 * The activity will not take place. Sign-ups keep their status (the call's `cancelled` status says it all);
 * every confirmed and waitlisted volunteer gets a `cancelled` message.
 */
export interface CancelCallRequest {
  callId: string
  /** told to the volunteers, at most 20 characters */
  reason?: string
}

export interface CancelCallResponse {
  call: CallDetail
  /** volunteers with a `cancelled` message queued (counting those queued by an earlier try) */
  notified: number
}

/**
 * Time, place and capacity edits; fields left out stay as they are. A time or place change queues one `changed`
 * message to every confirmed and waitlisted volunteer. A capacity increase gives the new seats to the waitlist;
 * a capacity below the seats already taken is refused (INVALID_INPUT, `fields.capacity`).
 */
export interface UpdateCallRequest {
  callId: string
  startAt?: number
  endAt?: number
  signupDeadline?: number
  /** null removes the cutoff */
  cancelCutoff?: number | null
  city?: string
  address?: string
  /** null removes the map point */
  location?: { lat: number; lng: number } | null
  capacity?: number
  /** when volunteers are reminded: 24 or 2 hours before the start (volunteers are not told of this change) */
  reminderLeadHours?: 24 | 2
}

export interface UpdateCallResponse {
  call: CallDetail
  /** volunteers with a `changed` message queued for this edit (0 when neither time nor place changed) */
  notified: number
  /** waitlisted volunteers given a seat by a capacity increase */
  promoted: number
}

/**
 * The phone number behind a `getPhoneNumber` button's `code` (single use, valid 5 minutes). An invalid, used or
 * expired code: PHONE_CODE_INVALID (the form falls back to typing the number).
 */
export interface GetPhoneNumberRequest {
  code: string
}

export interface GetPhoneNumberResponse {
  /** 11 digits without country code, e.g. 13800138000 */
  phone: string
}

/** The NGO side's actions are listed in ngo-api.ts, subscribe messages' in reminder-api.ts. */
export interface ApiContract
  extends
    AttendanceContract,
    NgoContract,
    ReminderContract,
    ShareContract,
    CertificateContract,
    PrivacyContract,
    NoticeContract {
  listCalls: { req: ListCallsRequest; res: ListCallsResponse }
  getCall: { req: GetCallRequest; res: CallDetail }
  signUp: { req: SignUpRequest; res: SignUpResponse }
  cancelSignUp: { req: CancelSignUpRequest; res: CancelSignUpResponse }
  mySignUps: { req: MySignUpsRequest; res: MySignUpsResponse }
  closeCall: { req: CloseCallRequest; res: CloseCallResponse }
  cancelCall: { req: CancelCallRequest; res: CancelCallResponse }
  updateCall: { req: UpdateCallRequest; res: UpdateCallResponse }
  getPhoneNumber: { req: GetPhoneNumberRequest; res: GetPhoneNumberResponse }
}

export type Action = keyof ApiContract

/** The event a client sends to the `api` function. */
export type ApiEvent<A extends Action = Action> = { action: A } & ApiContract[A]['req']

export const PAGE_SIZE = 20
