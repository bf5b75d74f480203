// The caller's 志愿服务证明 for one of their sign-ups with hours the NGO confirmed (see certificate-api.ts).
import { certificateView, hasConfirmedHours, validateIssueCertificate } from '../../../src/core/certificate'
import type { IssueCertificateResponse } from '../../../src/core/certificate-api'
import { fail, ok } from '../../../src/core/errors'
import { issueCertificate as issue } from '../../lib/certificates'
import { findById } from '../../lib/db'
import type { ActionHandler } from '../caller'

const NOT_YOURS = '没有找到这次志愿服务记录'

export const issueCertificate: ActionHandler<IssueCertificateResponse> = async (event, { openid, now }) => {
  if (!openid) return fail('UNAUTHENTICATED')
  const input = validateIssueCertificate(event)
  if (!input.ok) return fail('INVALID_INPUT', undefined, input.fields)
  const signUp = await findById('signups', input.value.signUpId)
  // Someone else's sign-up answers as if it did not exist: its existence is not the caller's business.
  // an erased sign-up names nobody: no certificate can state it
  if (!signUp || signUp.openid !== openid || signUp.erasedAt !== undefined)
    return fail('NOT_FOUND', NOT_YOURS)
  if (!hasConfirmedHours(signUp)) return fail('HOURS_NOT_CONFIRMED')
  const call = await findById('calls', signUp.callId)
  const ngo = call && (await findById('ngos', call.ngoId))
  if (!call || !ngo) return fail('NOT_FOUND', NOT_YOURS)
  return ok({ certificate: certificateView(await issue(signUp, call, ngo, now)) })
}
