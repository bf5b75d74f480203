// Whether the visitor can act (sign up, see their sign-ups) or only read. Taro picks session.weapp.ts or
// session.h5.ts by TARO_ENV; this file gives TypeScript the shared signature.

/** true when the backend will see no OPENID: pages then render read-only with a hint. */
export function isAnonymous(): boolean {
  throw new Error(`no session for TARO_ENV=${process.env.TARO_ENV}`)
}
