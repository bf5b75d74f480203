// Organizers' notices to a call's sign-ups through the `api` function (contract: src/core/notice-api.ts).
import type { CallNoticesRequest, NotifyVolunteersRequest } from '@core/notice-api'
import { callApi } from './api'

export const notifyVolunteers = (req: NotifyVolunteersRequest) => callApi('notifyVolunteers', req)
export const callNotices = (req: CallNoticesRequest) => callApi('callNotices', req)
