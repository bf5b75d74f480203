// The calls and sign-ups part of the API contract (src/core/contract.ts): the public list and a call's page,
// signing up and cancelling, and the organizer's side of a call (its form, publishing, changes, roster).
import type { ReminderLead } from '@core/messages/reminders'
import type {
  Answers,
  CallInsurance,
  CallStatus,
  Companion,
  CompanionRule,
  Question,
  RepeatRule,
  SignUpSource,
  SignUpStatus,
} from '@core/model'
import type { InsuranceForm } from '@core/privacy/insurance'

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
  /** how many sessions the call has, when more than one */
  sessionCount?: number
  /**
   * its places over its sessions, when more than one: 「3 个批次 · 还剩 42 个名额」, 「3 个批次 · 已满 · 可候补」
   * (core/calls/session-text.ts placesSummary: cancelled sessions' places left out, the waitlist said)
   */
  places?: string
}

export interface ListCallsResponse {
  items: CallCard[]
  /** null on the last page */
  nextCursor: string | null
}

export interface GetCallRequest {
  callId: string
  /**
   * Read the call now, not from an instance's copy a few seconds old (the organizer's editor, which shows what
   * was just saved); absent: a shared page, which may be up to a few seconds stale.
   */
  fresh?: boolean
  /**
   * The call's page, which shows the call at once and can ask again for the caller's own part: when the database
   * refuses that part (past the quota), answer a public call without it, marked `mineUnknown`, instead of BUSY.
   */
  mineLater?: boolean
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
  /** the slot it holds (`s1` on a call of one slot) */
  slot: string
  /** who comes along, when anyone does */
  companions?: Companion[]
  /** the places it takes (the volunteer and companions), when more than one */
  party?: number
  createdAt: number
}

/** A 场次 / 批次 as a call's page shows it. */
export interface SessionView {
  id: string
  /** 「第一批」: the organizer's name for it, when it has one */
  name?: string
  startAt: number
  endAt: number
  /** its own place, when it has one */
  address?: string
  cancelled: boolean
}

export interface RoleView {
  id: string
  name: string
  description: string
  /** places in each session */
  capacity: number
}

/** A slot (a session × a role) with its places: what the volunteer picks from. */
export interface SlotView {
  key: string
  sessionId: string
  roleId?: string
  capacity: number
  confirmed: number
  spotsLeft: number
  waitlisted: number
  /** a newcomer may sign up for it now (its session has not started or been cancelled, the call takes sign-ups) */
  open: boolean
}

export interface CallDetail extends CallCard {
  description: string
  signupDeadline: number
  /** cancelling after this moment still works but is recorded as a late drop-out (absent: never late) */
  cancelCutoff?: number
  /** cancelling within this many hours before one's session starts is recorded as a late drop-out (临时退出) */
  cancelLeadHours?: number
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
  /**
   * the caller's own sign-up (on a call of several slots, the first one they hold); null for an anonymous visitor
   * or someone who has not signed up
   */
  mySignUp: SignUpView | null
  /** the call's sessions in time order (one, the call's own time, for a call of one session) */
  sessions: SessionView[]
  /** its roles (empty: one implicit role) */
  roles: RoleView[]
  /** every slot, sessions in time order, roles in the organizer's order within each */
  slots: SlotView[]
  /** every slot the caller holds or waits for (cancelled ones left out) */
  mySignUps: SignUpView[]
  /** at most this many slots per volunteer (absent: no limit) */
  maxSlotsPerPerson?: number
  /** the repetition its sessions were made from, on a draft (the editor reopens the rule, not its list) */
  repeat?: RepeatRule
  /** the insurance details a sign-up must give (absent: none) */
  insurance?: CallInsurance
  /** companions a volunteer may bring (absent: none) */
  companions?: CompanionRule
  /** what the caller gave for this call, masked (absent: nothing on file); a new sign-up may leave them out */
  myInsurance?: MaskedInsurance
  /**
   * Only when asked with `mineLater`: the database refused the caller's own part, so `mySignUp` (null),
   * `mySignUps` (empty) and `myInsurance` say nothing about them, and the call may be up to a minute old. They may
   * have signed up: ask again for their part before offering anything that depends on it.
   */
  mineUnknown?: true
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
  /** the slot (CallDetail.slots[].key): required on a call of several slots; absent = the call's only slot */
  slot?: string
  /**
   * when the call asks (CallDetail.insurance): the details and the consent. May be left out when the caller
   * gave them for another slot of the same call: those are used.
   */
  insurance?: InsuranceForm
  /** who comes along (CallDetail.companions says how many and which children may); absent = nobody */
  companions?: Companion[]
}

/**
 * `signUp.status` is `confirmed` (a seat) or, when the call is full and has a waitlist, `waitlisted` with its
 * `waitRank`. A newcomer never takes a seat ahead of someone already waiting. Each slot is its own seat with its
 * own waitlist. Errors: FULL (full, no waitlist), CLOSED (not open, past the sign-up deadline, or the slot's
 * session started or was cancelled), SLOT_LIMIT (the caller holds `maxSlotsPerPerson` slots already), NOT_FOUND,
 * INVALID_INPUT (also: `fields.slot`, a slot the call does not have or none on a call of several), UNAUTHENTICATED.
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
  /** the slot to give back (absent = the call's only slot) */
  slot?: string
}

export interface CancelSignUpResponse {
  signUp: SignUpView
}

export type MySignUpsRequest = Record<string, never>

export interface MySignUp {
  signUp: SignUpView
  call: CallCard
  /** on a call of several slots: the slot held (「3月12日 周六 09:00–11:30 · 植树」, session-text.ts slotLabel) */
  slotLabel?: string
  /** on a call of several slots: the held slot's session (its calendar entry, until when it can be given back) */
  session?: { startAt: number; endAt: number }
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
  /** hours before each session within which a cancellation is late; null removes the rule */
  cancelLeadHours?: number | null
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
 * Adds sessions to a published call (a 第四批, or a copy of a session on another day). A call of one session
 * becomes a call of several; each role gets its places in the new sessions. Errors: INVALID_INPUT (with
 * `fields`: times in the past or out of order, too many sessions), CALL_CANCELLED, NOT_FOUND, FORBIDDEN.
 */
export interface AddSessionsRequest {
  callId: string
  sessions: SessionForm[]
  /** places per session for a call without roles (absent: as its other sessions) */
  capacity?: number
}

export interface SessionEditResponse {
  call: CallDetail
  /** volunteers with a message queued for this edit (counting those queued by an earlier try) */
  notified: number
  /** waitlisted volunteers given a seat by it */
  promoted: number
}

/**
 * Moves one session or changes its place; its confirmed and waitlisted volunteers are told (one message each per
 * edit). Errors: INVALID_INPUT (`fields.sessionId` for a session the call does not have; times), NOT_FOUND.
 */
export interface UpdateSessionRequest {
  callId: string
  sessionId: string
  /** '' = no name: the session is named by its time */
  name?: string
  startAt?: number
  endAt?: number
  /** '' = the call's own place again */
  address?: string
}

/**
 * Cancels one session: its sign-ups are cancelled and told why; its slots take no one any more. The call's other
 * sessions go on (cancelling the last one is cancelCall's job: INVALID_INPUT).
 */
export interface CancelSessionRequest {
  callId: string
  sessionId: string
  /** told to the volunteers, at most 20 characters */
  reason?: string
}

/** A slot's places: more give seats to its waitlist; fewer than its seats taken is refused (INVALID_INPUT). */
export interface SetSlotCapacityRequest {
  callId: string
  slot: string
  capacity: number
}

/**
 * A 岗位 of a published call with roles: without `roleId` a new one, with `capacity` places in every session not yet
 * started or cancelled; with it, the role's new name and description (`capacity` then is the places of sessions
 * added later; each slot's own places change with setSlotCapacity). Nobody is told: nobody's seat changes.
 */
export interface SaveRoleRequest {
  callId: string
  roleId?: string
  name: string
  description: string
  capacity?: number
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

export const PAGE_SIZE = 20

/** Everything an organizer fills in for a call. */
export interface CallForm {
  title: string
  description: string
  /** cloud fileID of the cover; empty = a generated cover */
  cover?: string
  tags: string[]
  city: string
  address: string
  location?: { lat: number; lng: number }
  startAt: number
  endAt: number
  signupDeadline: number
  cancelCutoff?: number
  /** hours before each session within which a cancellation counts as 临时退出 (absent: never late) */
  cancelLeadHours?: number
  /** when volunteers are reminded: hours before the start (absent: 24) */
  reminderLeadHours?: ReminderLead
  /** places per session (per session and role: `roles[].capacity`, when there are roles) */
  capacity: number
  waitlist: boolean
  questions: Question[]
  /** several 场次/批次 (absent: one, `startAt`–`endAt`); the call's `startAt`/`endAt` are then theirs */
  sessions?: SessionForm[]
  /** or sessions made by a repetition rule (then `sessions` is absent) */
  repeat?: RepeatRule
  /** 岗位, each with its places per session (absent: one implicit role with `capacity` places) */
  roles?: RoleForm[]
  /** at most this many slots per volunteer (absent: no limit) */
  maxSlotsPerPerson?: number
  /** insurance details asked of volunteers (absent: none; core/privacy/insurance.ts) */
  insurance?: CallInsurance
  /** companions a volunteer may bring (absent or max 0: none; core/calls/companions.ts) */
  companions?: CompanionRule
}

export interface SessionForm {
  /** 「第一批」 (absent: named by its time) */
  name?: string
  startAt: number
  endAt: number
  /** its own place (absent: the call's) */
  address?: string
}

export interface RoleForm {
  name: string
  description: string
  /** places in each session */
  capacity: number
}

/**
 * Creates a draft (`ngoId`, no `callId`) or saves a draft again (`callId`). A published call is edited with
 * updateCall. Errors: CONTENT_RISKY (with `fields`), INVALID_INPUT (with `fields`), NOT_FOUND.
 */
export type SaveCallRequest = CallForm & { callId?: string; ngoId?: string }

export interface SaveCallResponse {
  call: CallDetail
}

/** A draft goes live. Errors: NGO_NOT_VERIFIED, INVALID_INPUT (e.g. its times have passed), NOT_FOUND. */
export interface PublishCallRequest {
  callId: string
}

export interface PublishCallResponse {
  call: CallDetail
}

/** `walkIn`: came without signing up, recorded at check-in (holds no seat) */
export type RosterTab = 'confirmed' | 'waitlisted' | 'cancelled' | 'late' | 'walkIn'

export interface RosterEntry {
  _id: string
  name: string
  /** in full: the roster is only for the call's own organizers */
  phone: string
  answers: Answers
  status: SignUpStatus
  tab: RosterTab
  waitRank?: number
  createdAt: number
  cancelledAt?: number
  // attendance, once recorded (check-in screen): 已签到 / 已签退 and the hours so far
  walkIn?: boolean
  checkedInAt?: number
  checkedOutAt?: number
  hours?: number
  /**
   * On a call of several slots: the slot the row holds, its session in words (「3月12日 周六 09:00–11:30」, on a call
   * of several sessions) and its role's name (on a call with roles). `waitRank` is then the place in its slot's queue.
   */
  slot?: string
  session?: string
  role?: string
  /** on a call asking insurance details, what the volunteer gave, masked (6201**********1234): never in full */
  insurance?: MaskedInsurance
  /** who comes along (listed under the volunteer; each holds a place) */
  companions?: Companion[]
  /** the places the row takes: 1 + companions (absent: 1) */
  party?: number
}

/** Insurance details as they may be shown anywhere but the owner's insurance export. */
export interface MaskedInsurance {
  idType?: string
  idNumber?: string
  emergencyName?: string
  emergencyPhone?: string
}

/**
 * The roster, or the rows of one session and/or one role (a call of several slots). A session or role id the
 * call lacks: INVALID_INPUT. The export takes the same request.
 */
export interface RosterRequest {
  callId: string
  sessionId?: string
  roleId?: string
}

export interface RosterResponse {
  call: CallCard & { questions: Question[] }
  /** of the rows the filter keeps */
  counts: Record<RosterTab, number>
  /** confirmed in sign-up order, then the waitlist in its order, then the cancelled ones */
  entries: RosterEntry[]
  /** a call of several slots: what the page filters by (sessions only when several, roles when there are some) */
  sessions?: { id: string; label: string; cancelled: boolean }[]
  roles?: { id: string; name: string }[]
  /** the call asks insurance details: what, and whether the caller (the NGO's owner) may export the list */
  insurance?: CallInsurance & { canExport: boolean }
}

export interface ExportRosterResponse {
  /** the .xlsx in cloud storage */
  fileID: string
  /** a temporary download URL */
  url: string
  fileName: string
  rows: number
}

export interface CallsContract {
  listCalls: { req: ListCallsRequest; res: ListCallsResponse }
  getCall: { req: GetCallRequest; res: CallDetail }
  signUp: { req: SignUpRequest; res: SignUpResponse }
  cancelSignUp: { req: CancelSignUpRequest; res: CancelSignUpResponse }
  mySignUps: { req: MySignUpsRequest; res: MySignUpsResponse }
  saveCall: { req: SaveCallRequest; res: SaveCallResponse }
  publishCall: { req: PublishCallRequest; res: PublishCallResponse }
  closeCall: { req: CloseCallRequest; res: CloseCallResponse }
  cancelCall: { req: CancelCallRequest; res: CancelCallResponse }
  updateCall: { req: UpdateCallRequest; res: UpdateCallResponse }
  addSessions: { req: AddSessionsRequest; res: SessionEditResponse }
  updateSession: { req: UpdateSessionRequest; res: SessionEditResponse }
  cancelSession: { req: CancelSessionRequest; res: SessionEditResponse }
  setSlotCapacity: { req: SetSlotCapacityRequest; res: SessionEditResponse }
  saveRole: { req: SaveRoleRequest; res: SessionEditResponse }
  roster: { req: RosterRequest; res: RosterResponse }
  exportRoster: { req: RosterRequest; res: ExportRosterResponse }
  getPhoneNumber: { req: GetPhoneNumberRequest; res: GetPhoneNumberResponse }
}
