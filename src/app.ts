import { type PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { enableKeyboardButtons } from '@components/a11y'
import { prefetchFirstPage } from '@services/calls/first-page'
import './app.scss'

enableKeyboardButtons()
prefetchFirstPage()

function App({ children }: PropsWithChildren) {
  useLaunch(() => {})
  return children
}

export default App
