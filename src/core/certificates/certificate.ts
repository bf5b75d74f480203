// What a 志愿服务证明 states, and how its number and verification code look. Pure: the function signs the
// canonical string of the facts (cloudfunctions/lib/certificates/certificates.ts); the client and tests read codes with the
// same rules.
import { chinaClock, chinaDate, chinaDayStart } from '@core/shared/china-time'
import { looksLikeSignUpId } from '@core/calls/rules'
import {
  roleOfSlot,
  sessionOfSlot,
  sessionsOf,
  slotKeysOf,
  slotOfSignUp,
  type SlotCall,
} from '@core/calls/slots'
import type { CertificateView, IssueCertificateRequest } from './contract'
import type { Call, Certificate, CertificateSession, SignUp } from '@core/model'
import { asInput, finish, notAnObject, type FieldErrors, type Validation } from '@core/shared/validation'

/** The page a certificate's QR opens (its `scene` is the verification code). */
export const VERIFY_PAGE = 'packages/volunteer/verify/index'

/**
 * Crockford's base32: digits and capitals without I, L, O, U, so what a person reads off paper is what they
 * type; when typed, O is read as 0 and I, L as 1.
 */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** Characters of a verification code: 60 bits of the HMAC, in three groups of four. */
export const CODE_LENGTH = 12

/** The longest input 证书查验 accepts (a pasted code with separators and spaces, or a scanned path). */
export const CODE_INPUT_MAX = 80

/** The first `chars` characters of `bytes` in CODE_ALPHABET (5 bits each, most significant first). */
export function toBase32(bytes: Uint8Array, chars: number): string {
  if (bytes.length * 8 < chars * 5) throw new Error('not enough bytes for the code')
  let out = ''
  for (let i = 0; i < chars; i++) {
    let value = 0
    for (let bit = i * 5; bit < i * 5 + 5; bit++) {
      value = (value << 1) | ((bytes[bit >> 3] >> (7 - (bit & 7))) & 1)
    }
    out += CODE_ALPHABET[value]
  }
  return out
}

/** 7KQ4M9XC2HDW → 7KQ4-M9XC-2HDW */
export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code
}

/**
 * The code in a typed or scanned text, as stored (12 characters, no separators), or null. Accepts 「7kq4 m9xc
 * 2hdw」, 「7KQ4-M9XC-2HDW」 and a scanned certificate QR's path (…verify/index?scene=7KQ4M9XC2HDW).
 */
export function readCode(text: string): string | null {
  if (typeof text !== 'string' || text.length > CODE_INPUT_MAX) return null
  const scene = /[?&](?:scene|code)=([^&#]*)/.exec(text)
  let raw = scene ? safeDecode(scene[1]) : text
  raw = raw
    .toUpperCase()
    .replace(/[\s\-–—_.·]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  if (raw.length !== CODE_LENGTH) return null
  for (const ch of raw) if (!CODE_ALPHABET.includes(ch)) return null
  return raw
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** 「JS2026-7KQ4-M9XC」: the year of service and 8 characters derived from the sign-up and version. */
export function certificateNumber(serviceYear: number, chars: string): string {
  return `JS${serviceYear}-${chars.slice(0, 4)}-${chars.slice(4, 8)}`
}

export function looksLikeCertificateNo(value: unknown): value is string {
  return typeof value === 'string' && /^JS\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(value)
}

/** 3.5 → 「3.5」, 4 → 「4」 */
export function formatHours(hours: number): string {
  return String(Math.round(hours * 10) / 10)
}

/** The facts a certificate prints (everything its code vouches for). */
export type CertificateFacts = Pick<
  Certificate,
  | '_id'
  | 'signUpId'
  | 'version'
  | 'volunteerName'
  | 'ngoName'
  | 'ngoVerified'
  | 'callTitle'
  | 'serviceDate'
  | 'hours'
  | 'issuedAt'
  | 'sessions'
>

/**
 * The string the verification code signs: every printed fact in a fixed order, JSON-escaped so no choice of
 * names can make two different certificates read the same. Changing it invalidates every issued code: add a
 * new tag instead: a certificate listing sessions signs them too, under its own tag.
 */
export function canonicalFacts(facts: CertificateFacts): string {
  if (facts.sessions) {
    return JSON.stringify([
      'jushou-certificate-sessions-1',
      facts._id,
      facts.signUpId,
      facts.version,
      facts.volunteerName,
      facts.ngoName,
      facts.ngoVerified,
      facts.callTitle,
      facts.serviceDate,
      facts.hours,
      facts.issuedAt,
      facts.sessions.map((session) => [session.signUpId, session.label, session.hours]),
    ])
  }
  return JSON.stringify([
    'jushou-certificate-1',
    facts._id,
    facts.signUpId,
    facts.version,
    facts.volunteerName,
    facts.ngoName,
    facts.ngoVerified,
    facts.callTitle,
    facts.serviceDate,
    facts.hours,
    facts.issuedAt,
  ])
}

export function certificateView(doc: Certificate): CertificateView {
  return {
    certificateNo: doc._id,
    code: formatCode(doc.code),
    volunteerName: doc.volunteerName,
    ngoName: doc.ngoName,
    ngoVerified: doc.ngoVerified,
    callTitle: doc.callTitle,
    serviceDate: doc.serviceDate,
    hours: doc.hours,
    issuedAt: doc.issuedAt,
    version: doc.version,
    ...(doc.sessions
      ? { sessions: doc.sessions.map((session) => ({ label: session.label, hours: session.hours })) }
      : {}),
  }
}

/** 「兹证明 林晓 于 2026年3月12日 参加 民勤治沙 组织的「…」志愿服务，服务时长 3.5 小时。」 */
export function certificateStatement(
  c: Pick<CertificateView, 'volunteerName' | 'serviceDate' | 'ngoName' | 'callTitle' | 'hours' | 'sessions'>,
): string {
  if (c.sessions) {
    return `兹证明 ${c.volunteerName} 于 ${c.serviceDate} 参加 ${c.ngoName} 组织的「${c.callTitle}」志愿服务 ${c.sessions.length} 场，累计服务时长 ${formatHours(c.hours)} 小时。`
  }
  return `兹证明 ${c.volunteerName} 于 ${c.serviceDate} 参加 ${c.ngoName} 组织的「${c.callTitle}」志愿服务，服务时长 ${formatHours(c.hours)} 小时。`
}

/** The certificate image's own words (heading, labels), for choosing fonts and checking coverage. */
export const CERTIFICATE_FIXED_TEXT =
  '志愿服务证明 VOLUNTEER SERVICE CERTIFICATE 已认证 证书编号 验证码 签发 服务时长 小时 微信扫码核验真伪 ' +
  '或在举手小程序「证书查验」输入验证码 举手 · 志愿服务平台 0123456789年月日-'

/** Every character the certificate image draws. */
export function certificateText(c: CertificateView): string {
  return [
    certificateStatement(c),
    ...sessionLines(c.sessions ?? []),
    c.ngoName,
    c.certificateNo,
    c.code,
    chinaDate(c.issuedAt),
    CERTIFICATE_FIXED_TEXT,
  ].join('')
}

/** One line of a certificate's list of sessions: 「2026年3月12日 09:00–12:00 · 植树 3 小时」. */
export function sessionLine(session: Pick<CertificateSession, 'label' | 'hours'>): string {
  return `${session.label}\u3000${formatHours(session.hours)} 小时`
}

/** The most session lines the certificate image has room for: beyond, the last line says how many more. */
export const SESSION_LINES_MAX = 4

/**
 * The lines of the image's list of sessions: every session, or the first ones and 「…… 另 3 场，共 12 场」 (the
 * image leaves fewer lines when a long title takes the room). Every line is one of the signed facts or their count.
 */
export function sessionLines(
  sessions: readonly Pick<CertificateSession, 'label' | 'hours'>[],
  max = SESSION_LINES_MAX,
): string[] {
  if (sessions.length <= max) return sessions.map(sessionLine)
  const shown = sessions.slice(0, max - 1).map(sessionLine)
  return [...shown, `…… 另 ${sessions.length - shown.length} 场，共 ${sessions.length} 场`]
}

/** The id a call-wide certificate is kept under (its versions and number derive from it). */
export function sessionsCertificateId(callId: string, openid: string): string {
  return `${callId}_${openid}_sessions`
}

/**
 * The sessions a volunteer served on a call of several, as a certificate lists them: each row with confirmed
 * hours, in the call's slot order, labelled with its session's date and time (and role) in China time.
 */
export function servedSessions(
  call: SlotCall & Pick<Partial<Call>, 'roles'>,
  rows: readonly SignUp[],
): CertificateSession[] {
  const order = slotKeysOf(call)
  return rows
    .filter((row) => row.status === 'attended' && hasConfirmedHours(row))
    .sort(
      (a, b) => order.indexOf(slotOfSignUp(a)) - order.indexOf(slotOfSignUp(b)) || (a._id < b._id ? -1 : 1),
    )
    .map((row) => {
      const slot = slotOfSignUp(row)
      const session = sessionOfSlot(call, slot) ?? call
      const role = roleOfSlot(call, slot)
      const when = `${chinaDate(session.startAt)} ${chinaClock(session.startAt)}–${chinaClock(session.endAt)}`
      return { signUpId: row._id, label: role ? `${when} · ${role.name}` : when, hours: row.hours ?? 0 }
    })
}

/** 「2026年3月12日」, or 「2026年3月12日至2026年3月26日」 for sessions on several days. */
export function servedSpan(
  call: Pick<Call, 'startAt' | 'endAt'> & Pick<Partial<Call>, 'sessions' | 'slots'>,
  rows: readonly Pick<SignUp, 'slot'>[],
): string {
  const starts = rows.map((row) => (sessionOfSlot(call, slotOfSignUp(row)) ?? call).startAt)
  if (starts.length === 0) return chinaDate(call.startAt)
  const first = Math.min(...starts)
  const last = Math.max(...starts)
  return chinaDayStart(first) === chinaDayStart(last)
    ? chinaDate(first)
    : `${chinaDate(first)}至${chinaDate(last)}`
}

/** Whether a call's certificates list sessions: a call of several sessions has one certificate per volunteer. */
export function listsSessions(
  call: Pick<Call, 'startAt' | 'endAt'> & Pick<Partial<Call>, 'sessions'>,
): boolean {
  return sessionsOf(call).length > 1
}

/** Whether two lists of sessions state the same facts (a certificate still says what the record says). */
export function sameSessions(a: readonly CertificateSession[], b: readonly CertificateSession[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => x.signUpId === b[i].signUpId && x.label === b[i].label && x.hours === b[i].hours)
  )
}

/** The most hours a certificate can state for one event; a typed figure beyond it is a typing error. */
export const HOURS_MAX = 1000

export function validateIssueCertificate(input: unknown): Validation<IssueCertificateRequest> {
  const body = asInput(input)
  if (!body) return notAnObject()
  const errors: FieldErrors = {}
  // not String(body.signUpId): an object's own toString would run, or throw (INTERNAL) when it is not a function
  const signUpId = looksLikeSignUpId(body.signUpId) ? body.signUpId : ''
  if (!signUpId) errors.signUpId = '志愿服务记录无效'
  return finish(errors, { signUpId })
}

export function validateVerifyCertificate(input: unknown): Validation<{ code: string; hours?: number }> {
  const body = asInput(input)
  if (!body) return notAnObject()
  const errors: FieldErrors = {}
  let code: string | null = null
  if (typeof body.code !== 'string' || body.code.trim() === '') errors.code = '请输入验证码'
  else if (!(code = readCode(body.code))) errors.code = `验证码是 ${CODE_LENGTH} 位字母和数字，请核对后重试`
  const hours = body.hours
  if (hours !== undefined && hours !== null) {
    if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0 || hours > HOURS_MAX) {
      errors.hours = '请输入证书上的服务时长（小时）'
    }
  }
  return finish(errors, typeof hours === 'number' ? { code: code ?? '', hours } : { code: code ?? '' })
}

/** Only confirmed hours count: the NGO confirmed them and there is something to certify. */
export function hasConfirmedHours(signUp: Pick<SignUp, 'hoursConfirmedAt' | 'hours'>): boolean {
  return typeof signUp.hoursConfirmedAt === 'number' && (signUp.hours ?? 0) > 0
}
