// The typed client of the `api` cloud function: one function per action, all through `callApi`, which never
// throws: a network failure or a malformed reply becomes an INTERNAL error the page can show. When WeChat Cloud is
// past its quota (the function answers BUSY, or the cloud refuses the call with -501003 / -501004), an action that
// is safe to send again waits and is sent again, and the page hears that it is queued.
import type { Action, ApiContract, ApiEvent } from '@core/contract'
import { type ApiResult, fail } from '@core/shared/errors'
import { transport } from './transport'

const NETWORK_ERROR = '网络异常，请检查网络后重试'

type Req<A extends Action> = ApiContract[A]['req']
type Res<A extends Action> = ApiContract[A]['res']

/** Reads, and the sign-up and its cancel (one row per person and call, so a second send changes nothing). */
const SAFE_TO_SEND_AGAIN: ReadonlySet<Action> = new Set<Action>([
  'listCalls',
  'getCall',
  'signUp',
  'cancelSignUp',
  'mySignUps',
])
/** waits before each new send while the cloud is busy, doubling to 8 s (each jittered down to half) */
const BUSY_WAITS_MS = [1_000, 2_000, 4_000, 8_000]
/**
 * How long an action keeps its turn while the cloud is busy: a sign-up on a call everyone is joining waits in the
 * queue for up to ten minutes (the page says so) rather than fail; the rest give up after about 40 s.
 */
const QUEUE_FOR_MS: Partial<Record<Action, number>> = { signUp: 10 * 60_000 }
const DEFAULT_QUEUE_MS = 40_000

/** The wait before sending `action` again after its `attempt`-th busy answer, `elapsedMs` after the first send;
 * null: stop and answer BUSY. */
export function busyWait(action: Action, attempt: number, elapsedMs: number): number | null {
  if (!SAFE_TO_SEND_AGAIN.has(action)) return null
  const jittered = calmWait(attempt)
  return elapsedMs + jittered > (QUEUE_FOR_MS[action] ?? DEFAULT_QUEUE_MS) ? null : jittered
}

/**
 * How long the call's page keeps asking for the visitor's own part when the cloud sent the call without it
 * (`mineUnknown`): as long as a sign-up keeps its turn, then it offers to try again.
 */
const MINE_LATER_FOR_MS = 10 * 60_000

/** The wait before the call's page asks again for the visitor's own part, the `attempt`-th time; null: stop. */
export function mineLaterWait(attempt: number, elapsedMs: number): number | null {
  const jittered = calmWait(attempt)
  return elapsedMs + jittered > MINE_LATER_FOR_MS ? null : jittered
}

/** The busy waits, doubling, each jittered down to half: many phones refused at once spread out. */
function calmWait(attempt: number): number {
  const wait = BUSY_WAITS_MS[Math.min(attempt, BUSY_WAITS_MS.length - 1)]
  return wait / 2 + (Math.random() * wait) / 2
}

export interface CallOptions {
  /** called when the cloud is busy and the action waits to be sent again (「正在为你排队…」) */
  onQueued?: () => void
  /** the reply to this very request, sent already (before the app's code had arrived): taken as the first send's */
  sent?: Promise<unknown>
}

export async function callApi<A extends Action>(
  action: A,
  req: Req<A>,
  options: CallOptions = {},
): Promise<ApiResult<Res<A>>> {
  const event = { ...req, action } as ApiEvent<A>
  const startedAt = Date.now()
  for (let attempt = 0; ; attempt++) {
    let reply: unknown
    let thrown = false
    try {
      reply = await (attempt === 0 && options.sent ? options.sent : transport(event))
    } catch (err) {
      reply = err
      thrown = true
    }
    const busy = isBusy(reply)
    const wait = busy ? busyWait(action, attempt, Date.now() - startedAt) : null
    if (wait !== null) {
      options.onQueued?.()
      await new Promise((done) => setTimeout(done, wait))
      continue
    }
    if (isApiResult(reply)) return reply as ApiResult<Res<A>>
    if (busy) return fail('BUSY')
    return thrown ? fail('INTERNAL', NETWORK_ERROR) : fail('INTERNAL')
  }
}

/** Whether a reply is the network failing (no signal), not the function answering: the offline screens take over. */
export function isNetworkFailure(result: ApiResult<unknown>): boolean {
  return !result.ok && result.code === 'INTERNAL' && result.message === NETWORK_ERROR
}

/** WeChat Cloud's own refusals past the quota: requests per second (-501003), at once (-501004). */
const QUOTA_ERRCODES = new Set([-501003, -501004])

function isCloudError(reply: unknown): reply is { errCode: number } {
  return typeof (reply as { errCode?: unknown } | null)?.errCode === 'number'
}

function isBusy(reply: unknown): boolean {
  if (isCloudError(reply)) return QUOTA_ERRCODES.has(reply.errCode)
  return isApiResult(reply) && (reply as { code?: unknown }).code === 'BUSY'
}

function isApiResult(reply: unknown): boolean {
  if (typeof reply !== 'object' || reply === null) return false
  const { ok } = reply as { ok?: unknown }
  return ok === true
    ? 'data' in reply
    : ok === false && typeof (reply as { code?: unknown }).code === 'string'
}

export const listCalls = (req: Req<'listCalls'>, options?: CallOptions) => callApi('listCalls', req, options)
export const getCall = (req: Req<'getCall'>) => callApi('getCall', req)
export const signUp = (req: Req<'signUp'>, options?: CallOptions) => callApi('signUp', req, options)
export const cancelSignUp = (req: Req<'cancelSignUp'>) => callApi('cancelSignUp', req)
export const mySignUps = () => callApi('mySignUps', {})
export const getPhoneNumber = (req: Req<'getPhoneNumber'>) => callApi('getPhoneNumber', req)

// the organizer's actions, for the NGO console
export const closeCall = (req: Req<'closeCall'>) => callApi('closeCall', req)
export const cancelCall = (req: Req<'cancelCall'>) => callApi('cancelCall', req)
export const updateCall = (req: Req<'updateCall'>) => callApi('updateCall', req)

// sharing: share cards, live group cards, who recruited whom
export const prepareShare = (req: Req<'prepareShare'>) => callApi('prepareShare', req)
export const callShareStats = (req: Req<'callShareStats'>) => callApi('callShareStats', req)
export const myRecruits = () => callApi('myRecruits', {})
