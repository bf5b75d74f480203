// In the browser: Taro's H5 navigation bar (@tarojs/router's NavigationBarHandler.setTitle) writes the title with
// `innerHTML`, so a call titled `<img src=x onerror=…>` would run script in every browser that opens it. Taro's
// setNavigationBarTitle is not called here: the title goes into the tab and the bar as text. Taro's own per-page
// title (from the page's config, written again when a page shows) is static text from our code; the pages set
// theirs again on every show, after their data has loaded.
import type { SetNavigationTitle } from './navigation-title'

export const setNavigationTitle: SetNavigationTitle = (title) => {
  if (!title) return
  document.title = title
  // Taro keeps one bar for the whole app, above every page
  document.querySelectorAll('#taro-navigation-bar .taro-navigation-bar-title').forEach((element) => {
    element.textContent = title
  })
}
