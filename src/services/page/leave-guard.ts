// 「放弃填写？」 before a page is left: on WeChat its enableAlertBeforeUnload; in the browser a block on the history.

export interface LeaveQuestion {
  title: string
  content: string
}

/**
 * From now until the returned function is called, going back from the current page first asks `question`; the
 * page is left only when the person confirms. Call the returned function before navigating away on purpose
 * (after a successful submit) and when the input is gone.
 */
export declare function guardLeave(question: LeaveQuestion): () => void
