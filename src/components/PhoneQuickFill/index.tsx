// The 「微信手机号快捷填写」 button beside the phone field. Taro picks index.weapp.tsx or index.h5.tsx by
// TARO_ENV at build time; this file only gives TypeScript the shared signature.

export interface PhoneQuickFillProps {
  /** the volunteer's WeChat-verified number (11 digits), to put into the field */
  onPhone: (phone: string) => void
}

export default function PhoneQuickFill(_props: PhoneQuickFillProps): JSX.Element | null {
  throw new Error(`no PhoneQuickFill for TARO_ENV=${process.env.TARO_ENV}`)
}
