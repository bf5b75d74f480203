// The caller's 志愿服务证明 for one of their sign-ups with hours the NGO confirmed (see certificates/contract.ts);
// on a call of several sessions, the certificate of the call listing each session served.
import {
  certificateView,
  hasConfirmedHours,
  listsSessions,
  validateIssueCertificate,
} from '@core/certificates/certificate'
import type { IssueCertificateResponse } from '@core/certificates/contract'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import { issueCertificate as issue, issueSessionsCertificate } from '@lib/certificates/certificates'
import { defineAction } from '@functions/api/gate'

export const issueCertificate = defineAction({
  who: 'signedIn',
  resource: 'mySignUp',
  validate: validateIssueCertificate,
  run: async ({ signUp, call, ngo, now }): Promise<ApiResult<IssueCertificateResponse>> => {
    // The gate found the caller's own sign-up: someone else's, or an erased one, answered NOT_FOUND there.
    if (!hasConfirmedHours(signUp)) return fail('HOURS_NOT_CONFIRMED')
    // a call of several sessions: one certificate listing every session served, whichever of them is asked for
    if (listsSessions(call)) {
      return ok({
        certificate: certificateView(await issueSessionsCertificate(signUp.openid, call, ngo, now)),
      })
    }
    return ok({ certificate: certificateView(await issue(signUp, call, ngo, now)) })
  },
})
