// The `wx` object of WeChat's logic layer, as far as the mini program uses it, for the sandbox in ./sandbox.ts.
// Each asynchronous API follows WeChat's documented contract: `success`/`fail`/`complete` callbacks with an
// `errMsg` of `name:ok` or `name:fail …`, and a Promise when none of the three is given. Cloud functions go to
// the local WeChat Cloud's H5 door as the current persona (WeChat adds the caller's OPENID itself).
// Navigation is handed to the sandbox, which loads the target page.

/** What a page asked WeChat to show or do, in order: toasts, modals, subscriptions, clipboard … */
export interface WxRecord {
  api: string
  args: Record<string, unknown>
}

export interface WxHost {
  /** the local cloud's base URL (its H5 door is `POST /functions/:name`) */
  cloudUrl: string
  /** the signed-in WeChat user */
  openid(): string
  navigate(kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch', url: string): Promise<void>
  navigateBack(delta: number): Promise<void>
  /** the answer the person gives to a modal (default: confirm) */
  modalAnswer(args: Record<string, unknown>): boolean
  /** what the camera sees when the page scans a code (undefined: the person cancels) */
  scan(): string | undefined
  /** counts calls in flight, so the sandbox knows when the page is idle */
  track<T>(work: Promise<T>): Promise<T>
}

type Options = Record<string, unknown> & {
  success?: (res: unknown) => void
  fail?: (err: unknown) => void
  complete?: (res: unknown) => void
}

/** An asynchronous wx API from its implementation: callbacks or a Promise, as WeChat does. */
function asyncApi(name: string, impl: (opts: Options) => unknown | Promise<unknown>) {
  return (opts: Options = {}) => {
    const outcome = Promise.resolve()
      .then(() => impl(opts))
      .then(
        (res) => ({ ok: true, res: { errMsg: `${name}:ok`, ...(res as object) } }),
        (err: unknown) => ({
          ok: false,
          res: { errMsg: `${name}:fail ${err instanceof Error ? err.message : String(err)}` },
        }),
      )
    if (!opts.success && !opts.fail && !opts.complete) {
      return outcome.then(({ ok, res }) => (ok ? res : Promise.reject(res)))
    }
    outcome.then(({ ok, res }) => {
      if (ok) opts.success?.(res)
      else opts.fail?.(res)
      opts.complete?.(res)
    })
    return undefined
  }
}

export interface FakeWx {
  wx: Record<string, unknown>
  records: WxRecord[]
  storage: Map<string, unknown>
  /** wx APIs the code looked up that this fake does not offer (a real phone may have them: add them here) */
  missing: Set<string>
}

export function createWx(host: WxHost): FakeWx {
  const records: WxRecord[] = []
  const storage = new Map<string, unknown>()
  const record = (api: string) => (opts: Options) => {
    const { success: _s, fail: _f, complete: _c, ...args } = opts
    records.push({ api, args })
    return {}
  }
  // storage keeps what JSON keeps, as WeChat's does
  const keep = (value: unknown) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)))
  const systemInfo = {
    brand: 'sandbox',
    model: 'iPhone 12',
    pixelRatio: 2,
    screenWidth: 375,
    screenHeight: 667,
    windowWidth: 375,
    windowHeight: 603,
    statusBarHeight: 20,
    language: 'zh_CN',
    version: '8.0.50',
    system: 'iOS 17.0',
    platform: 'ios',
    SDKVersion: '3.5.0',
    safeArea: { left: 0, right: 375, top: 20, bottom: 667, width: 375, height: 647 },
  }
  const launchOptions = { path: 'pages/calls/index', query: {}, scene: 1001, referrerInfo: {} }

  const wx: Record<string, unknown> = {
    env: { USER_DATA_PATH: 'wxfile://usr' },
    cloud: {
      init: () => undefined,
      callFunction: asyncApi('cloud.callFunction', async (opts) => {
        const name = String(opts.name)
        const res = await host.track(
          fetch(`${host.cloudUrl}/functions/${encodeURIComponent(name)}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-wx-openid': host.openid() },
            body: JSON.stringify(opts.data ?? {}),
          }),
        )
        const text = await host.track(res.text())
        if (res.status !== 200) throw new Error(`-504002 functions execute fail (${res.status}: ${text})`)
        return { result: JSON.parse(text), requestID: 'sandbox' }
      }),
    },

    // storage, in memory
    getStorageSync: (key: string) => (storage.has(key) ? keep(storage.get(key)) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, keep(value)),
    removeStorageSync: (key: string) => void storage.delete(key),
    clearStorageSync: () => storage.clear(),
    getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
    getStorage: asyncApi('getStorage', (o) => {
      if (!storage.has(String(o.key))) throw new Error('data not found')
      return { data: keep(storage.get(String(o.key))) }
    }),
    setStorage: asyncApi('setStorage', (o) => void storage.set(String(o.key), keep(o.data))),
    removeStorage: asyncApi('removeStorage', (o) => void storage.delete(String(o.key))),
    clearStorage: asyncApi('clearStorage', () => storage.clear()),

    // the device
    getSystemInfoSync: () => ({ ...systemInfo }),
    getSystemInfo: asyncApi('getSystemInfo', () => ({ ...systemInfo })),
    getWindowInfo: () => ({ ...systemInfo }),
    getDeviceInfo: () => ({ ...systemInfo }),
    getAppBaseInfo: () => ({ ...systemInfo }),
    getMenuButtonBoundingClientRect: () => ({
      width: 87,
      height: 32,
      top: 24,
      right: 365,
      bottom: 56,
      left: 278,
    }),
    getLaunchOptionsSync: () => ({ ...launchOptions }),
    getEnterOptionsSync: () => ({ ...launchOptions }),
    getAccountInfoSync: () => ({ miniProgram: { appId: 'wxsandbox', envVersion: 'develop', version: '' } }),
    canIUse: () => true,
    onAppShow: () => undefined,
    onAppHide: () => undefined,
    onError: () => undefined,
    onUnhandledRejection: () => undefined,
    onMemoryWarning: () => undefined,
    onNetworkStatusChange: () => undefined,
    getNetworkType: asyncApi('getNetworkType', () => ({ networkType: 'wifi' })),
    setKeepScreenOn: asyncApi('setKeepScreenOn', record('setKeepScreenOn')),
    makePhoneCall: asyncApi('makePhoneCall', record('makePhoneCall')),
    setClipboardData: asyncApi('setClipboardData', record('setClipboardData')),
    getClipboardData: asyncApi('getClipboardData', () => ({ data: '' })),
    vibrateShort: asyncApi('vibrateShort', () => ({})),

    // interaction: recorded; a modal answers as the test says
    showToast: asyncApi('showToast', record('showToast')),
    hideToast: asyncApi('hideToast', () => ({})),
    showLoading: asyncApi('showLoading', record('showLoading')),
    hideLoading: asyncApi('hideLoading', () => ({})),
    showModal: asyncApi('showModal', (o) => {
      record('showModal')(o)
      const confirm = host.modalAnswer(o)
      return { confirm, cancel: !confirm }
    }),
    showActionSheet: asyncApi('showActionSheet', (o) => {
      record('showActionSheet')(o)
      return { tapIndex: 0 }
    }),
    setNavigationBarTitle: asyncApi('setNavigationBarTitle', record('setNavigationBarTitle')),
    // base library 2.12+: WeChat's own 「离开」 dialog on the back button while a form is being filled
    enableAlertBeforeUnload: asyncApi('enableAlertBeforeUnload', record('enableAlertBeforeUnload')),
    disableAlertBeforeUnload: asyncApi('disableAlertBeforeUnload', record('disableAlertBeforeUnload')),
    setNavigationBarColor: asyncApi('setNavigationBarColor', () => ({})),
    showNavigationBarLoading: asyncApi('showNavigationBarLoading', () => ({})),
    hideNavigationBarLoading: asyncApi('hideNavigationBarLoading', () => ({})),
    stopPullDownRefresh: asyncApi('stopPullDownRefresh', () => ({})),
    startPullDownRefresh: asyncApi('startPullDownRefresh', () => ({})),
    pageScrollTo: asyncApi('pageScrollTo', () => ({})),
    updateShareMenu: asyncApi('updateShareMenu', record('updateShareMenu')),
    showShareMenu: asyncApi('showShareMenu', () => ({})),
    hideShareMenu: asyncApi('hideShareMenu', () => ({})),
    showShareImageMenu: asyncApi('showShareImageMenu', record('showShareImageMenu')),
    requestSubscribeMessage: asyncApi('requestSubscribeMessage', (o) => {
      record('requestSubscribeMessage')(o)
      const ids = (o.tmplIds as string[] | undefined) ?? []
      return Object.fromEntries(ids.map((id) => [id, 'accept']))
    }),
    addPhoneCalendar: asyncApi('addPhoneCalendar', record('addPhoneCalendar')),
    openSetting: asyncApi('openSetting', () => ({ authSetting: {} })),
    getSetting: asyncApi('getSetting', () => ({ authSetting: {} })),
    getPrivacySetting: asyncApi('getPrivacySetting', () => ({
      needAuthorization: false,
      privacyContractName: '',
    })),
    requirePrivacyAuthorize: asyncApi('requirePrivacyAuthorize', () => ({})),
    onNeedPrivacyAuthorization: () => undefined,

    // what needs a person or the camera: refused here, as a person cancelling would
    scanCode: asyncApi('scanCode', () => {
      const result = host.scan()
      if (result === undefined) throw new Error('cancel')
      return { result, scanType: 'QR_CODE', charSet: 'utf-8', rawData: '' }
    }),
    chooseImage: asyncApi('chooseImage', () => Promise.reject(new Error('cancel'))),
    chooseMedia: asyncApi('chooseMedia', () => Promise.reject(new Error('cancel'))),
    chooseLocation: asyncApi('chooseLocation', () => Promise.reject(new Error('cancel'))),
    previewImage: asyncApi('previewImage', record('previewImage')),
    compressImage: asyncApi('compressImage', (o) => ({ tempFilePath: o.src })),
    saveImageToPhotosAlbum: asyncApi('saveImageToPhotosAlbum', record('saveImageToPhotosAlbum')),
    downloadFile: asyncApi('downloadFile', (o) => ({
      tempFilePath: `wxfile://tmp/${String(o.url).length}`,
      statusCode: 200,
    })),
    openDocument: asyncApi('openDocument', record('openDocument')),

    // navigation: the sandbox loads the pages
    navigateTo: asyncApi('navigateTo', (o) => host.navigate('navigateTo', String(o.url))),
    redirectTo: asyncApi('redirectTo', (o) => host.navigate('redirectTo', String(o.url))),
    switchTab: asyncApi('switchTab', (o) => host.navigate('switchTab', String(o.url))),
    reLaunch: asyncApi('reLaunch', (o) => host.navigate('reLaunch', String(o.url))),
    navigateBack: asyncApi('navigateBack', (o) => host.navigateBack(Number(o.delta ?? 1))),

    // layout queries: nothing is laid out in the logic layer; answer with empty boxes
    createSelectorQuery: () => createSelectorQuery(),
    createIntersectionObserver: () => ({
      relativeToViewport: () => ({ observe: () => undefined }),
      disconnect: () => undefined,
    }),
    nextTick: (fn: () => void) => void Promise.resolve().then(fn),
    reportAnalytics: () => undefined,
    getUpdateManager: () => ({
      onCheckForUpdate: () => undefined,
      onUpdateReady: () => undefined,
      onUpdateFailed: () => undefined,
    }),
  }

  const missing = new Set<string>()
  const proxy = new Proxy(wx, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !(key in target) && key !== 'webpackJsonp') missing.add(key)
      return Reflect.get(target, key, receiver)
    },
  })
  return { wx: proxy, records, storage, missing }
}

/** `wx.createSelectorQuery()`: chains as WeChat's does; every box is empty (nothing is laid out here). */
function createSelectorQuery() {
  const results: unknown[] = []
  const node = () => ({
    boundingClientRect(cb?: (r: unknown) => void) {
      results.push({ cb, value: { width: 0, height: 0, top: 0, left: 0, right: 0, bottom: 0 } })
      return query
    },
    scrollOffset(cb?: (r: unknown) => void) {
      results.push({ cb, value: { scrollTop: 0, scrollLeft: 0 } })
      return query
    },
    fields(_f: unknown, cb?: (r: unknown) => void) {
      results.push({ cb, value: {} })
      return query
    },
    node(cb?: (r: unknown) => void) {
      results.push({ cb, value: { node: null } })
      return query
    },
  })
  const query = {
    in: () => query,
    select: node,
    selectAll: node,
    selectViewport: node,
    exec(cb?: (r: unknown[]) => void) {
      setTimeout(() => {
        const values = results.map((r) => {
          const { cb: each, value } = r as { cb?: (v: unknown) => void; value: unknown }
          each?.(value)
          return value
        })
        cb?.(values)
      }, 0)
    },
  }
  return query
}
