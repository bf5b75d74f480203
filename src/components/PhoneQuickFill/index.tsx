// Beside the phone field: on WeChat 「微信手机号快捷填写」 (the number bound to the account); in the browser nothing.

export interface PhoneQuickFillProps {
  /** the volunteer's WeChat-verified number (11 digits), to put into the field */
  onPhone: (phone: string) => void
}

declare const PhoneQuickFill: (props: PhoneQuickFillProps) => JSX.Element | null
export default PhoneQuickFill
