// 「放弃填写？」 before a page with unsent input is left by going back. Taro picks leave-guard.weapp.ts or
// leave-guard.h5.ts by TARO_ENV; this file gives TypeScript the shared signature.

export interface LeaveQuestion {
  title: string
  content: string
}

/**
 * From now until the returned function is called, going back from the current page first asks `question`; the
 * page is left only when the person confirms. Call the returned function before navigating away on purpose
 * (after a successful submit) and when the input is gone.
 */
export function guardLeave(_question: LeaveQuestion): () => void {
  throw new Error(`no leave guard for TARO_ENV=${process.env.TARO_ENV}`)
}
