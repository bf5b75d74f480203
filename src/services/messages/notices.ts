// Organizers' notices to a call's sign-ups through the `api` function (contract: src/core/messages/notice-contract.ts).
import type { CallNoticesRequest, NotifyVolunteersRequest } from '@core/messages/contract'
import { callApi } from '@services/cloud/api'

export const notifyVolunteers = (req: NotifyVolunteersRequest) => callApi('notifyVolunteers', req)
export const callNotices = (req: CallNoticesRequest) => callApi('callNotices', req)
