// The typed client of the NGO side's actions (contract: src/core/ngos/contract.ts), through the same `callApi`.
import type { Action, ApiContract } from '@core/contract'
import { callApi } from '@services/cloud/api'

type Req<A extends Action> = ApiContract[A]['req']

export const registerNgo = (req: Req<'registerNgo'>) => callApi('registerNgo', req)
export const myNgo = () => callApi('myNgo', {})
export const pendingNgos = () => callApi('pendingNgos', {})
export const verifyNgo = (req: Req<'verifyNgo'>) => callApi('verifyNgo', req)
export const rejectNgo = (req: Req<'rejectNgo'>) => callApi('rejectNgo', req)
export const saveCall = (req: Req<'saveCall'>) => callApi('saveCall', req)
export const publishCall = (req: Req<'publishCall'>) => callApi('publishCall', req)
export const roster = (req: Req<'roster'>) => callApi('roster', req)
export const exportRoster = (req: Req<'exportRoster'>) => callApi('exportRoster', req)
export const createInvite = (req: Req<'createInvite'>) => callApi('createInvite', req)
export const joinNgo = (req: Req<'joinNgo'>) => callApi('joinNgo', req)
export const removeOrganizer = (req: Req<'removeOrganizer'>) => callApi('removeOrganizer', req)
export const listNgos = (req: Req<'listNgos'>) => callApi('listNgos', req)
export const getNgo = (req: Req<'getNgo'>) => callApi('getNgo', req)
