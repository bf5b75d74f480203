// The app's icons as SVG, drawn on a 24×24 grid with round 2-unit strokes (our own path data, no icon font), and
// turned into a `data:image/svg+xml;base64,` URI that Taro's Image shows on WeChat and in the browser alike.
// WeChat's engines have no btoa: the SVG text is ASCII, so a few lines of base64 do.

const STROKE = 'fill="none" stroke="C" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"'

/** inner markup per icon; `C` is replaced by the colour */
const ICONS = {
  clock: `<g ${STROKE}><circle cx="12" cy="12" r="9"/><path d="M12 7v5l3.5 2"/></g>`,
  pin: `<g ${STROKE}><path d="M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21z"/><circle cx="12" cy="9.5" r="2.5"/></g>`,
  search: `<g ${STROKE}><circle cx="11" cy="11" r="7"/><path d="M16.5 16.5 21 21"/></g>`,
  close: `<g ${STROKE}><path d="M6 6l12 12M18 6 6 18"/></g>`,
  warning: `<g ${STROKE}><path d="M12 3.5 2.5 20h19z"/><path d="M12 10v4.5M12 17.5v.01"/></g>`,
  checkCircle: `<g ${STROKE}><circle cx="12" cy="12" r="9"/><path d="m8 12.5 2.8 2.8 5.7-5.8"/></g>`,
  check: `<g ${STROKE}><path d="m5 12.5 4.5 4.5L19 7.5"/></g>`,
  lock: `<g ${STROKE}><rect x="5" y="11" width="14" height="10" rx="2"/><path d="M8 11V8a4 4 0 0 1 8 0v3M12 15v2"/></g>`,
  hand: `<g ${STROKE}><path d="M8 13V6.5a1.5 1.5 0 0 1 3 0V11M11 11V5a1.5 1.5 0 0 1 3 0v6M14 11V6.5a1.5 1.5 0 0 1 3 0V12M17 12V9.5a1.5 1.5 0 0 1 3 0V14a7 7 0 0 1-7 7h-.8a6 6 0 0 1-4.9-2.6l-3-4.4a1.6 1.6 0 0 1 2.6-1.8L8 14"/></g>`,
  leaf: `<g ${STROKE}><path d="M5 19C5 11 10 5 20 4c0 9-5 15-13 15z"/><path d="m5 19 8-8"/></g>`,
  hourglass: `<g ${STROKE}><path d="M7 3h10M7 21h10M8 3v2c0 3 8 4 8 7s-8 4-8 7v2M16 3v2c0 3-8 4-8 7s8 4 8 7v2"/></g>`,
  info: `<g ${STROKE}><circle cx="12" cy="12" r="9"/><path d="M12 11v5.5M12 7.5v.01"/></g>`,
  camera: `<g ${STROKE}><path d="M4 8h3l2-3h6l2 3h3a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1z"/><circle cx="12" cy="13.5" r="3.5"/></g>`,
  badge: `<g ${STROKE}><rect x="3" y="5" width="18" height="14" rx="2"/><circle cx="9" cy="11" r="2"/><path d="M6 16c.6-1.4 1.7-2 3-2s2.4.6 3 2M14.5 10h3.5M14.5 13.5h3.5"/></g>`,
  people: `<g ${STROKE}><circle cx="9" cy="8" r="3.5"/><path d="M3 20c0-3.5 2.7-6 6-6s6 2.5 6 6M16 4.6a3.5 3.5 0 0 1 0 6.8M18 14.3c1.8.7 3 2.8 3 5.7"/></g>`,
  sprout: `<g ${STROKE}><path d="M12 21v-9M12 12C12 8 9 6 4.5 6c0 4 3 6 7.5 6zM12 10c0-4 3-6 7.5-6 0 4-3 6-7.5 6z"/></g>`,
  drop: `<g ${STROKE}><path d="M12 3s6 6.5 6 11a6 6 0 0 1-12 0c0-4.5 6-11 6-11z"/></g>`,
  heart: `<g ${STROKE}><path d="M12 20s-7.5-4.6-7.5-10.2A4.3 4.3 0 0 1 12 7a4.3 4.3 0 0 1 7.5 2.8C19.5 15.4 12 20 12 20z"/></g>`,
  book: `<g ${STROKE}><path d="M3 5h6a3 3 0 0 1 3 3v12a2 2 0 0 0-2-2H3zM21 5h-6a3 3 0 0 0-3 3v12a2 2 0 0 1 2-2h7z"/></g>`,
  paw: `<g fill="C"><circle cx="6.5" cy="10.5" r="2"/><circle cx="10" cy="6.5" r="2"/><circle cx="14" cy="6.5" r="2"/><circle cx="17.5" cy="10.5" r="2"/><path d="M12 12c-3 0-5.5 3.8-5.5 5.8 0 1.4 1.1 2.4 2.5 2.4 1.2 0 1.8-.6 3-.6s1.8.6 3 .6c1.4 0 2.5-1 2.5-2.4 0-2-2.5-5.8-5.5-5.8z"/></g>`,
  home: `<g ${STROKE}><path d="m3 11 9-7 9 7M5.5 9.5V20h13V9.5M10 20v-5h4v5"/></g>`,
  map: `<g ${STROKE}><path d="M3 6.5 9 4l6 2.5L21 4v13.5L15 20l-6-2.5L3 20zM9 4v13.5M15 6.5V20"/></g>`,
  chevronDown: `<g ${STROKE}><path d="m6 9 6 6 6-6"/></g>`,
  /** a glyph for a round badge (the badge is the circle): 「!」 */
  exclaim: `<g ${STROKE}><path d="M12 5v9M12 18.5v.01"/></g>`,
  /** a glyph for a round badge: 「?」 */
  question: `<g ${STROKE}><path d="M8.5 8.5a3.5 3.5 0 1 1 5 3.2c-1 .5-1.5 1.2-1.5 2.3v.5M12 18.5v.01"/></g>`,
} as const

export type IconName = keyof typeof ICONS

export const ICON_NAMES = Object.keys(ICONS) as IconName[]

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** base64 of an ASCII string (all our SVG is ASCII) */
export function base64Ascii(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i += 3) {
    const a = text.charCodeAt(i)
    const b = i + 1 < text.length ? text.charCodeAt(i + 1) : NaN
    const c = i + 2 < text.length ? text.charCodeAt(i + 2) : NaN
    const n = (a << 16) | ((b || 0) << 8) | (c || 0)
    out += BASE64[(n >> 18) & 63] + BASE64[(n >> 12) & 63]
    out += Number.isNaN(b) ? '=' : BASE64[(n >> 6) & 63]
    out += Number.isNaN(c) ? '=' : BASE64[n & 63]
  }
  return out
}

export function iconSvg(name: IconName, color: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">${ICONS[name].replace(/"C"/g, `"${color}"`)}</svg>`
}

const cache = new Map<string, string>()

export function iconUri(name: IconName, color: string): string {
  const key = `${name}${color}`
  let uri = cache.get(key)
  if (!uri) {
    uri = `data:image/svg+xml;base64,${base64Ascii(iconSvg(name, color))}`
    cache.set(key, uri)
  }
  return uri
}
