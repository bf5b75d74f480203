// The certificate actions of the `api` function (their part of ApiContract): a volunteer's 志愿服务证明 for hours
// the NGO confirmed, and 证书查验, which anyone may use. The image itself comes from the `poster` function
// (CertificateImageRequest below). What a certificate states and how its codes look: certificate.ts.

/** A certificate as the volunteer's page and the verification result show it. */
export interface CertificateView {
  /** 「JS2026-7KQ4-M9XC」: the document's id; each version of a sign-up's certificate has its own */
  certificateNo: string
  /** 「7KQ4-M9XC-2HDW」: the verification code printed on it (and encoded in its QR) */
  code: string
  volunteerName: string
  ngoName: string
  ngoVerified: boolean
  callTitle: string
  /** the day of service in China time, 「2026年3月12日」 */
  serviceDate: string
  hours: number
  /** epoch ms; printed as the issue date */
  issuedAt: number
  /** 1 for the first certificate of a sign-up; a new version when its confirmed hours changed */
  version: number
  /**
   * A call of several sessions: each session served (「2026年3月12日 09:00–12:00 · 植树」, its hours); `hours` is
   * then their sum and `serviceDate` their span. The verification code covers every line.
   */
  sessions?: { label: string; hours: number }[]
}

/**
 * The certificate of one of the caller's own sign-ups with confirmed hours (`hoursConfirmedAt` set, `hours` > 0).
 * Idempotent: asking again returns the same certificate (same number, same code). If the NGO later changes the
 * hours and confirms them again, the next request issues version 2 under a new number and the earlier one is
 * marked superseded (its verification then says so). Errors: NOT_FOUND (no such sign-up, or not the caller's),
 * HOURS_NOT_CONFIRMED, INVALID_INPUT, UNAUTHENTICATED.
 */
export interface IssueCertificateRequest {
  signUpId: string
}

export interface IssueCertificateResponse {
  certificate: CertificateView
}

/**
 * 证书查验, open to anyone (also an anonymous visitor). `code` is what is printed on the paper or scanned from its
 * QR; separators, spaces and case do not matter. `hours`, optional, is the figure printed on the paper: a
 * different figure is `altered`. Requests per caller are limited (TOO_MANY_REQUESTS) so codes cannot be guessed.
 */
export interface VerifyCertificateRequest {
  code: string
  hours?: number
}

/**
 * - `genuine`: issued by us, the stored facts are intact, and the NGO's record still says the same hours.
 * - `superseded`: it was genuine, but the NGO's record has changed since (hours edited; see `current` for the
 *   newer certificate, if one was issued).
 * - `altered`: the paper's hours differ from what was issued (`certificate` shows what was), or the stored record
 *   no longer matches its code (then no `certificate`: nothing of it can be trusted).
 * - `unknown`: no certificate has this code.
 */
export type VerificationStatus = 'genuine' | 'superseded' | 'altered' | 'unknown'

export interface VerifyCertificateResponse {
  status: VerificationStatus
  certificate?: CertificateView
  /** for `superseded`: the number of the newer certificate */
  current?: string
}

export type MyCertificatesRequest = Record<string, never>

/** The caller's certificates, latest first (superseded versions left out). */
export interface MyCertificatesResponse {
  certificates: Array<CertificateView & { signUpId: string }>
}

export interface CertificateContract {
  issueCertificate: { req: IssueCertificateRequest; res: IssueCertificateResponse }
  verifyCertificate: { req: VerifyCertificateRequest; res: VerifyCertificateResponse }
  myCertificates: { req: MyCertificatesRequest; res: MyCertificatesResponse }
}

/** The `poster` function renders a certificate when asked with this `kind` (without one it makes a call poster). */
export interface CertificateImageRequest {
  kind: 'certificate'
  certificateNo: string
}

export interface CertificateImageResponse {
  fileID: string
  /** a temporary https URL of the PNG */
  url: string
  /** true when the same picture was already stored and nothing was rendered */
  cached: boolean
}
