// The navigation bar's title: on WeChat its own bar (text); in the browser written as text (Taro's bar uses HTML).

/**
 * Shows `title` as plain text in the navigation bar (and, in a browser, the tab). Titles are often what people
 * typed (a call's title is an organizer's text): Taro's H5 bar writes them with innerHTML, so the browser's
 * version writes them itself.
 */
export type SetNavigationTitle = (title: string) => void

export declare const setNavigationTitle: SetNavigationTitle
