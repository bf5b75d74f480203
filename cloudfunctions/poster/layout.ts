// The poster as satori's element tree: 750×1334 (WeChat's share-image size), cover on top, the facts, and the
// mini-program code at the bottom. Plain objects instead of JSX, so the function needs no React.
import type { PosterFacts } from '@core/sharing/poster'

export const POSTER_WIDTH = 750
export const POSTER_HEIGHT = 1334
export const COVER_WIDTH = 750
export const COVER_HEIGHT = 440

export interface Element {
  type: string
  props: {
    style?: Record<string, unknown>
    children?: Child | Child[]
    src?: string
    width?: number
    height?: number
  }
}
type Child = Element | string

export const el = (type: string, style: Record<string, unknown>, ...children: Child[]): Element => ({
  type,
  props: { style, children: children.length === 1 ? children[0] : children },
})
export const img = (
  src: string,
  width: number,
  height: number,
  style: Record<string, unknown> = {},
): Element => ({
  type: 'img',
  props: { src, width, height, style: { width, height, ...style } },
})

/**
 * A rounded outlined label (已认证): a coloured box showing 2 px around a box of the background colour. Not a CSS
 * border: satori draws a border through a clip path, and resvg renders each clip through a full-size layer.
 */
export function outlinedLabel(
  text: string,
  look: { color: string; background: string; fontSize: number; marginLeft: number },
): Element {
  return el(
    'div',
    {
      display: 'flex',
      marginLeft: look.marginLeft,
      padding: 2,
      borderRadius: 8,
      backgroundColor: look.color,
    },
    el(
      'div',
      {
        padding: '0 12px',
        borderRadius: 6,
        fontSize: look.fontSize,
        fontWeight: 400,
        color: look.color,
        backgroundColor: look.background,
      },
      text,
    ),
  )
}

const GREEN = '#07c160'
const INK = '#1f2329'
const GREY = '#5f6672'

const PALETTES: Array<{ words: string[]; from: string; to: string; ground: string }> = [
  { words: ['植树', '治沙', '环保', '生态', '绿化'], from: '#fbe3b0', to: '#9fdfb8', ground: '#d9a35b' },
  { words: ['河', '水', '海', '湿地'], from: '#dcefff', to: '#a6d2f7', ground: '#5b9bd9' },
  { words: ['助老', '养老', '陪伴'], from: '#fff0df', to: '#ffd1a3', ground: '#e59a5c' },
  { words: ['支教', '教育', '读书', '儿童'], from: '#fff8d6', to: '#ffe48a', ground: '#d9b45b' },
  { words: ['动物', '流浪'], from: '#f3e6ff', to: '#d8b8f5', ground: '#a27ad1' },
]
const DEFAULT_PALETTE = { from: '#e8f8ef', to: '#b7e8cb', ground: '#5fbf8a' }

/** Most grassroots calls have no photo: a soft landscape in the colours of the call's first matching tag. */
export function generatedCover(tags: readonly string[]): string {
  const p =
    PALETTES.find(({ words }) => tags.some((tag) => words.some((w) => tag.includes(w)))) ?? DEFAULT_PALETTE
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="750" height="440">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.from}"/>` +
    `<stop offset="1" stop-color="${p.to}"/></linearGradient></defs><rect width="750" height="440" fill="url(#g)"/>` +
    `<circle cx="600" cy="120" r="58" fill="#fffbe8" opacity="0.9"/>` +
    `<path d="M0 340 Q190 260 380 330 T750 310 V440 H0Z" fill="${p.ground}" opacity="0.55"/>` +
    `<path d="M0 385 Q220 330 420 385 T750 372 V440 H0Z" fill="${p.ground}" opacity="0.85"/>` +
    `<g fill="#2e7d32"><path d="M120 345 l22 -70 l22 70z"/><path d="M200 352 l18 -55 l18 55z"/>` +
    `<path d="M560 355 l20 -62 l20 62z"/></g></svg>`
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
}

export function posterTree(facts: PosterFacts, cover: string, code: string): Element {
  const titleChars = Array.from(facts.title).length
  const titleSize = titleChars > 26 ? 44 : titleChars > 16 ? 50 : 56
  const row = (label: string, value: string, color = INK) =>
    el(
      'div',
      { display: 'flex', marginTop: 18, fontSize: 30, lineHeight: 1.4 },
      el('div', { color: GREY, width: 96, flexShrink: 0 }, label),
      el('div', { color, flex: 1, fontWeight: color === INK ? 400 : 700 }, value),
    )
  return el(
    'div',
    {
      width: POSTER_WIDTH,
      height: POSTER_HEIGHT,
      display: 'flex',
      flexDirection: 'column',
      backgroundColor: '#f5f6f7',
      fontFamily: 'NotoSansSC',
      color: INK,
    },
    el(
      'div',
      { display: 'flex', position: 'relative', width: 750, height: 440 },
      img(cover, COVER_WIDTH, COVER_HEIGHT), // fitted to the box beforehand (image-fit.ts)
      el(
        'div',
        {
          position: 'absolute',
          left: 40,
          top: 40,
          display: 'flex',
          padding: '10px 24px',
          borderRadius: 40,
          backgroundColor: 'rgba(255,255,255,0.85)',
          fontSize: 26,
          fontWeight: 700,
          color: GREEN,
        },
        '举手 · 志愿者招募',
      ),
    ),
    el(
      'div',
      {
        display: 'flex',
        flexDirection: 'column',
        margin: '-36px 32px 0 32px',
        padding: '40px 40px 36px 40px',
        borderRadius: 24,
        backgroundColor: '#ffffff',
      },
      el(
        'div',
        { display: 'flex', fontSize: titleSize, fontWeight: 700, lineHeight: 1.3, lineClamp: 4 },
        facts.title,
      ),
      el(
        'div',
        { display: 'flex', alignItems: 'center', marginTop: 22, fontSize: 30 },
        el('div', { color: GREY, lineClamp: 1 }, facts.ngoName),
        ...(facts.ngoVerified
          ? [outlinedLabel('已认证', { color: GREEN, background: '#ffffff', fontSize: 22, marginLeft: 14 })]
          : []),
      ),
      row('时间', facts.time),
      row('地点', facts.place),
      row('名额', facts.spots, '#e8590c'),
      el(
        'div',
        {
          display: 'flex',
          marginTop: 26,
          padding: '18px 22px',
          borderRadius: 14,
          backgroundColor: '#f5f6f7',
          fontSize: 26,
          lineHeight: 1.5,
          color: GREY,
          lineClamp: 2,
        },
        facts.excerpt,
      ),
    ),
    el(
      'div',
      {
        display: 'flex',
        flexGrow: 1,
        alignItems: 'center',
        justifyContent: 'space-between',
        padding: '0 64px 40px 64px',
      },
      el(
        'div',
        { display: 'flex', flexDirection: 'column' },
        el('div', { fontSize: 34, fontWeight: 700 }, '长按识别小程序码'),
        el('div', { marginTop: 12, fontSize: 28, color: GREY }, '立即报名，一起举手'),
      ),
      img(code, 232, 232),
    ),
  )
}
