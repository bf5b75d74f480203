// Issuing and checking 志愿服务证明. A certificate's number and verification code are HMACs made with the
// functions' signing secret (signing.ts): the number is derived from the sign-up and version, so two instances
// issuing at once write the same document; the code is derived from every printed fact, so a fact changed in the
// database no longer matches it.
import { timingSafeEqual } from 'node:crypto'
import {
  canonicalFacts,
  certificateNumber,
  CODE_LENGTH,
  sameSessions,
  servedSessions,
  servedSpan,
  sessionsCertificateId,
  toBase32,
  type CertificateFacts,
} from '@core/certificates/certificate'
import { MAX_SLOTS } from '@core/calls/slots'
import { chinaDate, chinaYear } from '@core/shared/china-time'
import type { Call, Certificate, Ngo, SignUp } from '@core/model'
import { collection, find, findById, insertOnce, updateWhere } from '@lib/cloud/db'
import { sign } from '@lib/cloud/signing'

const NUMBER_CHARS = 8

/** Another sign-up's certificate already has the derived number (about 1 in 2^40): derive again, a few times. */
const NUMBER_ATTEMPTS = 5

export function verificationCode(facts: CertificateFacts): string {
  return toBase32(Buffer.from(sign('certificate', canonicalFacts(facts)), 'base64url'), CODE_LENGTH)
}

function numberFor(signUpId: string, version: number, serviceYear: number, attempt: number): string {
  const mac = Buffer.from(sign('certificate-number', `${signUpId}\n${version}\n${attempt}`), 'base64url')
  return certificateNumber(serviceYear, toBase32(mac, NUMBER_CHARS))
}

/** Whether the stored facts still produce the stored code (false: the document was changed after issue). */
export function codeMatches(doc: Certificate): boolean {
  const expected = Buffer.from(verificationCode(doc))
  const stored = Buffer.from(String(doc.code))
  return stored.length === expected.length && timingSafeEqual(stored, expected)
}

export async function latestCertificate(signUpId: string): Promise<Certificate | null> {
  const [latest] = await find<Certificate>(
    collection('certificates').where({ signUpId }).orderBy('version', 'desc').limit(1),
  )
  return latest ?? null
}

export async function certificateByCode(code: string): Promise<Certificate | null> {
  const [doc] = await find<Certificate>(collection('certificates').where({ code }).limit(1))
  return doc ?? null
}

/**
 * The sign-up's current certificate: the latest one if it states the sign-up's confirmed hours, else a new
 * version (the earlier one marked superseded). The caller has checked that the hours are confirmed.
 */
export async function issueCertificate(
  signUp: SignUp,
  call: Call,
  ngo: Ngo,
  now: number,
): Promise<Certificate> {
  const latest = await latestCertificate(signUp._id)
  if (latest && latest.hours === signUp.hours) return latest
  return issueVersion(latest, signUp.openid, call, ngo, (_id, version) => ({
    _id,
    signUpId: signUp._id,
    version,
    volunteerName: signUp.name,
    ngoName: ngo.name,
    ngoVerified: ngo.status === 'verified',
    callTitle: call.title,
    serviceDate: chinaDate(call.startAt),
    hours: signUp.hours ?? 0,
    issuedAt: now,
  }))
}

/** The volunteer's rows of a call (at most one per slot). */
export async function rowsOf(callId: string, openid: string): Promise<SignUp[]> {
  return find<SignUp>(collection('signups').where({ callId, openid }).limit(MAX_SLOTS))
}

/**
 * The certificate of a call of several sessions: one per volunteer and call, listing every session they served
 * with confirmed hours, its hours the sum. The latest one if it still lists exactly those sessions and hours, else
 * a new version (the earlier one marked superseded). The caller has checked that there is a session to list.
 */
export async function issueSessionsCertificate(
  openid: string,
  call: Call,
  ngo: Ngo,
  now: number,
): Promise<Certificate> {
  const anchor = sessionsCertificateId(call._id, openid)
  const rows = await rowsOf(call._id, openid)
  const sessions = servedSessions(call, rows)
  const latest = await latestCertificate(anchor)
  if (latest?.sessions && sameSessions(latest.sessions, sessions)) return latest
  const served = rows.filter((row) => sessions.some((session) => session.signUpId === row._id))
  // the name on the latest row served (a volunteer may have corrected it between sign-ups)
  const named = [...served].sort((a, b) => b.updatedAt - a.updatedAt)[0]
  return issueVersion(latest, openid, call, ngo, (_id, version) => ({
    _id,
    signUpId: anchor,
    version,
    volunteerName: named?.name ?? '',
    ngoName: ngo.name,
    ngoVerified: ngo.status === 'verified',
    callTitle: call.title,
    serviceDate: servedSpan(call, served),
    hours: sessions.reduce((sum, session) => sum + session.hours, 0),
    issuedAt: now,
    sessions,
  }))
}

/** Whether a call-wide certificate still lists what the volunteer's record says. */
export async function sessionsStillServed(doc: Certificate, call: Call | null): Promise<boolean> {
  if (!call || !doc.sessions) return false
  return sameSessions(doc.sessions, servedSessions(call, await rowsOf(doc.callId, doc.openid)))
}

async function issueVersion(
  latest: Certificate | null,
  openid: string,
  call: Call,
  ngo: Ngo,
  factsFor: (number: string, version: number) => CertificateFacts,
): Promise<Certificate> {
  const version = (latest?.version ?? 0) + 1
  const anchor = factsFor('', version).signUpId
  for (let attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
    const facts = factsFor(numberFor(anchor, version, chinaYear(call.startAt), attempt), version)
    const doc: Certificate = {
      ...facts,
      openid,
      callId: call._id,
      ngoId: ngo._id,
      code: verificationCode(facts),
    }
    let issued: Certificate | null = doc
    if (!(await insertOnce('certificates', doc))) {
      // Either another instance issued this very version a moment ago (use theirs) or the number is taken.
      const there = await findById('certificates', doc._id)
      issued = there && there.signUpId === anchor && there.version === version ? there : null
    }
    if (issued) {
      if (latest)
        await updateWhere(collection('certificates').where({ _id: latest._id }), { supersededBy: issued._id })
      return issued
    }
  }
  throw new Error(`no free certificate number for ${anchor} v${version}`)
}

/** The current certificate number of each of the volunteer's sign-ups that has one (for 志愿时长). */
export async function certificateNumbersOf(openid: string): Promise<Map<string, string>> {
  const docs = await find<Certificate>(
    collection('certificates').where({ openid }).orderBy('version', 'asc').limit(1000),
  )
  // ascending versions: a later version of the same sign-up replaces the earlier one; a call-wide certificate is
  // the certificate of each session it lists
  const numbers = new Map<string, string>()
  for (const doc of docs) {
    numbers.set(doc.signUpId, doc._id)
    for (const session of doc.sessions ?? []) numbers.set(session.signUpId, doc._id)
  }
  return numbers
}
