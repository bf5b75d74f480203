// Who may act: the roles, how a caller's roles toward an NGO are found, and the audiences an action declares
// (`who` in its definition under cloudfunctions/api/actions). Roles are relative to the NGO of the very resource
// the action touches, loaded by the api function's gate. Everyone signed in is a volunteer; an organizer of
// another NGO is, toward this NGO, just a volunteer.
import type { Ngo } from '@core/model'

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

/** The audiences an action can declare, each a set of roles any one of which may call it. */
export const AUDIENCES = {
  everyone: ['anonymous', 'volunteer'],
  signedIn: ['volunteer'],
  /** the admins of the NGO of the action's resource */
  organizers: ['owner', 'coOrganizer'],
  owner: ['owner'],
  platform: ['platformAdmin'],
} as const satisfies Record<string, readonly Role[]>

export type Audience = keyof typeof AUDIENCES

/** Audiences that only hold toward a particular NGO: their actions must name a call or an NGO to act on. */
export function needsNgo(audience: Audience): boolean {
  return audience === 'organizers' || audience === 'owner'
}

/** The caller's roles toward `ngo` (null: the action touches no NGO). */
export function rolesOf(openid: string | undefined, ngo: Ngo | null, platformAdmin: boolean): Set<Role> {
  if (openid === undefined) return new Set(['anonymous'])
  const roles = new Set<Role>(['volunteer'])
  if (ngo && ngo.admins.includes(openid)) roles.add(ngo.admins[0] === openid ? 'owner' : 'coOrganizer')
  if (platformAdmin) roles.add('platformAdmin')
  return roles
}

export function isAllowed(audience: Audience, roles: ReadonlySet<Role>): boolean {
  return AUDIENCES[audience].some((role: Role) => roles.has(role))
}

/** Whether the caller is one of the NGO's own organizers (who see its full roster, for instance). */
export function isOrganizer(roles: ReadonlySet<Role>): boolean {
  return roles.has('owner') || roles.has('coOrganizer')
}
