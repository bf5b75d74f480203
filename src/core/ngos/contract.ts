// The NGOs part of the API contract (src/core/contract.ts): registration and its review, the NGO console and its
// co-organizers, and the public NGO directory. A call's own organizer actions are in calls/contract.ts.
import type { CallCard } from '@core/calls/contract'
import type { NgoStatus } from '@core/model'

/** An NGO as anyone may see it. */
export interface NgoCard {
  _id: string
  name: string
  /** 「省·市」, or one name for a municipality (北京) */
  city: string
  causes: string[]
  intro: string
  logo: string
  verified: boolean
}

/** The NGO as its own organizers see it in the console. */
export interface NgoConsole extends NgoCard {
  status: NgoStatus
  rejectReason?: string
  contactName: string
  contactPhone: string
  certificate: string
  /** the caller registered it: may invite and remove co-organizers */
  isOwner: boolean
  organizers: number
  team: Organizer[]
}

/** One of an NGO's organizers, as its console lists them (no openid leaves the server). */
export interface Organizer {
  /** names this organizer in removeOrganizer */
  key: string
  name: string
  owner: boolean
  me: boolean
}

/** A registration as a platform admin reviews it. */
export interface NgoReview extends NgoCard {
  status: NgoStatus
  contactName: string
  contactPhone: string
  certificate: string
  /** '' when not given; a given code has passed its check digit */
  creditCode: string
  createdAt: number
}

export interface RegisterNgoRequest {
  name: string
  province: string
  /** the city in the province; for a municipality the same as the province */
  city: string
  causes: string[]
  intro: string
  /** cloud fileID of the uploaded logo */
  logo?: string
  contactName: string
  contactPhone: string
  /** cloud fileID of the registration certificate image */
  certificate?: string
  /** 统一社会信用代码 from the 登记证书 (absent: a grassroots group that is not registered) */
  creditCode?: string
}

/**
 * A new NGO, `pending` until a platform admin verifies it; the caller is its owner. A rejected registration is
 * corrected and sent again by the same action. Errors: ALREADY_ORGANIZER (the caller already manages a pending or
 * verified NGO), CONTENT_RISKY (with `fields`), INVALID_INPUT.
 */
export interface RegisterNgoResponse {
  ngo: NgoConsole
}

export interface MyNgoResponse {
  /** null: the caller manages no NGO */
  ngo: NgoConsole | null
  /** all of its calls, drafts included, newest first */
  calls: CallCard[]
  /** the caller reviews registrations (the 平台管理 entry) */
  platformAdmin: boolean
}

export interface PendingNgosResponse {
  items: NgoReview[]
}

export interface ReviewNgoRequest {
  ngoId: string
}

export interface RejectNgoRequest {
  ngoId: string
  /** told to the NGO */
  reason: string
}

export interface ReviewNgoResponse {
  ngo: NgoReview
}

/** The owner's invitation for co-organizers: a new code replaces the previous one. */
export interface CreateInviteRequest {
  ngoId: string
}

export interface CreateInviteResponse {
  code: string
  /** the page a share card opens */
  path: string
}

/** Errors: INVITE_INVALID (unknown or replaced code), ALREADY_ORGANIZER (of another NGO). */
export interface JoinNgoRequest {
  code: string
  /** how the others will see the new organizer */
  name: string
}

export interface RemoveOrganizerRequest {
  ngoId: string
  /** an `Organizer.key`; the owner cannot be removed */
  key: string
}

export interface TeamResponse {
  ngo: NgoConsole
}

export interface NgoContract extends DirectoryContract {
  registerNgo: { req: RegisterNgoRequest; res: RegisterNgoResponse }
  myNgo: { req: Record<string, never>; res: MyNgoResponse }
  pendingNgos: { req: Record<string, never>; res: PendingNgosResponse }
  verifyNgo: { req: ReviewNgoRequest; res: ReviewNgoResponse }
  rejectNgo: { req: RejectNgoRequest; res: ReviewNgoResponse }
  createInvite: { req: CreateInviteRequest; res: CreateInviteResponse }
  joinNgo: { req: JoinNgoRequest; res: TeamResponse }
  removeOrganizer: { req: RemoveOrganizerRequest; res: TeamResponse }
}

export interface ListNgosRequest {
  /** one of PROVINCES */
  province?: string
  /** one of CAUSES */
  cause?: string
  /** opaque, from the previous page's nextCursor */
  cursor?: string
}

/** An NGO in the directory: on the map where its latest call with a map point took place. */
export interface DirectoryNgo extends NgoCard {
  openCalls: number
  location?: { lat: number; lng: number }
}

export interface ListNgosResponse {
  /** verified NGOs only, by name */
  items: DirectoryNgo[]
  /** null on the last page */
  nextCursor: string | null
}

export interface GetNgoRequest {
  ngoId: string
}

/** What an NGO has done, in numbers anyone can check against its calls. */
export interface NgoFigures {
  /** calls that took place (ended, not cancelled) */
  callsHeld: number
  /**
   * people who served on those calls with hours the NGO confirmed: each volunteer once however many calls (a
   * walk-in by phone); seats taken by people who never came, or whose hours await confirmation, do not count
   */
  volunteers: number
  /** the sum of those confirmed hours */
  hours: number
}

export interface NgoProfile {
  ngo: NgoCard
  openCalls: CallCard[]
  pastCalls: CallCard[]
  figures: NgoFigures
}

export interface DirectoryContract {
  listNgos: { req: ListNgosRequest; res: ListNgosResponse }
  getNgo: { req: GetNgoRequest; res: NgoProfile }
}
