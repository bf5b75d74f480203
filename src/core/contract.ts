// The API contract of the `api` cloud function: action → request and response, one part per feature. The client
// (src/services) and the function (cloudfunctions/api) both type against it; a new action is a line in its
// feature's contract and a file under cloudfunctions/api/actions/<feature>/.
import type { AttendanceContract } from './attendance/contract'
import type { CallsContract } from './calls/contract'
import type { CertificateContract } from './certificates/contract'
import type { NoticeContract, ReminderContract } from './messages/contract'
import type { NgoContract } from './ngos/contract'
import type { PrivacyContract } from './privacy/contract'
import type { ShareContract } from './sharing/contract'

export interface ApiContract
  extends
    CallsContract,
    AttendanceContract,
    NgoContract,
    ReminderContract,
    ShareContract,
    CertificateContract,
    PrivacyContract,
    NoticeContract {}

export type Action = keyof ApiContract

/** The event a client sends to the `api` function. */
export type ApiEvent<A extends Action = Action> = { action: A } & ApiContract[A]['req']
