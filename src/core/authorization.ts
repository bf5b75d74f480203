// Who may call which action of the `api` function: one table, checked by the dispatcher before any action runs.
// Roles are relative to the NGO a request is about (the NGO of its `callId`, or its `ngoId`). Everyone signed in
// is a volunteer; an organizer of another NGO is, toward this NGO, just a volunteer, so the table never lists it.
import type { Action } from './api'
import type { Ngo } from './types'

export type Role =
  /** no openid: a timeline share opened in single-page mode */
  | 'anonymous'
  /** anyone signed in */
  | 'volunteer'
  /** the NGO's first admin: registered it, invites and removes co-organizers */
  | 'owner'
  /** any other admin of the NGO */
  | 'coOrganizer'
  /** listed in `users` with the `admin` role: reviews registrations */
  | 'platformAdmin'

const EVERYONE: readonly Role[] = ['anonymous', 'volunteer']
const SIGNED_IN: readonly Role[] = ['volunteer']
const ORGANIZERS: readonly Role[] = ['owner', 'coOrganizer']
const OWNER: readonly Role[] = ['owner']
const PLATFORM: readonly Role[] = ['platformAdmin']

export const PERMISSIONS: { readonly [A in Action]: readonly Role[] } = {
  listCalls: EVERYONE,
  getCall: EVERYONE,
  signUp: SIGNED_IN,
  cancelSignUp: SIGNED_IN,
  mySignUps: SIGNED_IN,
  getPhoneNumber: SIGNED_IN,
  closeCall: ORGANIZERS,
  cancelCall: ORGANIZERS,
  updateCall: ORGANIZERS,
  subscribeTemplates: EVERYONE,
  recordSubscriptions: SIGNED_IN,
  // the NGO side
  registerNgo: SIGNED_IN,
  myNgo: SIGNED_IN,
  pendingNgos: PLATFORM,
  verifyNgo: PLATFORM,
  rejectNgo: PLATFORM,
  saveCall: ORGANIZERS,
  publishCall: ORGANIZERS,
  roster: ORGANIZERS,
  exportRoster: ORGANIZERS,
  createInvite: OWNER,
  joinNgo: SIGNED_IN,
  removeOrganizer: OWNER,
  listNgos: EVERYONE,
  getNgo: EVERYONE,
  // sharing
  prepareShare: SIGNED_IN,
  callShareStats: ORGANIZERS,
  myRecruits: SIGNED_IN,
  // attendance: the organizers run check-in and certify hours; volunteers scan and see their own record
  checkInCode: ORGANIZERS,
  checkIn: SIGNED_IN,
  personalCode: SIGNED_IN,
  markAttendance: ORGANIZERS,
  addWalkIn: ORGANIZERS,
  checkOutAll: ORGANIZERS,
  editHours: ORGANIZERS,
  confirmHours: ORGANIZERS,
  markNoShows: ORGANIZERS,
  attendance: ORGANIZERS,
  setHoursRule: ORGANIZERS,
  myHours: SIGNED_IN,
  exportHours: ORGANIZERS,
  // certificates: the volunteer's own; 证书查验 is for anyone holding a paper
  issueCertificate: SIGNED_IN,
  myCertificates: SIGNED_IN,
  verifyCertificate: EVERYONE,
  // privacy: a volunteer deletes their own data
  deleteMyData: SIGNED_IN,
  // notices: the organizers send them; reading also needs a sign-up, which the table cannot express (roles are
  // toward the NGO, not a call), so callNotices checks the caller's sign-up itself
  notifyVolunteers: ORGANIZERS,
  callNotices: SIGNED_IN,
}

/** Roles that only hold toward a particular NGO: checking them needs the NGO the request is about. */
export const NGO_ROLES: readonly Role[] = ['owner', 'coOrganizer']

/** The caller's roles toward `ngo` (null: the request names no NGO). */
export function rolesOf(openid: string | undefined, ngo: Ngo | null, platformAdmin: boolean): Set<Role> {
  if (openid === undefined) return new Set(['anonymous'])
  const roles = new Set<Role>(['volunteer'])
  if (ngo && ngo.admins.includes(openid)) roles.add(ngo.admins[0] === openid ? 'owner' : 'coOrganizer')
  if (platformAdmin) roles.add('platformAdmin')
  return roles
}

export function isAllowed(action: Action, roles: ReadonlySet<Role>): boolean {
  return PERMISSIONS[action].some((role) => roles.has(role))
}

/** Whether the action can be allowed by someone's standing toward an NGO (then the dispatcher looks it up). */
export function needsNgo(action: Action): boolean {
  return PERMISSIONS[action].some((role) => NGO_ROLES.includes(role))
}

/** Whether the action can be allowed by the platform admin role (then the dispatcher looks up the caller). */
export function needsPlatformRole(action: Action): boolean {
  return PERMISSIONS[action].includes('platformAdmin')
}
