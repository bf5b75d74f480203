// The one gate every action passes, by construction. An action declares who may call it, its input validator and
// the resource it acts on; the gate validates the input, loads that resource from the very field the action would
// have used, finds the caller's roles toward the resource's NGO, and only then runs the action with a context that
// holds the loaded resource and the input *without* its id fields. An action therefore cannot act on an id the
// gate did not check: it never sees one.
import { type Audience, AUDIENCES, isAllowed, needsNgo, type Role, rolesOf } from '@core/ngos/authorization'
import { type ApiError, type ApiResult, fail } from '@core/shared/errors'
import type { Call, Ngo, NgoOnCall, SignUp } from '@core/model'
import { asInput, notAnObject, type Validation } from '@core/shared/validation'
import { findById } from '@lib/cloud/db'
import { findVisibleCall } from '@lib/calls/visible-call'
import { syncPublicCallFileQuietly } from '@lib/calls/public-call-file'

/** What an action acts on, loaded by the gate from the input field named beside it. */
export interface Resources {
  /** nothing beyond the caller's own data (found by their openid) */
  none: object
  /** `callId` → the call and its NGO, whatever their status (roles decide who may act) */
  call: { call: Call; ngo: Ngo }
  /**
   * `callId` → a call the caller may see (not a draft, not of an unverified NGO, unless they organize it), with
   * its NGO as the call shows it. For everyone and signed-in volunteers: no roles toward the NGO are worked out.
   */
  visibleCall: { call: Call; ngo: NgoOnCall }
  /** `ngoId` → the NGO */
  ngo: { ngo: Ngo }
  /** `callId` when given (the call and its NGO), else `ngoId` (the NGO): the call editor saves both ways */
  callOrNgo: { call?: Call; ngo: Ngo }
  /** `signUpId` → one of the caller's own sign-ups, with its call and NGO */
  mySignUp: { signUp: SignUp; call: Call; ngo: Ngo }
}
export type ResourceKind = keyof Resources

/** The input fields each resource is loaded from: the gate reads them, the action never gets them. */
interface IdFieldsOf {
  none: never
  call: 'callId'
  visibleCall: 'callId'
  ngo: 'ngoId'
  callOrNgo: 'callId' | 'ngoId'
  mySignUp: 'signUpId'
}
interface Needs {
  none: object
  call: { callId: string }
  visibleCall: { callId: string }
  ngo: { ngoId: string }
  callOrNgo: { callId?: string; ngoId?: string }
  mySignUp: { signUpId: string }
}
const ID_FIELDS: { [R in ResourceKind]: readonly IdFieldsOf[R][] } = {
  none: [],
  call: ['callId'],
  visibleCall: ['callId'],
  ngo: ['ngoId'],
  callOrNgo: ['callId', 'ngoId'],
  mySignUp: ['signUpId'],
}

export type Context<I, R extends ResourceKind, W extends Audience> = {
  /** from WeChat's context only */
  openid: W extends 'everyone' ? string | undefined : string
  input: Omit<I, IdFieldsOf[R]>
  now: number
  /** the caller's roles toward the resource's NGO */
  roles: ReadonlySet<Role>
} & Resources[R]

export interface ActionDefinition<I, R extends ResourceKind, W extends Audience, Res> {
  who: W
  resource: R
  validate: (input: unknown) => Validation<I>
  run: (ctx: Context<I, R, W>) => Promise<ApiResult<Res>>
  /**
   * A read-only page of a visible call, which may show it a few seconds stale: the gate takes a public call from
   * the instance's short-lived copy (lib/calls/public-call-cache.ts) instead of the database.
   */
  staleCallOk?: true
  /**
   * The action may change what the call's public page shows (lib/calls/public-call-file.ts): after it succeeds, the
   * gate writes the call's public file afresh (two reads and an upload). Sign-ups do not: their places left are
   * refreshed by getCall's own reads.
   */
  changesPublicCall?: true
}

/** Declares an action. Organizer-only audiences must name a call or an NGO: their roles hold toward its NGO. */
export function defineAction<
  I extends Needs[R],
  R extends Exclude<
    ResourceKind,
    W extends 'organizers' | 'owner' ? 'none' | 'visibleCall' | 'mySignUp' : never
  >,
  W extends Audience,
  Res,
>(definition: ActionDefinition<I, R, W, Res>): ActionDefinition<I, R, W, Res> {
  if (needsNgo(definition.who) && !['call', 'ngo', 'callOrNgo'].includes(definition.resource))
    throw new Error(`an action for ${definition.who} must act on a call or an NGO`)
  return definition
}

/**
 * Any action, as the dispatcher holds it: its input and resource types are its definition's own business (`run`
 * in method form, so every definition fits; the gate builds the context its `resource` and `validate` promise).
 */
export interface AnyAction<Res = unknown> {
  who: Audience
  resource: ResourceKind
  validate(input: unknown): Validation<unknown>
  run(ctx: Context<unknown, ResourceKind, Audience>): Promise<ApiResult<Res>>
  staleCallOk?: true
  changesPublicCall?: true
}

/** Runs one request through the gate, then the action. */
export async function pass<Res>(
  action: AnyAction<Res>,
  event: unknown,
  openid: string | undefined,
  now: number,
): Promise<ApiResult<Res>> {
  if (openid === undefined && !isAllowed(action.who, rolesOf(undefined, null, false)))
    return fail('UNAUTHENTICATED')
  const input = action.validate(event)
  if (!input.ok) return fail('INVALID_INPUT', undefined, input.fields)
  // a page that asked for the call as stored now (the organizer's editor) is not given the copy
  const fresh = (input.value as { fresh?: boolean }).fresh === true
  const pageAt = action.staleCallOk && !fresh ? now : undefined
  const loaded = await load(action.resource, input.value as Record<string, unknown>, openid, pageAt)
  if ('code' in loaded) return loaded
  const platformAdmin =
    openid !== undefined &&
    (AUDIENCES[action.who] as readonly Role[]).includes('platformAdmin') &&
    (await isPlatformAdmin(openid))
  // Roles hold toward an NGO document; a visible call's NGO as the call shows it names no organizers.
  const ngo = loaded.ngo && 'admins' in loaded.ngo ? loaded.ngo : null
  const roles = rolesOf(openid, ngo, platformAdmin)
  if (!isAllowed(action.who, roles)) return fail('FORBIDDEN')
  // The one place the types are taken on trust: `validate` produced the input, `load` the resource it names.
  const context = { openid, input: withoutIds(input.value, action.resource), now, roles, ...loaded }
  const result = await action.run(context as Context<unknown, ResourceKind, Audience>)
  // One place for every organizer's change of a call's page. Only after success: a refused action changed nothing
  // (one that throws half-way is sent again, and its success syncs). A file not written does not fail the action.
  if (action.changesPublicCall && result.ok && loaded.call)
    await syncPublicCallFileQuietly(loaded.call._id, now)
  return result
}

async function load(
  kind: ResourceKind,
  input: Record<string, unknown>,
  openid: string | undefined,
  pageAt: number | undefined,
): Promise<{ call?: Call; signUp?: SignUp; ngo?: Ngo | NgoOnCall } | ApiError> {
  switch (kind) {
    case 'none':
      return {}
    case 'call':
      return callAndNgo(input.callId as string)
    case 'visibleCall':
      return (await findVisibleCall(input.callId as string, openid, pageAt)) ?? fail('NOT_FOUND')
    case 'ngo':
      return ngoById(input.ngoId as string)
    case 'callOrNgo':
      return typeof input.callId === 'string' ? callAndNgo(input.callId) : ngoById(input.ngoId as string)
    case 'mySignUp': {
      const signUp = await findById('signups', input.signUpId as string)
      // Someone else's sign-up answers as if it did not exist; an erased one names nobody any more.
      if (!signUp || signUp.openid !== openid || signUp.erasedAt !== undefined)
        return fail('NOT_FOUND', '没有找到这次志愿服务记录')
      const found = await callAndNgo(signUp.callId)
      return 'code' in found ? fail('NOT_FOUND', '没有找到这次志愿服务记录') : { signUp, ...found }
    }
  }
}

async function callAndNgo(callId: string): Promise<{ call: Call; ngo: Ngo } | ApiError> {
  const call = await findById('calls', callId)
  const ngo = call && (await findById('ngos', call.ngoId))
  return call && ngo ? { call, ngo } : fail('NOT_FOUND')
}

async function ngoById(ngoId: string): Promise<{ ngo: Ngo } | ApiError> {
  const ngo = await findById('ngos', ngoId)
  return ngo ? { ngo } : fail('NOT_FOUND', '机构不存在')
}

function withoutIds(value: unknown, kind: ResourceKind): Record<string, unknown> {
  const rest = { ...(value as Record<string, unknown>) }
  for (const field of ID_FIELDS[kind]) delete rest[field]
  return rest
}

export async function isPlatformAdmin(openid: string): Promise<boolean> {
  const user = await findById('users', openid)
  return user?.roles.includes('admin') ?? false
}

/** For actions that take no parameters (identity comes from WeChat): any object will do. */
export function noInput(input: unknown): Validation<object> {
  return asInput(input) ? { ok: true, value: {} } : notAnObject()
}
