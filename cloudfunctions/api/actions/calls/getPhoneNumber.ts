// The phone number behind a getPhoneNumber button's code, from WeChat. Nothing is stored: the volunteer sees it
// in the sign-up form and may still change it.
import type { GetPhoneNumberResponse } from '@core/calls/contract'
import { type ApiResult, fail, ok } from '@core/shared/errors'
import { validateGetPhoneNumber } from '@core/calls/validate'
import { openapi } from '@lib/cloud/cloud'
import { defineAction } from '@functions/api/gate'

interface PhoneInfo {
  phoneNumber: string
  purePhoneNumber: string
  countryCode: string
}

/** WeChat's answer for a code that is unknown, used or expired. */
const INVALID_CODE = 40029

export const getPhoneNumber = defineAction({
  who: 'signedIn',
  resource: 'none',
  validate: validateGetPhoneNumber,
  run: async ({ input }): Promise<ApiResult<GetPhoneNumberResponse>> => {
    let info: PhoneInfo
    try {
      const result = (await openapi.phonenumber.getPhoneNumber({ code: input.code })) as {
        phoneInfo: PhoneInfo
      }
      info = result.phoneInfo
    } catch (err) {
      if ((err as { errCode?: unknown }).errCode === INVALID_CODE) return fail('PHONE_CODE_INVALID')
      throw err
    }
    // A mainland number is what the form takes; others keep their country code.
    return ok({ phone: info.countryCode === '86' ? info.purePhoneNumber : info.phoneNumber })
  },
})
