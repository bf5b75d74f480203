// Large text (大字 / 关怀模式) in the H5 build: text sizes are rem, and rem is the browser's font size, so a reader
// who sets a larger font gets larger text while the layout holds. The list, a call, the sign-up form, 我的 and the
// organizer's console, roster and call editor are opened at the standard size and with the root font size doubled
// (as the browser's font setting does): at 1× no text is under 12 px; at 2× the titles are twice as large, no
// address or title is cut (「深圳市大鹏…」), nothing spills sideways, the covers shrink instead of filling the
// screen, and the bottom bar hides no content.
// On WeChat the same stylesheets follow WeChat's font setting through <page-meta root-font-size="system">
// (config/text-size-plugin.ts; its presence is checked by test/weapp). Set E2E_SCREENSHOTS=<folder> to keep
// screenshots of each page at both sizes. Needs `dist/h5` and `dist/cloudfunctions`.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import type { Emulator } from '@emulator/index'
import {
  detailUrl,
  launchChromium,
  onScreen,
  phoneContext,
  startLocalCloud,
  textOnScreen,
  whyNotRunnable,
} from './harness'

const SCREENSHOTS = process.env.E2E_SCREENSHOTS
const BROWSER_FONT_SIZE = 16

const skip = whyNotRunnable()
let emulator: Emulator | undefined
let browser: Browser | undefined

before(async () => {
  if (skip) return
  emulator = await startLocalCloud()
  browser = await launchChromium()
})

after(async () => {
  await browser?.close()
  await emulator?.stop()
})

interface PageUnderTest {
  name: string
  /** who opens it (a volunteer unless said) */
  persona?: 'volunteer' | 'organizer'
  open: (page: Page, emu: Emulator) => Promise<void>
  /** the page's title: it must grow with the text */
  title: string
  /** text that must be read whole (an address, a title): never cut, wraps instead */
  whole: string[]
  /** the box to type in whose text must grow (default: the first input or textarea) */
  typing?: string
}

const PAGES: PageUnderTest[] = [
  {
    name: 'list',
    open: async (page, emu) => {
      await page.goto(emu.url + '/')
      await onScreen(page, '.call-card').first().waitFor({ timeout: 20_000 })
    },
    title: '.call-card__title',
    whole: ['.call-card__title', '.call-card__text', '.call-card__ngo'],
  },
  {
    name: 'detail',
    open: async (page, emu) => {
      await page.goto(detailUrl(emu, 'mq-trees'))
      await onScreen(page, '#sign-up-button').waitFor({ timeout: 20_000 })
    },
    title: '.detail-page__title',
    whole: ['.detail-page__title', '.info-row__value', '.info-row__label', '.ngo-row__name'],
  },
  {
    name: 'sign-up',
    open: async (page, emu) => {
      await page.goto(`${emu.url}/#/pages/sign-up/index?id=mq-trees`)
      await textOnScreen(page, '隐私说明').waitFor({ timeout: 20_000 })
    },
    title: '.sign-up-page__call-title',
    whole: ['.sign-up-page__call-title', '.sign-up-page__call-meta', '.form-field__label', '.choice__text'],
    typing: 'textarea',
  },
  {
    name: 'mine',
    open: async (page, emu) => {
      await page.goto(`${emu.url}/#/pages/mine/index`)
      await onScreen(page, '.signup-row').first().waitFor({ timeout: 20_000 })
    },
    title: '.mine-section__title',
    whole: ['.mine-section__title', '.signup-row__title', '.signup-row__meta', '.attendance-entry__tile'],
  },
  {
    name: 'console',
    persona: 'organizer',
    open: async (page, emu) => {
      await page.goto(`${emu.url}/#/packages/ngo/dashboard/index`)
      await onScreen(page, '.console-call-title').first().waitFor({ timeout: 20_000 })
    },
    title: '.console-title',
    whole: ['.console-title', '.console-call-title', '.console-note', '.console-link'],
  },
  {
    name: 'roster',
    persona: 'organizer',
    open: async (page, emu) => {
      await page.goto(`${emu.url}/#/packages/ngo/roster/index?id=mq-spring-planting`)
      await onScreen(page, '.roster-entry').first().waitFor({ timeout: 20_000 })
    },
    title: '.console-title',
    whole: [
      '.console-title',
      '.roster-entry__name',
      '.roster-entry__phone',
      '.roster-entry__slot',
      '.roster-tabs',
    ],
  },
  {
    name: 'call-editor',
    persona: 'organizer',
    open: async (page, emu) => {
      await page.goto(`${emu.url}/#/packages/ngo/call-editor/index?id=mq-spring-planting`)
      await onScreen(page, '.session-manager__session').first().waitFor({ timeout: 20_000 })
    },
    title: '.console-title',
    whole: ['.console-title', '.plan-item__title', '.plan-slot__name', '.plan-slot__count', '.field__label'],
  },
]

/** What a page looks like to these checks, read in the browser. */
interface Reading {
  titleSize: number
  /** visible text under 12 px: "<text> <size>px" */
  small: string[]
  /** essential text cut off: wider or taller than its box while hiding the rest, or ellipsised */
  cut: string[]
  /** how far the page runs past the screen's right edge */
  sideways: number
  /** the first cover's height and the screen's */
  cover: number | null
  screen: number
  /** the fixed bottom bar's height and the room left for it at the end of the page */
  bar: number | null
  room: number | null
  /** the font size of the first box to type in (input or textarea), where the page has one */
  typing: number | null
}

function read(page: Page, { title, whole, typing }: PageUnderTest): Promise<Reading> {
  return page.evaluate(
    ({ title, whole, typing }) => {
      const shown = (el: Element) => {
        const box = el.getBoundingClientRect()
        return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden'
      }
      const all = (selector: string) => Array.from(document.querySelectorAll(selector)).filter(shown)
      const size = (el: Element) => parseFloat(getComputedStyle(el).fontSize)

      // the page on screen (Taro keeps earlier pages in the DOM, hidden)
      const current = all('.taro_page')[0] ?? document.body
      const small: string[] = []
      for (const el of Array.from(current.querySelectorAll('*')).filter(shown)) {
        const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent?.trim())
        if (own && size(el) < 12) small.push(`${el.textContent?.trim().slice(0, 20)} ${size(el)}px`)
      }

      const cut: string[] = []
      for (const el of whole.flatMap((selector) => all(selector))) {
        const style = getComputedStyle(el)
        const hides = style.overflow !== 'visible' || style.overflowX !== 'visible'
        const wide = el.scrollWidth > el.clientWidth + 1
        const tall = el.scrollHeight > el.clientHeight + 1
        if (style.textOverflow === 'ellipsis' || style.whiteSpace === 'nowrap' || (hides && (wide || tall)))
          cut.push(`${el.className}: ${el.textContent?.trim().slice(0, 20)}`)
        const box = el.getBoundingClientRect()
        if (box.right > window.innerWidth + 1) cut.push(`${el.className} runs off the screen`)
      }

      const right = Math.max(
        ...Array.from(current.querySelectorAll('*'))
          .filter(shown)
          .map((el) => {
            // a row that scrolls sideways on its own (the chips) may be wider than the screen inside
            if (el.closest('.taro-scroll-view__scroll-x, taro-scroll-view-core')) return 0
            return el.getBoundingClientRect().right
          }),
      )

      const cover = all('.call-cover')[0]
      const bar = all('.action-bar, .submit-bar')[0]
      const spacer = all('.detail-page__spacer')[0]
      const signUp = all('.sign-up-page')[0]
      const field = all(typing ?? 'input, textarea')[0]
      return {
        typing: field ? size(field) : null,
        titleSize: size(all(title)[0]),
        small,
        cut,
        sideways: Math.max(0, right - window.innerWidth),
        cover: cover ? cover.getBoundingClientRect().height : null,
        screen: window.innerHeight,
        bar: bar ? bar.getBoundingClientRect().height : null,
        room: spacer
          ? spacer.getBoundingClientRect().height
          : signUp
            ? parseFloat(getComputedStyle(signUp).paddingBottom)
            : null,
      }
    },
    { title, whole, typing },
  )
}

/** A phone whose browser font size is `scale` times the standard 16 px, set before the app's first paint. */
async function phoneAt(scale: number, persona: 'volunteer' | 'organizer') {
  assert.ok(browser)
  const context = await phoneContext(browser, persona)
  // read() names its helpers: tsx compiles that to calls of its __name(), which the page does not have
  await context.addInitScript({ content: 'window.__name = (fn) => fn' })
  await context.addInitScript((px) => {
    const style = document.createElement('style')
    style.textContent = `html { font-size: ${px}px }`
    document.addEventListener('DOMContentLoaded', () => document.head.prepend(style))
  }, BROWSER_FONT_SIZE * scale)
  return context
}

async function keep(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return
  mkdirSync(SCREENSHOTS, { recursive: true })
  // the local cloud's persona chip is not part of the app: left out of the picture
  const chip = await page.addStyleTag({ content: '.persona-chip { display: none !important }' })
  await page.screenshot({ path: join(SCREENSHOTS, name) })
  await chip.evaluate((el) => (el as HTMLElement).remove())
}

test(
  "at 2× text the list, a call, the sign-up form, 我的 and the organizer's console, roster and editor grow and cut nothing",
  { skip, timeout: 180_000 },
  async () => {
    assert.ok(emulator)
    const readings: Record<string, Record<number, Reading>> = {}
    for (const [scale, persona] of [
      [1, 'volunteer'],
      [2, 'volunteer'],
      [1, 'organizer'],
      [2, 'organizer'],
    ] as const) {
      const context = await phoneAt(scale, persona)
      const page = await context.newPage()
      try {
        for (const under of PAGES.filter((p) => (p.persona ?? 'volunteer') === persona)) {
          await under.open(page, emulator)
          await page.waitForTimeout(300)
          assert.equal(
            await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize)),
            BROWSER_FONT_SIZE * scale,
            'the root font size is the browser’s (no script sizes it from the screen)',
          )
          const reading = await read(page, under)
          ;(readings[under.name] ??= {})[scale] = reading
          await keep(page, `text-size-${under.name}-${scale}x.png`)

          const where = `${under.name} at ${scale}×`
          assert.deepEqual(reading.small, [], `${where}: text under 12 px`)
          assert.deepEqual(reading.cut, [], `${where}: text cut off`)
          assert.ok(reading.sideways <= 1, `${where}: the page runs ${reading.sideways}px past the screen`)
          if (reading.bar !== null && reading.room !== null)
            assert.ok(
              reading.room >= reading.bar,
              `${where}: the bottom bar (${reading.bar}px) hides content (${reading.room}px left for it)`,
            )
        }
      } finally {
        await context.close()
      }
    }
    for (const { name } of PAGES) {
      const [normal, large] = [readings[name][1], readings[name][2]]
      assert.equal(large.titleSize, normal.titleSize * 2, `${name}: the title grows with the text`)
      if (normal.typing !== null)
        assert.equal(large.typing, normal.typing * 2, `${name}: what is typed grows with the text`)
    }
    // the covers shrink as the text grows: at 2× a card's picture is at most a fifth of the screen
    const [card1, card2] = [readings.list[1].cover ?? 0, readings.list[2].cover ?? 0]
    assert.ok(card2 < card1, `the list's cover shrinks (${card1}px → ${card2}px)`)
    assert.ok(card2 <= readings.list[2].screen / 5, `the list's cover at 2× is ${card2}px`)
    assert.ok((readings.detail[2].cover ?? 0) < (readings.detail[1].cover ?? 0), "the call's cover shrinks")
  },
)
