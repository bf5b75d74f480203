// The built mini program (dist/weapp) booted the way WeChat boots it on a phone, in a `node:vm` context that holds
// only what WeChat's logic layer offers: `wx`, `App`, `Page`, `Component`, `Behavior`, `getApp`,
// `getCurrentPages`, timers, `console`, and the language's own built-ins. No window, document, TextEncoder,
// TextDecoder, URL, atob/btoa, localStorage or fetch; `eval`/`new Function` are refused, as on phones.
// Each file is a module of WeChat's module system: wrapped in a function of (require, module, exports) whose
// browser names (window, document, …) are shadowed by undefined parameters, like WeChat's own `define` wrapper;
// `require` resolves paths relative to the requiring file. Pages keep the data Taro sends through `setData` and
// are drawn through WeChat's compiled templates (`$gwx` from wcc, see ./wxml.ts): what the tests read and tap is
// the render layer's tree, and events go back to the page's handlers (Taro's `eh`) as WeChat would send them.
import { readFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import vm from 'node:vm'
import { createWx, type FakeWx } from './fake-wx'
import { compileWxml, textOf, walk, type Gwx, type VNode } from './wxml'

/** What WeChat's `define` wrapper passes as undefined to every module: browser names do not exist there. */
const SHADOWED = [
  'window',
  'document',
  'frames',
  'self',
  'location',
  'navigator',
  'localStorage',
  'history',
  'Caches',
  'screen',
  'alert',
  'confirm',
  'prompt',
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'webkit',
  'WeixinJSCore',
  'Reporter',
  'print',
]

/** Events that bubble in WeChat's render layer (all others reach only their target). */
const BUBBLING = new Set([
  'tap',
  'longpress',
  'longtap',
  'touchstart',
  'touchmove',
  'touchend',
  'touchcancel',
])

/** What a screen says while it waits: a page left showing one of these after the cloud answered is stuck. */
export const LOADING_MARKERS = ['加载中', '正在生成', '请稍候']

type Hook = (this: PageInstance, ...args: unknown[]) => unknown

interface PageInstance {
  route: string
  __route__: string
  options: Record<string, string>
  data: Record<string, unknown>
  setData(patch: Record<string, unknown>, cb?: () => void): void
  [key: string]: unknown
}

interface ComponentDef {
  properties?: Record<string, unknown>
  methods?: Record<string, Hook>
  [key: string]: unknown
}

export interface SandboxOptions {
  /** dist/weapp */
  root: string
  /** the local cloud's base URL */
  cloudUrl: string
  /** the signed-in WeChat user's openid */
  openid: string
}

export class MiniProgram {
  readonly fake: FakeWx
  /** uncaught errors and unhandled rejections inside the mini program, as WeChat's onError would see them */
  readonly errors: string[] = []
  /** console.error / console.warn lines of the mini program */
  readonly logs: string[] = []
  openid: string
  /** the next modal's answer: true = the person taps 确定 */
  modalAnswer = true
  /** what the camera will read at the next wx.scanCode (then cleared); undefined = the person cancels */
  nextScan: string | undefined

  private readonly context: vm.Context
  private readonly modules = new Map<string, { exports: unknown }>()
  private readonly pageDefs = new Map<string, Record<string, unknown>>()
  private readonly componentDefs = new Map<string, ComponentDef>()
  private readonly stack: PageInstance[] = []
  private readonly timers = new Map<number, NodeJS.Timeout>()
  private readonly gwx: Gwx
  private loadingPath = ''
  private nextTimer = 1
  private inflight = 0
  private app: Record<string, unknown> | undefined
  private readonly onRejection = (reason: unknown) =>
    this.errors.push(`unhandled rejection: ${describe(reason)}`)

  constructor(private readonly opts: SandboxOptions) {
    this.openid = opts.openid
    this.gwx = compileWxml(opts.root)
    this.fake = createWx({
      cloudUrl: opts.cloudUrl,
      openid: () => this.openid,
      navigate: (kind, url) => this.navigate(kind, url),
      navigateBack: (delta) => this.back(delta),
      modalAnswer: () => this.modalAnswer,
      scan: () => {
        const result = this.nextScan
        this.nextScan = undefined
        return result
      },
      track: async (work) => {
        this.inflight++
        try {
          return await work
        } finally {
          this.inflight--
        }
      },
    })
    this.context = vm.createContext(this.globals(), {
      name: 'WeChat logic layer',
      codeGeneration: { strings: false, wasm: false },
    })
    process.on('unhandledRejection', this.onRejection)
  }

  /** Starts the mini program (app.js, App's onLaunch/onShow), then opens `url` as the first page. */
  async launch(url: string): Promise<this> {
    this.require('app.js', '')
    if (!this.app) throw new Error('app.js did not call App()')
    const launch = {
      path: this.parse(url).route,
      query: this.parse(url).query,
      scene: 1001,
      referrerInfo: {},
    }
    this.guard(() => (this.app?.onLaunch as Hook | undefined)?.call(this.app as never, launch))
    this.guard(() => (this.app?.onShow as Hook | undefined)?.call(this.app as never, launch))
    await this.navigate('reLaunch', url)
    return this
  }

  /** the page on top of the stack */
  get page(): PageInstance {
    const top = this.stack[this.stack.length - 1]
    if (!top) throw new Error('no page is open')
    return top
  }

  get route(): string {
    return this.page.route
  }

  /** The current page drawn through its compiled template, custom components expanded. */
  screen(): VNode {
    const page = this.page
    const tree = this.render(`${page.route}.wxml`, page.data)
    this.owners.set(tree, page)
    return tree
  }

  /** everything the screen says */
  text(): string {
    return textOf(this.screen())
  }

  /** Waits until the screen says `wanted` (and no cloud call is in flight), or fails with what it says instead. */
  async waitForText(wanted: string | RegExp, timeoutMs = 10_000): Promise<string> {
    const matches = (text: string) => (typeof wanted === 'string' ? text.includes(wanted) : wanted.test(text))
    const until = Date.now() + timeoutMs
    for (;;) {
      this.throwIfCrashed()
      const text = this.text()
      if (matches(text)) return text
      if (Date.now() > until) {
        throw new Error(`"${String(wanted)}" never showed on ${this.route}; the screen says:\n${text}`)
      }
      await sleep(25)
    }
  }

  /** Waits until no cloud call is in flight and the screen stops changing; fails if it still shows a loading state. */
  async settle(timeoutMs = 10_000): Promise<string> {
    const until = Date.now() + timeoutMs
    let last = ''
    let stableSince = Date.now()
    for (;;) {
      this.throwIfCrashed()
      const text = this.text()
      if (text !== last || this.inflight > 0) {
        last = text
        stableSince = Date.now()
      }
      const loading = LOADING_MARKERS.find((m) => text.includes(m))
      if (Date.now() - stableSince > 150 && !loading) return text
      if (Date.now() > until) {
        throw new Error(`${this.route} is still loading ("${loading ?? 'busy'}"); the screen says:\n${text}`)
      }
      await sleep(25)
    }
  }

  /**
   * Taps what shows `label` (the innermost element saying it), as a finger would: the event bubbles up to the
   * handlers bound on the way. Waits (like a person) until such an element is on the screen and something handles it.
   * `within`: the tap is inside the innermost block that says both `within` and `label` (e.g. one row of a list).
   */
  async tap(label: string | RegExp, opts: { within?: string; timeoutMs?: number } = {}): Promise<void> {
    const until = Date.now() + (opts.timeoutMs ?? 10_000)
    for (;;) {
      this.throwIfCrashed()
      const scope =
        opts.within === undefined ? this.screen() : this.innermost(this.screen(), opts.within, label)
      const target = scope && this.findOrUndefined(label, scope)
      if (target && this.handles(target, 'tap')) {
        this.dispatch(target, 'tap', { x: 0, y: 0 })
        await sleep(0)
        return
      }
      if (Date.now() > until) {
        throw new Error(
          `nothing tappable says "${String(label)}" on ${this.route}; the screen says:\n${this.text()}`,
        )
      }
      await sleep(25)
    }
  }

  /** Types `value` into the input or textarea whose placeholder (or id) is `field`. */
  async type(field: string, value: string): Promise<void> {
    const input = this.field(field)
    this.dispatch(input, 'input', { value, cursor: value.length, keyCode: 0 })
    await sleep(0)
  }

  /** the input or textarea whose placeholder (or id) is `field` */
  field(field: string): VNode {
    const screen = this.screen()
    for (const node of walk(screen)) {
      if (node.tag !== 'wx-input' && node.tag !== 'wx-textarea') continue
      if (node.attr.placeholder === field || node.attr.id === field) return node
    }
    throw new Error(`no input "${field}" on ${this.route}`)
  }

  /** Waits for the element whose id is `id` (a Taro `id` prop) to be on the screen. */
  async waitForElement(id: string, timeoutMs = 10_000): Promise<VNode> {
    const until = Date.now() + timeoutMs
    for (;;) {
      this.throwIfCrashed()
      for (const node of walk(this.screen())) if (node.attr.id === id) return node
      if (Date.now() > until)
        throw new Error(`#${id} never showed on ${this.route}; the screen says:\n${this.text()}`)
      await sleep(25)
    }
  }

  /** the innermost element whose text is `label` (exactly, else the innermost that contains it) */
  find(label: string | RegExp): VNode {
    const found = this.findOrUndefined(label)
    if (!found) throw new Error(`nothing says "${String(label)}" on ${this.route}:\n${this.text()}`)
    return found
  }

  /** the innermost element whose text says both `a` and `b` */
  private innermost(root: VNode, a: string, b: string | RegExp): VNode | undefined {
    let found: VNode | undefined
    for (const node of walk(root)) {
      const text = textOf(node)
      if (text.includes(a) && (typeof b === 'string' ? text.includes(b) : b.test(text))) found = node
    }
    return found
  }

  private findOrUndefined(label: string | RegExp, root: VNode = this.screen()): VNode | undefined {
    const says = (node: VNode) => {
      const text = textOf(node)
      return typeof label === 'string' ? text.includes(label) : label.test(text)
    }
    // pre-order: the last match is the innermost one; an exact match beats one that merely contains the label
    let exact: VNode | undefined
    let containing: VNode | undefined
    for (const node of walk(root)) {
      if (!says(node)) continue
      containing = node
      if (typeof label === 'string' && textOf(node).trim() === label) exact = node
    }
    return exact ?? containing
  }

  /** the page stack's routes, bottom first */
  routes(): string[] {
    return this.stack.map((p) => p.route)
  }

  /** Leaves every page (onUnload), stops every timer, and forgets the process hook. */
  close(): void {
    while (this.stack.length) this.unload(this.stack.pop() as PageInstance)
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
    process.off('unhandledRejection', this.onRejection)
  }

  /** fails the test at once when the mini program crashed */
  throwIfCrashed(): void {
    if (this.errors.length)
      throw new Error(`the mini program crashed on ${this.stack.at(-1)?.route}:\n${this.errors.join('\n')}`)
  }

  // ---- the logic layer ------------------------------------------------------------------------------------

  private globals(): Record<string, unknown> {
    const self = this // eslint-disable-line @typescript-eslint/no-this-alias -- WeChat's globals are plain functions
    const logTo = (level: 'log' | 'info' | 'warn' | 'error') =>
      function (...args: unknown[]) {
        if (level === 'error' || level === 'warn') self.logs.push(`${level}: ${args.map(describe).join(' ')}`)
        // React reports a render that threw (no error boundary) as console.error(error): a crash on the phone
        if (level === 'error' && args.some(isError))
          self.errors.push(`logged: ${args.map(describe).join(' ')}`)
        if (process.env.WEAPP_SANDBOX_LOG) console[level]('[weapp]', ...args)
      }
    return {
      wx: this.fake.wx,
      console: {
        log: logTo('log'),
        info: logTo('info'),
        debug: logTo('log'),
        warn: logTo('warn'),
        error: logTo('error'),
      },
      setTimeout: (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) =>
        this.timer(fn, ms, args, false),
      setInterval: (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) =>
        this.timer(fn, ms, args, true),
      clearTimeout: (id: number) => this.clearTimer(id),
      clearInterval: (id: number) => this.clearTimer(id),
      App(config: Record<string, unknown>) {
        self.app = { ...config }
      },
      Page(config: Record<string, unknown>) {
        self.pageDefs.set(self.loadingPath, config)
      },
      Component(config: ComponentDef) {
        self.componentDefs.set(self.loadingPath, config)
      },
      Behavior: (config: object) => config,
      getApp: () => self.app,
      getCurrentPages: () => [...self.stack],
      requirePlugin: () => {
        throw new Error('no plugins in this mini program')
      },
    }
  }

  /** WeChat's `require`: a path relative to the requiring file, `.js` optional, each file run once. */
  private require(spec: string, fromDir: string): unknown {
    let path = posix.normalize(posix.join(fromDir, spec)).replace(/^\.?\//, '')
    if (!path.endsWith('.js')) path += '.js'
    const cached = this.modules.get(path)
    if (cached) return cached.exports
    const module = { exports: {} as unknown }
    this.modules.set(path, module)
    const source = readFileSync(join(this.opts.root, path), 'utf8')
    const wrapped = `(function (require, module, exports, ${SHADOWED.join(', ')}) {${source}\n})`
    const fn = vm.runInContext(wrapped, this.context, { filename: path }) as (...args: unknown[]) => void
    const previous = this.loadingPath
    this.loadingPath = path.replace(/\.js$/, '')
    try {
      fn.call(undefined, (s: string) => this.require(s, posix.dirname(path)), module, module.exports)
    } finally {
      this.loadingPath = previous
    }
    return module.exports
  }

  private timer(
    fn: (...args: unknown[]) => void,
    ms: number | undefined,
    args: unknown[],
    repeat: boolean,
  ): number {
    if (typeof fn !== 'function') throw new TypeError('setTimeout/setInterval need a function on WeChat')
    const id = this.nextTimer++
    const run = () => this.guard(() => fn(...args))
    const handle = repeat
      ? setInterval(run, ms)
      : setTimeout(() => {
          this.timers.delete(id)
          run()
        }, ms)
    this.timers.set(id, handle)
    return id
  }

  private clearTimer(id: number): void {
    const handle = this.timers.get(id)
    if (handle) clearTimeout(handle)
    this.timers.delete(id)
  }

  /** runs mini program code; what it throws is an uncaught error on the phone */
  private guard(fn: () => unknown): void {
    try {
      fn()
    } catch (err) {
      this.errors.push(`uncaught: ${describe(err)}`)
    }
  }

  // ---- pages ----------------------------------------------------------------------------------------------

  private parse(url: string): { route: string; query: Record<string, string> } {
    const [path, search = ''] = url.split('?')
    const base = this.stack.length ? posix.dirname(this.page.route) : ''
    const route = path.startsWith('/') ? path.slice(1) : posix.normalize(posix.join(base, path))
    const query: Record<string, string> = {}
    for (const pair of search.split('&').filter(Boolean)) {
      const [k, v = ''] = pair.split('=')
      query[decodeURIComponent(k)] = decodeURIComponent(v)
    }
    return { route, query }
  }

  private async navigate(kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch', url: string) {
    const { route, query } = this.parse(url)
    const tabs = ((this.appJson().tabBar as { list?: { pagePath: string }[] } | undefined)?.list ?? []).map(
      (t) => t.pagePath,
    )
    if (kind === 'switchTab' && !tabs.includes(route)) throw new Error(`${route} is not a tabBar page`)
    if ((kind === 'navigateTo' || kind === 'redirectTo') && tabs.includes(route)) {
      throw new Error(`can not navigateTo a tabbar page (${route})`)
    }
    if (!this.pageExists(route)) throw new Error(`page "${route}" is not found`)
    if (kind === 'navigateTo') {
      if (this.stack.length >= 10) throw new Error('webview count limit exceed')
      const top = this.stack.at(-1)
      if (top) this.hook(top, 'onHide')
    } else if (kind === 'redirectTo') {
      const top = this.stack.pop()
      if (top) this.unload(top)
    } else {
      while (this.stack.length) this.unload(this.stack.pop() as PageInstance)
    }
    this.open(route, kind === 'switchTab' ? {} : query)
  }

  private async back(delta: number): Promise<void> {
    if (this.stack.length <= 1) throw new Error('cannot navigate back at first page.')
    for (let i = 0; i < delta && this.stack.length > 1; i++) this.unload(this.stack.pop() as PageInstance)
    this.hook(this.page, 'onShow')
  }

  private appJson(): Record<string, unknown> {
    return JSON.parse(readFileSync(join(this.opts.root, 'app.json'), 'utf8')) as Record<string, unknown>
  }

  private pageExists(route: string): boolean {
    const json = this.appJson() as { pages: string[]; subPackages?: { root: string; pages: string[] }[] }
    const all = [
      ...json.pages,
      ...(json.subPackages ?? []).flatMap((p) => p.pages.map((x) => `${p.root}/${x}`)),
    ]
    return all.includes(route)
  }

  /** A page instance as WeChat makes one: the config's fields copied, its data cloned, then onLoad/onShow/onReady. */
  private open(route: string, query: Record<string, string>): void {
    if (!this.pageDefs.has(route)) this.require(`${route}.js`, '')
    const def = this.pageDefs.get(route)
    if (!def) throw new Error(`${route}.js did not call Page()`)
    const page = { ...def } as PageInstance
    page.data = clone(def.data ?? {}) as Record<string, unknown>
    page.route = route
    page.__route__ = route
    page.options = { ...query }
    page.setData = (patch, cb) => {
      for (const [path, value] of Object.entries(patch)) setPath(page.data, path, clone(value))
      if (cb) this.timer(cb, 0, [], false)
    }
    page.selectComponent = () => null
    page.selectAllComponents = () => []
    page.createSelectorQuery = (this.fake.wx.createSelectorQuery as () => unknown).bind(null)
    page.getOpenerEventChannel = () => ({ emit: () => undefined, on: () => undefined, once: () => undefined })
    this.stack.push(page)
    this.hook(page, 'onLoad', { ...query })
    this.hook(page, 'onShow')
    this.timer(() => this.hook(page, 'onReady'), 0, [], false)
  }

  private unload(page: PageInstance): void {
    this.hook(page, 'onUnload')
  }

  private hook(page: PageInstance, name: string, ...args: unknown[]): void {
    const fn = page[name]
    if (typeof fn === 'function') this.guard(() => (fn as Hook).apply(page, args))
  }

  // ---- the render layer -----------------------------------------------------------------------------------

  /** which instance (page or component) handles the events of each drawn element's subtree */
  private readonly owners = new WeakMap<VNode, object>()
  private readonly parents = new WeakMap<VNode, VNode>()

  private render(wxml: string, data: object): VNode {
    const tree = this.gwx(wxml, data)
    if (!tree) throw new Error(`wcc produced no template for ${wxml}`)
    this.expandComponents(tree, wxml)
    for (const node of walk(tree))
      for (const child of node.children) if (typeof child !== 'string') this.parents.set(child, node)
    return tree
  }

  /** A custom component in the tree (Taro's recursive `comp`) is drawn from its own template and properties. */
  private expandComponents(tree: VNode, wxml: string): void {
    const json = join(this.opts.root, wxml.replace(/\.wxml$/, '.json'))
    const using =
      (JSON.parse(readFileSync(json, 'utf8')) as { usingComponents?: Record<string, string> })
        .usingComponents ?? {}
    for (const node of walk(tree)) {
      const target = using[node.tag] ?? using[node.tag.replace(/^wx-/, '')]
      if (!target) continue
      const path = posix.normalize(posix.join(posix.dirname(wxml), target))
      if (!this.componentDefs.has(path)) this.require(`${path}.js`, '')
      const def = this.componentDefs.get(path)
      if (!def) throw new Error(`${path}.js did not call Component()`)
      const props: Record<string, unknown> = {}
      for (const key of Object.keys(def.properties ?? {})) props[key] = node.attr[key]
      const inner = this.render(`${path}.wxml`, props)
      const instance = { ...def.methods, data: props, properties: props, is: path }
      this.owners.set(inner, instance)
      node.children = inner.children
      for (const child of inner.children) if (typeof child !== 'string') this.owners.set(child, instance)
    }
  }

  private ownerOf(node: VNode): Record<string, Hook> {
    for (let at: VNode | undefined = node; at; at = this.parents.get(at)) {
      const owner = this.owners.get(at)
      if (owner) return owner as Record<string, Hook>
    }
    return this.page as unknown as Record<string, Hook>
  }

  /** whether an event of `type` on `target` reaches a handler (its own, or an ancestor's for bubbling events) */
  private handles(target: VNode, type: string): boolean {
    for (let at: VNode | undefined = target; at; at = BUBBLING.has(type) ? this.parents.get(at) : undefined) {
      if (
        at.attr[`bind${type}`] ||
        at.attr[`bind:${type}`] ||
        at.attr[`catch${type}`] ||
        at.attr[`catch:${type}`]
      ) {
        return true
      }
    }
    return false
  }

  /** WeChat's event: to the target's handler, then (for bubbling events) up through the ancestors that bind it. */
  private dispatch(target: VNode, type: string, detail: Record<string, unknown>): void {
    const targetInfo = {
      id: String(target.attr.id ?? ''),
      dataset: dataset(target),
      offsetLeft: 0,
      offsetTop: 0,
    }
    let handled = false
    for (let at: VNode | undefined = target; at; at = BUBBLING.has(type) ? this.parents.get(at) : undefined) {
      const bound = at.attr[`bind${type}`] ?? at.attr[`bind:${type}`]
      const caught = at.attr[`catch${type}`] ?? at.attr[`catch:${type}`]
      const method = (bound ?? caught) as string | undefined
      if (method) {
        const owner = this.ownerOf(at)
        const handler = owner[method]
        if (typeof handler !== 'function') throw new Error(`no handler "${method}" for ${type}`)
        const event = {
          type,
          timeStamp: Date.now(),
          target: targetInfo,
          currentTarget: { id: String(at.attr.id ?? ''), dataset: dataset(at) },
          detail,
          mark: {},
          touches: [],
          changedTouches: [],
        }
        handled = true
        this.guard(() => (handler as (e: object) => unknown).call(owner, event))
      }
      if (caught) break
    }
    if (!handled)
      throw new Error(`nothing handles ${type} on <${target.tag}> "${textOf(target).slice(0, 40)}"`)
    this.throwIfCrashed()
  }
}

/** WeChat's dataset: `data-foo-bar` → `fooBar` */
function dataset(node: VNode): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node.attr)) {
    if (key.startsWith('data-'))
      out[key.slice(5).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = value
  }
  return out
}

/** setData's data paths: `a.b`, `a[0].c`, and Taro's `root.cn.[0].v` */
function setPath(data: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path
    .split(/\.|(?=\[)/)
    .filter(Boolean)
    .map((k) => (/^\[\d+\]$/.test(k) ? Number(k.slice(1, -1)) : k))
  let at = data as Record<string | number, unknown>
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      at[key] = value
      return
    }
    if (at[key] === null || typeof at[key] !== 'object') at[key] = typeof keys[i + 1] === 'number' ? [] : {}
    at = at[key] as Record<string | number, unknown>
  })
}

/** what crosses from the logic layer to the render layer is JSON */
function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T)
}

/** an Error of either realm */
function isError(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'stack' in value && 'message' in value
}

function describe(value: unknown): string {
  if (value && typeof value === 'object' && 'stack' in value && typeof value.stack === 'string')
    return value.stack
  if (value && typeof value === 'object') {
    try {
      return JSON.stringify(value)
    } catch {
      return String(value)
    }
  }
  return String(value)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
