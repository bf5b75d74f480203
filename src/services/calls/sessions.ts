// The organizer's edits of a published call's sessions, slots and roles: add sessions, a slot's places, move or cancel one
// session. Each answers the call as it now is, with how many volunteers were told and how many moved up.
import type { Action, ApiContract } from '@core/contract'
import { callApi } from '@services/cloud/api'

type Req<A extends Action> = ApiContract[A]['req']

export const addSessions = (req: Req<'addSessions'>) => callApi('addSessions', req)
export const setSlotCapacity = (req: Req<'setSlotCapacity'>) => callApi('setSlotCapacity', req)
export const updateSession = (req: Req<'updateSession'>) => callApi('updateSession', req)
export const cancelSession = (req: Req<'cancelSession'>) => callApi('cancelSession', req)
export const saveRole = (req: Req<'saveRole'>) => callApi('saveRole', req)
