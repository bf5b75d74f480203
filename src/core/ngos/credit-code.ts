// 统一社会信用代码 (GB 32100-2015): the 18-character code on a registered organization's 登记证书. Its last
// character is a check digit over the first 17, so a mistyped or invented code is caught before a platform admin
// reviews the registration. Social organizations carry 5 as the registering authority (民政部门): 51 社会团体,
// 52 民办非企业单位, 53 基金会.

/** The code's alphabet: digits and capitals without I, O, S, V, Z (they read like 1, 0, 5, U, 2). */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export const CREDIT_CODE_LENGTH = 18

/** The code as people type it (spaces, lower case) in its canonical form. */
export function normalizeCreditCode(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase()
}

/** The check character for the first 17 characters, or null if one of them is outside the alphabet. */
export function creditCodeCheck(first17: string): string | null {
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i] ?? '')
    if (value < 0) return null
    sum += value * WEIGHTS[i]
  }
  return ALPHABET[(31 - (sum % 31)) % 31]
}

/** Why a (normalized) code is not a valid 统一社会信用代码, in Chinese, or null when it is. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== CREDIT_CODE_LENGTH) return `统一社会信用代码应为${CREDIT_CODE_LENGTH}位`
  if (![...code].every((c) => ALPHABET.includes(c)))
    return '统一社会信用代码只含数字和大写字母（不含 I、O、S、V、Z）'
  if (!/^\d{6}$/.test(code.slice(2, 8))) return '统一社会信用代码第3至8位应为行政区划代码'
  if (creditCodeCheck(code.slice(0, 17)) !== code[17]) return '统一社会信用代码校验不通过，请对照登记证书核对'
  return null
}
