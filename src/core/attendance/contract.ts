// The attendance actions of the `api` function (their part of ApiContract): check-in and check-out, walk-ins,
// hours the NGO records and confirms, and the volunteer's own record of hours. Certificates: certificates/contract.ts.
import type { CallCard } from '@core/calls/contract'
import type { HoursRule, CompanionKind } from '@core/model'

/** Whether a code or an action checks people in or out. */
export type AttendanceMode = 'in' | 'out'

/**
 * The organizer's check-in screen: the current code for the call's QR. The code is signed by the function with a
 * secret the client never sees and names the call, the mode and a 60-second window; the screen asks for the next
 * one before `expiresAt`. Errors: CLOSED (draft or cancelled call, or outside the check-in hours of the call:
 * from 2 h before its start to 6 h after its end; the message says which).
 */
export interface CheckInCodeRequest {
  callId: string
  mode: AttendanceMode
  /**
   * On a call of several sessions, the session whose code to show (absent: the one running now, else the next);
   * the code then checks into that session only. An id the call lacks: INVALID_INPUT; a cancelled session or one
   * outside its own check-in hours: CLOSED.
   */
  sessionId?: string
}

export interface CheckInCodeResponse {
  /** what the QR encodes (also a path: the mini program opened by scanning it checks the scanner in) */
  code: string
  /** epoch ms after which the code is refused (its 60-second window plus a 15-second grace for a late scan) */
  expiresAt: number
  /** epoch ms when the screen should ask for the next code (the end of the window, 15 s before `expiresAt`) */
  refreshAt: number
  /** the function's clock when it answered: screens count down `expiresAt - now` (a phone's clock may be off) */
  now: number
  /** on a call of several sessions: the session the code is for */
  session?: AttendanceSession
}

/** A session as the check-in screen offers it (a call of several sessions). */
export interface AttendanceSession {
  id: string
  /** 「3月12日 周六 09:00–11:30」 */
  label: string
  startAt: number
  endAt: number
  cancelled: boolean
}

/**
 * A volunteer scanned the call's code: their confirmed sign-up is checked in (or out). Scanning again answers the
 * same and changes nothing (the first check-in time is kept); a later check-out replaces an earlier one until the
 * hours are confirmed. A code of another call can only check into that call. Errors: CODE_INVALID (forged,
 * tampered, or a personal code), CODE_EXPIRED (older than its window and grace), NOT_SIGNED_UP (no seat on this
 * call: waitlisted, cancelled or never signed up), NOT_CHECKED_IN (checking out before checking in), CLOSED.
 * On a call of several sessions the code names one session: it checks in the scanner's seat in that session
 * (whichever role); a seat only in another session is NOT_SIGNED_UP, its message naming the code's session, and
 * CLOSED follows that session's own hours.
 */
export interface CheckInRequest {
  code: string
}

export interface CheckInResponse {
  attendance: AttendanceView
  call: CallCard
}

/** The volunteer's personal code (「我的签到码」): an organizer scans it to check them in; it too changes every 60 s. */
export type PersonalCodeRequest = Record<string, never>

export interface PersonalCodeResponse {
  code: string
  expiresAt: number
  refreshAt: number
  /** the function's clock when it answered (as in CheckInCodeResponse) */
  now: number
}

/**
 * The organizer checks one person in or out: by a scanned personal code, or by hand from the list
 * (`signUpId`). Exactly one of the two. Checking a waitlisted volunteer in gives them no seat: NOT_SIGNED_UP.
 * By hand works from when check-in opens with no end, so records can be put right afterwards (a no-show who did
 * come is checked in). Errors as checkIn, plus CODE_INVALID for a call's code where a personal one is expected.
 */
export interface MarkAttendanceRequest {
  callId: string
  mode: AttendanceMode
  personalCode?: string
  signUpId?: string
  /**
   * The session the screen shows, on a call of several sessions: a personal code checks in the person's seat in
   * it (absent: the session running now, else the next), and a row of another session is refused (NOT_SIGNED_UP,
   * naming the session the person signed up for). An id the call lacks: INVALID_INPUT.
   */
  sessionId?: string
}

export interface MarkAttendanceResponse {
  attendance: AttendanceView
}

/**
 * Someone who came without signing up: recorded as checked in now, holding no seat (the roster's 现场登记 tab).
 * The same phone twice is the same walk-in. Errors: INVALID_INPUT (name, phone), CONTENT_RISKY (the name),
 * ALREADY_SIGNED_UP (someone with a seat on this call has that phone: check them in from the list), CLOSED.
 */
export interface AddWalkInRequest {
  callId: string
  name: string
  phone: string
  /**
   * On a call of several slots: the session they came to (absent: the one running now, else the next) and the
   * role they take (absent: the first). The same phone in another session is another walk-in.
   */
  sessionId?: string
  roleId?: string
}

/** Everyone checked in and not yet out is checked out now (at the end of the day). */
export interface CheckOutAllRequest {
  callId: string
  /** required on a call of several sessions: only that session's people are checked out */
  sessionId?: string
}

export interface CheckOutAllResponse {
  checkedOut: number
}

/**
 * The hours of one attendance, set by the organizer; the reason and the value it replaces are kept (`hoursEdits`).
 * Half hours from 0 to 24. A later check-out keeps edited hours. Errors: HOURS_CONFIRMED (confirmed hours are
 * certified and may be on a certificate: they are not edited), NOT_CHECKED_IN, NOT_FOUND (not of this call),
 * CONTENT_RISKY (the reason), INVALID_INPUT.
 */
export interface EditHoursRequest {
  /** the call the sign-up belongs to (who may edit is decided by the call's NGO) */
  callId: string
  signUpId: string
  hours: number
  /** why, at least 2 and at most 100 characters */
  reason: string
}

/**
 * Confirms the hours of the call's attendances (all with hours, or the listed ones). Only confirmed hours count:
 * in the volunteer's record, certificates, exports and the NGO's figures. Confirming twice changes nothing.
 * Errors: NO_HOURS (a listed person has no hours yet: not checked out; nothing is confirmed then), NOT_FOUND.
 */
export interface ConfirmHoursRequest {
  callId: string
  signUpIds?: string[]
}

export interface ConfirmHoursResponse {
  confirmed: number
}

/**
 * After the call's end: every confirmed sign-up that never checked in becomes a no-show. Before: NOT_ENDED. On a
 * call of several sessions: with `sessionId`, that session's seats after its own end; without, the seats of every
 * session that has ended.
 */
export interface MarkNoShowsRequest {
  callId: string
  sessionId?: string
}

export interface MarkNoShowsResponse {
  noShows: number
}

export interface AttendanceRequest {
  callId: string
  /** only the people of this session (a call of several sessions); absent: everyone */
  sessionId?: string
}

export type HoursStatus = 'none' | 'recorded' | 'confirmed'

/** One person's attendance on a call, as the organizer's check-in screen shows it. */
export interface AttendanceView {
  signUpId: string
  name: string
  /** full to the call's organizers, masked to everyone else */
  phone: string
  walkIn: boolean
  /** `confirmed` (a seat, not yet here), `attended` (checked in), `no_show` */
  status: 'confirmed' | 'attended' | 'no_show'
  checkedInAt?: number
  checkedOutAt?: number
  /** minutes between check-in and check-out */
  minutes?: number
  /** rounded by the NGO's rule, or as the organizer set it */
  hours?: number
  hoursStatus: HoursStatus
  /** the last edit: the value it replaced (the rule's) and why */
  hoursEdit?: { from: number; to: number; reason: string; at: number }
  /** on a call of several slots: the row's slot, its session's words and its role's name */
  slot?: string
  session?: string
  role?: string
  /** who came with them (同行人): checked in and out with them, as one party */
  companions?: { name: string; kind: CompanionKind; age?: number }[]
}

export interface AttendanceResponse {
  call: CallCard
  rule: HoursRule
  counts: { expected: number; checkedIn: number; checkedOut: number; noShows: number; walkIns: number }
  entries: AttendanceView[]
  /** a call of several sessions: its sessions, and the one the screen should open on (running now or next) */
  sessions?: AttendanceSession[]
  currentSessionId?: string
  /** the call's roles, for choosing a walk-in's */
  roles?: { id: string; name: string }[]
}

/** The NGO's rounding rule for hours (see hours.ts). */
export interface SetHoursRuleRequest {
  ngoId: string
  rule: HoursRule
}

export interface SetHoursRuleResponse {
  rule: HoursRule
}

export type MyHoursRequest = Record<string, never>

/** One event in 我的 → 志愿时长. */
export interface HoursEvent {
  signUpId: string
  call: CallCard
  /** `confirmed`: counted; `pending`: attended, waiting for the NGO to confirm; `no_show` */
  status: 'confirmed' | 'pending' | 'no_show'
  hours: number
  /** the certificate, once issued */
  certificateNo?: string
  /** on a call of several sessions: the session served (「3月12日 周六 09:00–11:30」) and its start */
  session?: string
  sessionStartAt?: number
  /** the role taken, on a call with roles */
  role?: string
  /**
   * who came along (同行人): each served the same time as the volunteer and has these hours of their own, a child's
   * kept under the guardian's record. Never added to the volunteer's totals.
   */
  companions?: CompanionHours[]
}

export interface CompanionHours {
  name: string
  kind: CompanionKind
  age?: number
  hours: number
}

export interface MyHoursResponse {
  /** confirmed hours only */
  total: number
  byNgo: { ngoId: string; ngoName: string; hours: number }[]
  /** by year in China time, latest first */
  byYear: { year: number; hours: number }[]
  /** latest first */
  events: HoursEvent[]
}

/** Confirmed hours of the NGO's calls that started in [from, to), as an .xlsx for reporting. */
export interface ExportHoursRequest {
  ngoId: string
  from: number
  to: number
}

export interface ExportHoursResponse {
  fileID: string
  url: string
  fileName: string
  rows: number
}

/**
 * The volunteer's offline passes (「我的签到码」 with no signal): one per session they hold a seat in that has not
 * closed yet and starts within a week, each good from when its check-in opens (2 h before) to when it closes (6 h
 * after the end). The phone keeps them and shows the one for now.
 */
export type OfflinePassesRequest = Record<string, never>

export interface OfflinePassView {
  /** what the QR encodes (`q.…`, core/attendance/offline-pass.ts) */
  code: string
  callId: string
  callTitle: string
  sessionId: string
  /** the session in words, on a call of several sessions */
  session?: string
  startAt: number
  endAt: number
  validFrom: number
  validUntil: number
}

export interface OfflinePassesResponse {
  passes: OfflinePassView[]
  now: number
}

/**
 * What the organizer's phone keeps to check a session in with no network: its people (masked phones, a hash of
 * who holds each pass, no answers), their state when downloaded, the public key passes are checked with, and the window the
 * session's passes are good for. Errors: CLOSED (a draft or cancelled call, or a cancelled session).
 */
export interface OfflineRosterRequest {
  callId: string
  /** on a call of several sessions (absent: the one running now, else the next) */
  sessionId?: string
}

export interface OfflineRosterPerson {
  signUpId: string
  name: string
  /** masked: the phone keeps no full numbers */
  phone: string
  /** holderOf(openid): matches a scanned pass; absent for a walk-in (no pass) */
  holder?: string
  role?: string
  /** the names of who comes with them (同行人): checked in and out with them */
  companions?: string[]
  checkedInAt?: number
  checkedOutAt?: number
}

export interface OfflineRosterResponse {
  callId: string
  callTitle: string
  session: AttendanceSession
  /** the function's Ed25519 public key, base64url */
  publicKey: string
  validFrom: number
  validUntil: number
  people: OfflineRosterPerson[]
  /** the function's clock: when the roster was downloaded */
  now: number
}

/** One check-in or check-out the organizer's phone recorded with no network. */
export interface OfflineRecord {
  /** `<deviceId>-<seq>`: unique per phone, so a retry of the same record is known */
  id: string
  mode: AttendanceMode
  /** when it was recorded (the phone's clock), epoch ms */
  at: number
  /** checked by hand from the roster… */
  signUpId?: string
  /** …or by scanning the volunteer's offline pass (checked again by the function)… */
  pass?: string
  /** …or someone who came without signing up, added on the phone (the same phone number is the same walk-in) */
  walkIn?: OfflineWalkIn
}

/** A walk-in recorded with no network: as addWalkIn, in the first role, at the record's time. */
export interface OfflineWalkIn {
  name: string
  phone: string
}

/**
 * The records of one session sent when the network is back. Each record is applied once: a record id already
 * applied answers `duplicate` and changes nothing; checking in someone already in keeps the earliest time; two
 * different check-out times are a conflict (the later one counts, as a later check-out does online). A pass is
 * checked again: signature, session, and its window must contain `at`; `at` may not be in the future. At most
 * SYNC_MAX_RECORDS records.
 */
export interface SyncCheckInsRequest {
  callId: string
  sessionId: string
  records: OfflineRecord[]
}

/**
 * `applied`: it changed the record; `unchanged`: it agreed with what was there (or an earlier check-in counts);
 * `duplicate`: this record was applied before; `waiting`: a check-out of someone not yet checked in (send it again
 * after the check-in); `refused`: never applied (forged pass, no seat, out before in…).
 */
export type SyncOutcome = 'applied' | 'unchanged' | 'duplicate' | 'waiting' | 'refused'

export interface SyncRecordResult {
  id: string
  outcome: SyncOutcome
  signUpId?: string
  message?: string
}

/** Something the organizer should look at, in words: 「张三：两部手机的签退时间不同（11:00 与 11:30），已按 11:30 计」. */
export interface SyncConflict {
  recordId: string
  signUpId?: string
  name?: string
  message: string
}

export interface SyncCheckInsResponse {
  results: SyncRecordResult[]
  conflicts: SyncConflict[]
}

export interface AttendanceContract {
  checkInCode: { req: CheckInCodeRequest; res: CheckInCodeResponse }
  checkIn: { req: CheckInRequest; res: CheckInResponse }
  personalCode: { req: PersonalCodeRequest; res: PersonalCodeResponse }
  markAttendance: { req: MarkAttendanceRequest; res: MarkAttendanceResponse }
  addWalkIn: { req: AddWalkInRequest; res: MarkAttendanceResponse }
  checkOutAll: { req: CheckOutAllRequest; res: CheckOutAllResponse }
  editHours: { req: EditHoursRequest; res: MarkAttendanceResponse }
  confirmHours: { req: ConfirmHoursRequest; res: ConfirmHoursResponse }
  markNoShows: { req: MarkNoShowsRequest; res: MarkNoShowsResponse }
  attendance: { req: AttendanceRequest; res: AttendanceResponse }
  setHoursRule: { req: SetHoursRuleRequest; res: SetHoursRuleResponse }
  myHours: { req: MyHoursRequest; res: MyHoursResponse }
  exportHours: { req: ExportHoursRequest; res: ExportHoursResponse }
  offlinePasses: { req: OfflinePassesRequest; res: OfflinePassesResponse }
  offlineRoster: { req: OfflineRosterRequest; res: OfflineRosterResponse }
  syncCheckIns: { req: SyncCheckInsRequest; res: SyncCheckInsResponse }
}
