// 证书查验: anyone, signed in or not, checks a certificate's code (and optionally the hours printed on it)
// against what was issued and against the NGO's current record. Rate-limited per caller, so codes cannot be
// found by guessing.
import { certificateView, hasConfirmedHours, validateVerifyCertificate } from '@core/certificates/certificate'
import type { VerifyCertificateResponse } from '@core/certificates/contract'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import {
  certificateByCode,
  codeMatches,
  latestCertificate,
  sessionsStillServed,
} from '@lib/certificates/certificates'
import type { Certificate } from '@core/model'
import { callerIp } from '@lib/cloud/cloud'
import { findById } from '@lib/cloud/db'
import { withinLimit, type RateLimit } from '@lib/cloud/rate-limit'
import { defineAction } from '@functions/api/gate'

/** A person checks a few certificates; a script trying codes is stopped long before it could find one. */
export const VERIFY_LIMIT: RateLimit = { limit: 30, windowMs: 60_000 }

export const verifyCertificate = defineAction({
  who: 'everyone',
  resource: 'none',
  validate: validateVerifyCertificate,
  run: async ({ input, openid, now }): Promise<ApiResult<VerifyCertificateResponse>> => {
    const who = openid ?? `ip:${callerIp()}`
    if (!(await withinLimit(`verifyCertificate:${who}`, VERIFY_LIMIT, now))) return fail('TOO_MANY_REQUESTS')

    const doc = await certificateByCode(input.code)
    if (!doc) return ok({ status: 'unknown' })
    // Changed in the database after it was issued: nothing it says can be trusted, so none of it is shown.
    if (!codeMatches(doc)) return ok({ status: 'altered' })
    const certificate = certificateView(doc)
    const { hours } = input
    if (hours !== undefined && hours !== doc.hours) return ok({ status: 'altered', certificate })

    const current = doc.supersededBy ? false : await stillCurrent(doc)
    if (current) return ok({ status: 'genuine', certificate })
    const newer = doc.supersededBy ?? (await latestCertificate(doc.signUpId))?._id
    return ok(
      newer && newer !== doc._id
        ? { status: 'superseded', certificate, current: newer }
        : { status: 'superseded', certificate },
    )
  },
})

/** Whether the NGO's record still says what the certificate says: its sign-up's hours, or each session's. */
async function stillCurrent(doc: Certificate): Promise<boolean> {
  if (doc.sessions) return sessionsStillServed(doc, await findById('calls', doc.callId))
  const signUp = await findById('signups', doc.signUpId)
  return signUp !== null && hasConfirmedHours(signUp) && signUp.hours === doc.hours
}
