// The privacy actions of the `api` function (their part of ApiContract): a volunteer deletes their data
//. What an erased sign-up keeps and shows: privacy.ts.

/**
 * Deletes the caller's personal data. `confirm` must be exactly 「删除」 (the client asks the person to confirm
 * first); anything else is INVALID_INPUT and nothing changes. An organizer of an NGO is refused with
 * ORGANIZER_CANNOT_DELETE (the NGO must remove them first), nothing changed.
 *
 * What happens, each step safe to run again (a retry after a crash half-way finishes the job):
 * - bookings on calls not yet started (seats and waitlist places) are given back as cancelSignUp does: the seat
 *   goes to the head of the waitlist;
 * - every sign-up keeps its status, times, attendance and hours (the NGO's records and figures stay true) but
 *   loses the name (→ 「已注销志愿者」), phone, written answers and subscriptions, and is marked `erasedAt`;
 * - their insurance details (ID numbers, emergency contacts: insurance.ts) are deleted at once;
 * - their certificates are deleted with their stored pictures: 证书查验 answers `unknown` for their codes;
 * - their outbox messages not yet sent are removed, sent ones keep no text; their referrer code, share
 *   activities and `users` document (unless a platform admin: then only the nickname) are removed.
 * The erased sign-ups no longer appear in the caller's own lists (mySignUps, myHours, myCertificates).
 */
export interface DeleteMyDataRequest {
  confirm: string
}

export interface DeleteMyDataResponse {
  /** bookings given back by this request */
  cancelled: number
  /** sign-ups erased by this request (0 when everything was erased before) */
  erased: number
}

/**
 * The insurance list of a call (投保名单), for its NGO's owner only (FORBIDDEN to co-organizers): one row per
 * volunteer holding a seat, with the full ID number and emergency contact, the only place they are ever shown.
 * A private export like the roster (gone after a day), and each download is logged (who, when, call, rows).
 */
export interface ExportInsuranceListRequest {
  callId: string
}

export interface ExportInsuranceListResponse {
  /** the .xlsx in cloud storage */
  fileID: string
  /** a temporary download URL */
  url: string
  fileName: string
  rows: number
}

export interface PrivacyContract {
  deleteMyData: { req: DeleteMyDataRequest; res: DeleteMyDataResponse }
  exportInsuranceList: { req: ExportInsuranceListRequest; res: ExportInsuranceListResponse }
}
