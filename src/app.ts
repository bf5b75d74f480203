import { type PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { enableKeyboardButtons } from '@components/a11y'
import './app.scss'

enableKeyboardButtons()

function App({ children }: PropsWithChildren) {
  useLaunch(() => {})
  return children
}

export default App
