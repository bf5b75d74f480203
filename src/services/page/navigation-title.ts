// The navigation bar's title: Taro resolves `./navigation-title` to navigation-title.weapp.ts (WeChat's own bar,
// which shows text) or navigation-title.h5.ts (Taro's H5 bar writes titles with innerHTML, so the browser
// version writes them as text itself). Titles are often what people typed: a call's title is an organizer's text.

/** Shows `title` as plain text in the navigation bar (and, in a browser, the tab). */
export type SetNavigationTitle = (title: string) => void

export const setNavigationTitle: SetNavigationTitle = () => {
  throw new Error(`no navigation bar for TARO_ENV=${process.env.TARO_ENV}`)
}
