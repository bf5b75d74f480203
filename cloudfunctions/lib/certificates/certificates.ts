// Issuing and checking 志愿服务证明. A certificate's number and verification code are HMACs made with the
// functions' signing secret (signing.ts): the number is derived from the sign-up and version, so two instances
// issuing at once write the same document; the code is derived from every printed fact, so a fact changed in the
// database no longer matches it.
import { timingSafeEqual } from 'node:crypto'
import {
  canonicalFacts,
  certificateNumber,
  CODE_LENGTH,
  toBase32,
  type CertificateFacts,
} from '@core/certificates/certificate'
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
  const version = (latest?.version ?? 0) + 1
  for (let attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
    const facts: CertificateFacts = {
      _id: numberFor(signUp._id, version, chinaYear(call.startAt), attempt),
      signUpId: signUp._id,
      version,
      volunteerName: signUp.name,
      ngoName: ngo.name,
      ngoVerified: ngo.status === 'verified',
      callTitle: call.title,
      serviceDate: chinaDate(call.startAt),
      hours: signUp.hours ?? 0,
      issuedAt: now,
    }
    const doc: Certificate = {
      ...facts,
      openid: signUp.openid,
      callId: call._id,
      ngoId: ngo._id,
      code: verificationCode(facts),
    }
    let issued: Certificate | null = doc
    if (!(await insertOnce('certificates', doc))) {
      // Either another instance issued this very version a moment ago (use theirs) or the number is taken.
      const there = await findById('certificates', doc._id)
      issued = there && there.signUpId === signUp._id && there.version === version ? there : null
    }
    if (issued) {
      if (latest)
        await updateWhere(collection('certificates').where({ _id: latest._id }), { supersededBy: issued._id })
      return issued
    }
  }
  throw new Error(`no free certificate number for ${signUp._id} v${version}`)
}

/** The current certificate number of each of the volunteer's sign-ups that has one (for 志愿时长). */
export async function certificateNumbersOf(openid: string): Promise<Map<string, string>> {
  const docs = await find<Certificate>(
    collection('certificates').where({ openid }).orderBy('version', 'asc').limit(1000),
  )
  // ascending versions: a later version of the same sign-up replaces the earlier one
  return new Map(docs.map((doc) => [doc.signUpId, doc._id]))
}
