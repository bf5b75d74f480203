// The browser: Taro's H5 has no enableAlertBeforeUnload (it only warns "temporarily not supported"). Its router
// runs on the `history` package, whose block() holds every move of the hash history (the navigation bar's back
// arrow calls navigateBack, which is history.go(-1); the browser's back button is a popstate): we ask with Taro's
// own modal and let the move go on (retry) only when confirmed. A reload or closing the tab gets the browser's
// own beforeunload prompt, which block() adds too.
import Taro from '@tarojs/taro'
import { history } from '@tarojs/router'
import type { LeaveQuestion } from './leave-guard'

export function guardLeave(question: LeaveQuestion): () => void {
  let asking = false
  let unblock: (() => void) | undefined = history.block((transition) => {
    if (asking) return
    asking = true
    Taro.showModal({
      title: question.title,
      content: question.content,
      confirmText: '离开',
      cancelText: '继续填写',
      // Taro's default #3cc51f is 2.4:1 on white: the palette's green (theme.scss $brand)
      confirmColor: '#067a3c',
    })
      .then(({ confirm }) => {
        if (!confirm) return
        release()
        transition.retry()
      })
      .catch(() => undefined)
      .finally(() => {
        asking = false
      })
  })
  const release = () => {
    unblock?.()
    unblock = undefined
  }
  return release
}
