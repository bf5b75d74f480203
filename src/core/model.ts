// The data model: the documents of every collection. It imports nothing, so every feature can build on it.
// Times are epoch milliseconds, so they cross JSON, EJSON and the H5 door unchanged.

/** `rejected`: a platform admin turned the registration down (`rejectReason` says why); it may be resubmitted */
export type NgoStatus = 'pending' | 'verified' | 'rejected' | 'suspended'

export interface Ngo {
  _id: string
  name: string
  city: string
  causes: string[]
  intro: string
  logo: string
  contact: string
  status: NgoStatus
  /** openids of the people who may manage this NGO; the first is its owner (who registered it) */
  admins: string[]
  createdAt: number
  /** from registration (older documents may lack them): the contact person, their phone, a certificate image */
  contactName?: string
  contactPhone?: string
  certificate?: string
  /** 统一社会信用代码, check digit verified ('' or absent: not registered) */
  creditCode?: string
  /** why a platform admin rejected the registration */
  rejectReason?: string
  /** the trace of a logo still under content review: the logo is shown only once it passes */
  logoReview?: string
  /** the owner's current invitation for co-organizers (replaced when a new one is made) */
  inviteCode?: string
  /** what each organizer is called in the console, by openid (given when joining or registering) */
  organizerNames?: Record<string, string>
  /** how this NGO rounds minutes of service into hours (absent: DEFAULT_HOURS_RULE) */
  hoursRule?: HoursRule
  updatedAt?: number
}

/** Platform roles, kept in `users` (the platform admins are listed there, `_id` = openid). */
export type UserRole = 'admin'

export interface User {
  /** the openid */
  _id: string
  roles: UserRole[]
  nickname?: string
}

export type QuestionKind = 'text' | 'textarea' | 'single' | 'multi'

export interface Question {
  id: string
  kind: QuestionKind
  title: string
  required: boolean
  /** choices, for `single` and `multi` */
  options?: string[]
  /** for `text` and `textarea`; defaults in rules.ts */
  maxLength?: number
}

export type CallStatus = 'draft' | 'open' | 'closed' | 'cancelled'

export interface Call {
  _id: string
  ngoId: string
  title: string
  description: string
  /** image URL or cloud fileID; empty = a generated cover */
  cover: string
  tags: string[]
  city: string
  address: string
  location?: { lat: number; lng: number }
  startAt: number
  endAt: number
  signupDeadline: number
  /** cancelling after this moment is still possible but recorded as a late drop-out (absent: never late) */
  cancelCutoff?: number
  /**
   * cancelling within this many hours before one's own session starts is a late drop-out (临时退出): the rule of a
   * call of several sessions, where one moment cannot fit every session. Set, it is used instead of cancelCutoff.
   */
  cancelLeadHours?: number
  capacity: number
  /** join a waitlist when full */
  waitlist: boolean
  questions: Question[]
  status: CallStatus
  /** counters kept with atomic updates; the rows in `signups` are the truth (repair recounts) */
  confirmed: number
  waitlisted: number
  /** the trace of a cover image still under content review: the cover is shown only once it passes */
  coverReview?: string
  /** counts the organizer's edits (updateCall): a `changed` message's id carries it, so each edit notifies once */
  editVersion?: number
  /** hours before the start that volunteers are reminded (absent: 24) */
  reminderLeadHours?: 24 | 2
  /** when the organizer cancelled the call, and what they told the volunteers */
  cancelledAt?: number
  cancelReason?: string
  /**
   * The NGO as the call shows it, kept on the call so showing or listing calls reads no NGO document; every call
   * of an NGO is rewritten when the NGO changes (lib/ngos/ngo-on-calls.ts). Absent on calls stored before it
   * existed: those read their NGO until the remind timer fills it in.
   */
  ngo?: NgoOnCall
  /** until when a live group card shared for this call accepts updates (absent: none was shared) */
  groupCardsUntil?: number
  /**
   * The call's 场次 / 批次, in time order (absent: one session, `startAt`–`endAt`, id `s1`). The call's own
   * `startAt` / `endAt` span them: the first session's start, the last one's end.
   */
  sessions?: CallSession[]
  /** The call's 岗位 (absent or empty: one implicit role with the call's `capacity`). */
  roles?: CallRole[]
  /**
   * Seats and queues per slot (a session × a role), by slot key (core/calls/slots.ts). Absent on a call of one
   * slot, whose counters are the call's own `capacity`, `confirmed` and `waitlisted`. Present, those three are the
   * sums over the slots, changed in the same atomic updates.
   */
  slots?: Record<string, SlotCounters>
  /** at most this many slots per volunteer (absent: no limit) */
  maxSlotsPerPerson?: number
  /** the repetition the sessions were made from (they can then be moved or cancelled one by one) */
  repeat?: RepeatRule
  /** the call asks for insurance details (core/privacy/insurance.ts); absent: it asks none */
  insurance?: CallInsurance
  /** volunteers may bring companions (同行人), each taking a place (core/calls/companions.ts); absent: none */
  companions?: CompanionRule
  createdAt: number
  updatedAt: number
}

export type CompanionKind = 'adult' | 'child'

/** Someone a volunteer brings along: a place of their own, shown under the volunteer. */
export interface Companion {
  name: string
  kind: CompanionKind
  /** a child's age in whole years, within the call's range; absent for an adult */
  age?: number
}

/** A call's rule for companions. */
export interface CompanionRule {
  /** 1 … MAX_COMPANIONS companions per volunteer */
  max: number
  /** children allowed, of this age range in whole years (inclusive); absent = adults only */
  children?: { minAge: number; maxAge: number }
}

/** A 场次 / 批次: its own time, maybe its own place. */
export interface CallSession {
  /** `s1`, `s2`, … never reused within a call */
  id: string
  /** the organizer's name for it (「第一批」, 「上午班」); absent: it is named by its time alone */
  name?: string
  startAt: number
  endAt: number
  /** its own place (absent: the call's `address` and `location`) */
  address?: string
  location?: { lat: number; lng: number }
  /** the call's edit version that last moved it or changed its place: its `changed` messages carry it */
  version?: number
  /** the organizer cancelled this session alone (its volunteers were told), and what they said */
  cancelledAt?: number
  cancelReason?: string
}

/** A 岗位: one kind of work, with its own places in every session. */
export interface CallRole {
  /** `r1`, `r2`, … never reused within a call */
  id: string
  name: string
  description: string
  /** places in each session */
  capacity: number
}

/** One slot's seats and queue: the call's counters and rules (lib/waitlist/waitlist.ts), per slot. */
export interface SlotCounters {
  capacity: number
  confirmed: number
  waitlisted: number
  /** its session's start: no promotion after it */
  startAt: number
  /** its session was cancelled: no seat is given any more */
  cancelled?: boolean
}

/** Sessions made by repetition: every week on some weekdays, or every day; until a date or a number of times. */
export interface RepeatRule {
  every: 'day' | 'week'
  /** for `week`: 0 = Sunday … 6 = Saturday (China time) */
  weekdays?: number[]
  /** minutes after China midnight */
  startMinute: number
  endMinute: number
  /** the first day (any time on it, China time) */
  from: number
  /** the last day included (any time on it), or a number of sessions */
  until?: number
  count?: number
}

export interface NgoOnCall {
  name: string
  city: string
  logo: string
  intro: string
  /** the NGO is verified: only then are its calls public */
  verified: boolean
}

export type SignUpStatus = 'confirmed' | 'waitlisted' | 'cancelled' | 'attended' | 'no_show'

export type Answers = Record<string, string | string[]>

export interface SignUp {
  /** callId + '_' + openid (+ '_' + slot, but for the slot `s1`): one sign-up per person per slot */
  _id: string
  callId: string
  openid: string
  name: string
  phone: string
  answers: Answers
  status: SignUpStatus
  /** the slot this sign-up holds (core/calls/slots.ts); absent on rows written before calls had several */
  slot?: string
  /**
   * who comes along (同行人): the sign-up is a party of 1 + companions.length people, taking that many seats or
   * queue places, promoted as a whole. Absent = the volunteer alone.
   */
  companions?: Companion[]
  /** 1 + companions.length, kept on the row so the repair's recount can sum it (absent = 1) */
  party?: number
  /**
   * Waitlist order: the database's own time (db.serverDate()) of joining the waitlist, so the order is the order
   * in which joins were written, whichever instance wrote them; ties broken by `_id`.
   */
  waitlistedAt?: Date
  /** set when a waitlisted volunteer was given a seat */
  promotedAt?: number
  /** cancelled after the call's cancelCutoff: the NGO sees it flagged */
  lateDropOut?: boolean
  /** cancelled because the organizer cancelled its session, not by the volunteer */
  sessionCancelled?: boolean
  /** openid of the volunteer whose share card or poster brought this one */
  referrer?: string
  /** how this volunteer arrived (share card, poster, Moments, search, direct); absent = direct */
  source?: SignUpSource
  /**
   * Subscribe-message acceptances by template id, as the volunteer's client reported them (recordSubscriptions),
   * less those used since. WeChat keeps the real count and has no API to read it, so this is our best knowledge.
   */
  subscriptions?: Record<string, number>
  /** the subscribe-sheet taps already counted into `subscriptions` (a retried report counts once) */
  subscriptionRequests?: string[]
  createdAt: number
  updatedAt: number
  cancelledAt?: number
  // Attendance (attendance/contract.ts). A check-in makes the status `attended`; never checked in after the end: `no_show`.
  checkedInAt?: number
  checkedOutAt?: number
  /**
   * Came without signing up, added by an organizer: `_id` is callId + '_walkin_' + phone and `openid` is empty.
   * A walk-in holds no seat: counters and repair leave it out.
   */
  walkIn?: boolean
  /** the hours of this attendance: the NGO rule's rounding of the minutes, or the organizer's edit */
  hours?: number
  /** the organizer's edits of `hours`, oldest first; the first `from` is the rule's value */
  hoursEdits?: HoursEdit[]
  /** only confirmed hours count (the volunteer's record, certificates, exports, the NGO's figures) */
  hoursConfirmedAt?: number
  hoursConfirmedBy?: string
  /** the volunteer deleted their data (privacy/contract.ts): name, phone and answers are gone, the record stays */
  erasedAt?: number
}

export interface HoursEdit {
  from: number
  to: number
  reason: string
  /** the organizer's openid */
  by: string
  at: number
}

/** `notice`: an organizer's message to the call's sign-ups (messages/contract.ts) */
export type MessageKind = 'reminder' | 'promoted' | 'changed' | 'cancelled' | 'notice'

export type MessageStatus = 'pending' | 'sending' | 'sent' | 'skipped' | 'failed'

/** The outbox: written next to the change it reports, sent later by the `remind` timer. */
export interface Message {
  /** deterministic, so writing the same message twice is one message: kind + '_' + signUpId (+ '_' + a version) */
  _id: string
  kind: MessageKind
  openid: string
  callId: string
  signUpId: string
  /** the subscribe-message template, chosen when sending; empty until then */
  templateId: string
  /** what the message says, as template fields are filled from it */
  data: Record<string, string>
  sendAt: number
  status: MessageStatus
  attempts: number
  leaseUntil: number
  lastError: string
  createdAt: number
}

/** `confirmed`: the volunteers holding a seat (checked in or not); `all`: them and the waitlist */
export type NoticeAudience = 'confirmed' | 'all'

/**
 * An organizer's notice to a call's sign-ups (messages/contract.ts). `_id` is callId + '_' + China day + '_' + 1…5: the
 * day's slots, so two organizers sending at once cannot pass the daily limit.
 */
export interface Notice {
  _id: string
  callId: string
  text: string
  audience: NoticeAudience
  /** the organizer's openid */
  author: string
  /** the client's id of the tap that sent it: a retry finds this notice instead of sending another */
  requestId: string
  createdAt: number
}

/**
 * An image sent to WeChat's asynchronous content review (security.mediaCheckAsync); `_id` is its trace_id. The
 * image becomes the document's `field` only when the verdict `pass` arrives, and only if it is still the one
 * waiting there.
 */
export interface MediaReview {
  _id: string
  collection: 'calls' | 'ngos'
  docId: string
  field: 'cover' | 'logo'
  fileID: string
  status: 'pending' | 'pass' | 'risky'
  createdAt: number
}

/**
 * A 志愿服务证明 (certificate.ts, certificates/contract.ts): `_id` is its number. It stores exactly what it prints;
 * `code` is an HMAC of those facts, so a changed fact no longer matches its code. Written once, never updated
 * except to mark it superseded by a newer version (the sign-up's confirmed hours changed).
 */
export interface Certificate {
  _id: string
  signUpId: string
  openid: string
  callId: string
  ngoId: string
  /** 1, 2, … per sign-up */
  version: number
  volunteerName: string
  ngoName: string
  ngoVerified: boolean
  callTitle: string
  /** 「2026年3月12日」 (China time) */
  serviceDate: string
  hours: number
  issuedAt: number
  /** the verification code: 12 characters of CODE_ALPHABET, stored without separators */
  code: string
  /** the number of the version that replaced it */
  supersededBy?: string
  /**
   * A call of several sessions: one certificate per volunteer and call lists each session served (`signUpId` is
   * then callId + '_' + openid + '_sessions', `serviceDate` their span and `hours` their sum). Absent: one event.
   */
  sessions?: CertificateSession[]
}

/** One session served, as a certificate prints it. */
export interface CertificateSession {
  /** the sign-up row of that session */
  signUpId: string
  /** 「2026年3月12日 09:00–12:00 · 植树」 (China time) */
  label: string
  hours: number
}

/** How a volunteer reached the call: a chat share card, a poster's code, Moments, search, or directly. */
export const SIGN_UP_SOURCES = ['share', 'poster', 'moments', 'search', 'direct'] as const

export type SignUpSource = (typeof SIGN_UP_SOURCES)[number]

// How minutes of service become hours. By default (the common practice of Chinese volunteer organizations):
// each full hour counts 1 h, and what is left over counts 0 under 15 minutes, 0.5 h from 15 to under 45 and 1 h
// from 45. An NGO may move the two thresholds; the intervals are half-open, so 45 minutes is already 1 h.

export interface HoursRule {
  /** left-over minutes below this count 0 */
  zeroBelow: number
  /** left-over minutes from `zeroBelow` to below this count 0.5 h; from here, 1 h */
  halfBelow: number
}

/** What a call asks for its 活动意外险, and how many days after its last session the answers are kept. */
export interface CallInsurance {
  idNumber: boolean
  emergencyContact: boolean
  /** 1…180 (default 30) */
  retentionDays: number
}

/** 居民身份证, 港澳居民来往内地通行证, 台湾居民来往大陆通行证, 护照 */
export type IdType = 'mainland' | 'hkmo' | 'taiwan' | 'passport'

/** AES-256-GCM ciphertext (lib/privacy/insurance.ts), base64; `key` names the data key that sealed it. */
export interface Sealed {
  key: string
  iv: string
  tag: string
  data: string
}

/**
 * A volunteer's insurance details for one call (`_id` = callId + '_' + openid: every slot they hold shares it),
 * in their own collection so that rosters never load them. The numbers are sealed; only the masked copy is
 * ever shown, and only the owner's insurance export opens them.
 */
export interface InsuranceDetails {
  _id: string
  callId: string
  ngoId: string
  openid: string
  idType?: IdType
  /** the sealed ID number */
  idNumber?: Sealed
  /** the sealed emergency contact, JSON `{ name, phone }` */
  emergency?: Sealed
  /** each companion's ID, sealed, in the order of the sign-up's companions (its masked copy beside it) */
  companions?: { idType: IdType; idNumber: Sealed; masked: string }[]
  /** what may be shown: 6201**********1234, 王**, 138****8000 */
  masked: { idNumber?: string; emergencyName?: string; emergencyPhone?: string }
  /** the remind timer deletes it after this: the call's last session end + its retention days */
  deleteAfter: number
  createdAt: number
  updatedAt: number
}

/** One download of an insurance list: who, when, which call, how many people. Never holds a number. */
export interface InsuranceExportLog {
  _id: string
  callId: string
  ngoId: string
  /** the owner's openid */
  by: string
  at: number
  rows: number
}

export interface ExportRecord {
  /** the random token in the file's path */
  _id: string
  fileID: string
  kind: 'roster' | 'hours' | 'insurance'
  ngoId: string
  /** a roster's call */
  callId?: string
  createdAt: number
  /** when the `remind` timer deletes it */
  expiresAt: number
}

/**
 * An offline check-in or check-out an organizer's phone recorded and syncCheckIns applied: kept by `_id` (callId +
 * '_' + the phone's record id) so the same record sent again changes nothing. No openid or pass is kept.
 */
export interface OfflineCheckInRecord {
  _id: string
  callId: string
  sessionId: string
  signUpId: string
  mode: 'in' | 'out'
  /** when the phone recorded it */
  at: number
  outcome: 'applied' | 'unchanged' | 'refused'
  syncedAt: number
}
