import { type PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { enableKeyboardButtons } from '@components/a11y'
import { prefetchFirstPage } from '@services/calls/first-page'
import { keepTopPageShown } from '@services/page/top-page-shown'
import './app.scss'

enableKeyboardButtons()
prefetchFirstPage()
keepTopPageShown()

function App({ children }: PropsWithChildren) {
  useLaunch(() => {})
  return children
}

export default App
