// What the browser tests share: the local cloud serving the H5 build with the demo data, Debian's Chromium at a
// phone's size, and locators for what is actually on screen.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import type { Persona } from '@core/shared/demo-personas'
import { startEmulator, type Emulator, type EmulatorOptions } from '@emulator/index'

const ROOT = resolve(__dirname, '..', '..')
const H5_DIR = join(ROOT, 'dist', 'h5')
const FUNCTIONS_DIR = join(ROOT, 'dist', 'cloudfunctions')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** where the H5 persona picker keeps its choice (src/services/cloud/persona.ts) */
const PERSONA_STORAGE_KEY = 'jushou.persona'

/** Why the browser tests cannot run here, or undefined when they can. */
export function whyNotRunnable(): string | undefined {
  if (!existsSync(join(H5_DIR, 'index.html'))) return 'dist/h5 is missing: run `npm run build:h5` first'
  if (!existsSync(join(FUNCTIONS_DIR, 'api', 'index.js'))) {
    return 'dist/cloudfunctions/api is missing: run `npm run build:functions` first'
  }
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`
  return undefined
}

/**
 * The local cloud in memory with the demo data, running the built functions and serving the H5 build; `options`
 * adds e.g. a quota profile (emulator/quota.ts) and the functions' environment.
 */
export function startLocalCloud(
  options: Pick<EmulatorOptions, 'quota' | 'functionEnv'> = {},
): Promise<Emulator> {
  return startEmulator({
    port: 0,
    dataDir: ':memory:',
    functionsDir: FUNCTIONS_DIR,
    staticDir: H5_DIR,
    seed: true,
    timers: false,
    instances: 2,
    ...options,
  })
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** A phone in China: 375×667 at 2×, Shanghai time. `persona` signs the browser in before the first page. */
export async function phoneContext(browser: Browser, persona?: Persona['key']): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 667 },
    deviceScaleFactor: 2,
    timezoneId: 'Asia/Shanghai',
    locale: 'zh-CN',
  })
  if (persona) {
    await context.addInitScript(
      ([key, value]) => {
        if (!window.localStorage.getItem(key)) window.localStorage.setItem(key, value)
      },
      [PERSONA_STORAGE_KEY, persona] as const,
    )
  }
  return context
}

/** The H5 router's address of a call's detail page. */
export function detailUrl(emulator: Emulator, callId: string): string {
  return `${emulator.url}/#/pages/call-detail/index?id=${encodeURIComponent(callId)}`
}

/** Taro's H5 router keeps earlier pages in the DOM, hidden: only what is on screen counts. */
export function onScreen(page: Page, selector: string) {
  return page.locator(selector).filter({ visible: true })
}

export function textOnScreen(page: Page, text: string) {
  return page.getByText(text, { exact: true }).filter({ visible: true })
}
