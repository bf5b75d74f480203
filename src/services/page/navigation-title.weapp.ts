// WeChat draws its own navigation bar and shows the title as text.
import Taro from '@tarojs/taro'
import type { SetNavigationTitle } from './navigation-title'

export const setNavigationTitle: SetNavigationTitle = (title) => {
  // WeChat refuses an empty title; the page's configured one stays
  if (!title) return
  Taro.setNavigationBarTitle({ title }).catch(() => undefined)
}
