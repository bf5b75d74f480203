// The typed client of the `api` cloud function: one function per action, all through `callApi`, which never
// throws: a network failure or a malformed reply becomes an INTERNAL error the page can show.
import type { Action, ApiContract, ApiEvent } from '@core/contract'
import { type ApiResult, fail } from '@core/shared/errors'
import { transport } from './transport'

const NETWORK_ERROR = '网络异常，请检查网络后重试'

type Req<A extends Action> = ApiContract[A]['req']
type Res<A extends Action> = ApiContract[A]['res']

export async function callApi<A extends Action>(action: A, req: Req<A>): Promise<ApiResult<Res<A>>> {
  const event = { ...req, action } as ApiEvent<A>
  let reply: unknown
  try {
    reply = await transport(event)
  } catch {
    return fail('INTERNAL', NETWORK_ERROR)
  }
  return isApiResult(reply) ? (reply as ApiResult<Res<A>>) : fail('INTERNAL')
}

function isApiResult(reply: unknown): boolean {
  if (typeof reply !== 'object' || reply === null) return false
  const { ok } = reply as { ok?: unknown }
  return ok === true
    ? 'data' in reply
    : ok === false && typeof (reply as { code?: unknown }).code === 'string'
}

export const listCalls = (req: Req<'listCalls'>) => callApi('listCalls', req)
export const getCall = (req: Req<'getCall'>) => callApi('getCall', req)
export const signUp = (req: Req<'signUp'>) => callApi('signUp', req)
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
