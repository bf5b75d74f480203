// The organizer's edits of a published call's sessions and slots: add sessions, a slot's places, move or cancel one
// session. Each answers the call as it now is, with how many volunteers were told and how many moved up.
import type { Action, ApiContract } from '@core/contract'
import type { CancelSessionRequest, SessionEditResponse, UpdateSessionRequest } from '@core/calls/contract'
import type { ApiResult } from '@core/shared/errors'
import { callApi } from '@services/cloud/api'

type Req<A extends Action> = ApiContract[A]['req']

export const addSessions = (req: Req<'addSessions'>) => callApi('addSessions', req)
export const setSlotCapacity = (req: Req<'setSlotCapacity'>) => callApi('setSlotCapacity', req)

/**
 * updateSession and cancelSession have their requests in core/calls/contract.ts but not yet their lines in
 * CallsContract (their functions are being written): until they land, they are sent through callApi by name.
 */
interface PendingActions {
  updateSession: { req: UpdateSessionRequest; res: SessionEditResponse }
  cancelSession: { req: CancelSessionRequest; res: SessionEditResponse }
}
const callPending = callApi as unknown as <A extends keyof PendingActions>(
  action: A,
  req: PendingActions[A]['req'],
) => Promise<ApiResult<PendingActions[A]['res']>>

export const updateSession = (req: UpdateSessionRequest) => callPending('updateSession', req)
export const cancelSession = (req: CancelSessionRequest) => callPending('cancelSession', req)
