// Taro build config for both targets: the WeChat mini program (weapp) and the browser build (h5)
// that the local emulator serves. Output goes to dist/<target> so the two never overwrite each other.
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { cloudEnvId } from './cloud-env'
import { StartPageEarlyPlugin } from './start-page-early'

/**
 * WeChat DevTools opens the repo root and reads project.config.json (appid `touristappid`, committed).
 * A real AppID comes from WX_APPID at build time and goes into project.private.config.json, which DevTools
 * lets override the shared file and which stays out of git.
 */
function applyAppId(): void {
  const appid = process.env.WX_APPID
  if (!appid) return
  const file = resolve(__dirname, '..', 'project.private.config.json')
  writeFileSync(file, JSON.stringify({ appid }, null, 2) + '\n')
  // Taro also copies project.config.json into dist/weapp, taking the appid from TARO_APP_ID
  process.env.TARO_APP_ID = appid
}

/** Taro reports a config that throws as 「找不到项目配置文件」, which hides the reason: say it and stop. */
function cloudEnvIdOrExit(): string {
  try {
    return cloudEnvId(process.env)
  } catch (err) {
    console.error(`\n✗ ${err instanceof Error ? err.message : err}\n`)
    process.exit(1)
  }
}

/** The page the app opens on without a route: app.config.ts's first page, and its tab bar's first tab. */
const FIRST_PAGE = 'pages/calls/index'

/** The node_modules files that Taro's own script rule already sends through Babel (its include pattern). */
const TARO_PACKAGES = /(?<=node_modules[\\/]).*taro/

export default defineConfig<'webpack5'>(async (merge) => {
  const isH5 = process.env.TARO_ENV === 'h5'
  // where calls' public files are read (src/services/calls/public-call.*): the storage's CDN address,
  // https://<bucket>.tcb.qcloud.la (README: deploying); the browser build served by the local cloud reads its
  // storage, a weapp built without it reads none (its pages ask the function alone)
  const publicFilesBase =
    process.env.PUBLIC_FILES_BASE || (isH5 ? `${process.env.H5_API_BASE || ''}/_storage` : '')
  if (process.env.TARO_ENV === 'weapp') applyAppId()
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'jushou',
    date: '2025-1-1',
    // NutUI components are drawn at 375px; our own styles at 750 (rpx-like)
    designWidth(input) {
      const file = typeof input === 'object' ? input.file : undefined
      if (file && file.replace(/\\+/g, '/').includes('@nutui')) return 375
      return 750
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist/h5' : 'dist/weapp',
    // text follows the reader's font size: <page-meta root-font-size="system"> on every weapp page
    plugins: [resolve(__dirname, 'text-size-plugin.ts')],
    defineConstants: {
      // values are inlined as code (webpack DefinePlugin), hence JSON.stringify
      // required for a weapp build meant for upload; local builds get a placeholder (config/cloud-env.ts)
      CLOUD_ENV_ID: JSON.stringify(cloudEnvIdOrExit()),
      // '' = the same origin that served the H5 app (the emulator)
      H5_API_BASE: JSON.stringify(process.env.H5_API_BASE || ''),
      PUBLIC_FILES_BASE: JSON.stringify(publicFilesBase),
    },
    // WeChat search reads which pages it may index from sitemap.json (app.config.ts: sitemapLocation)
    copy: {
      patterns: isH5 ? [] : [{ from: 'src/sitemap.json', to: 'dist/weapp/sitemap.json' }],
      options: {},
    },
    // Production builds (taro build; npm start and npm test build so too) minify JS with terser (Taro's settings,
    // which add no syntax newer than their input: babel.config.js decides that) and WXSS with csso. Watch builds
    // (NODE_ENV development) stay readable: Taro adds no minimizer outside production. DevTools' own `minified`
    // stays off in project.config.json: the files are minified already.
    // On WeChat, string literals stay UTF-8 (Taro's ascii_only writes 汉字 as 6-byte \uXXXX escapes): a mini program's
    // files are UTF-8, as every hand-written page's are, and the weapp package is 16 KB smaller for it. The browser build
    // keeps the escapes (it arrives compressed, where they cost little).
    terser: { enable: true, config: isH5 ? {} : { output: { ascii_only: false } } },
    csso: { enable: true },
    framework: 'react',
    compiler: 'webpack5',
    // a shared node_modules and several builders: no persistent cache to go stale
    cache: { enable: false },
    mini: {
      // modules only subpackages use move out of the main package (≤ 2 MB), as Taro does by default
      optimizeMainPackage: { enable: true },
      // Not minifyXML: its html-minifier drops `</input>` from base.wxml (a void element in HTML) and WeChat's wcc
      // then refuses the file ("expect end-tag `input`"); it saved 1.8 KB.
      // component styles are BEM-scoped, so their order across chunks does not matter
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        // ES2015 for phones: Babel compiles src/ and Taro's packages (babel.config.js), esbuild every other package
        chain.module
          .rule('node-modules-es2015')
          .test(/\.m?js$/)
          .include.add(/node_modules/)
          .end()
          .exclude.add(TARO_PACKAGES)
          .end()
          .use('es2015')
          .loader(resolve(__dirname, 'es2015-loader.js'))
      },
    },
    h5: {
      publicPath: '/',
      // View, Text, Image, Input, Button, ScrollView and Picker as React components drawing plain HTML, not Taro's web
      // components (Stencil custom elements that each hydrate on connect): the list's first screen costs the phone
      // about a sixth less script. Textarea, Switch and the rest stay web components.
      useHtmlComponents: true,
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        // layout in CSS px (750-wide design px / 2), not Taro's rem on a root sized from the screen's width: rem
        // stays the browser's font size, which the text sizes follow (text-size() in src/components/theme.scss).
        // postcss-pxtransform and Taro's runtime take 'px' for h5; Taro's config type lists only rpx, vw and rem
        pxtransform: { enable: true, config: { targetUnit: 'px' as 'rem' } },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        // the app is served locally by the emulator; webpack's 244 KiB web hint is noise here
        chain.performance.hints(false)
        // the first page in the app's own script (config/first-page-in-app-loader.js); Taro's loader generates the
        // entry from app.config.ts
        chain.module
          .rule('first-page-in-app')
          .test(/[\\/]src[\\/]app\.config\.ts$/)
          .use('first-page-in-app')
          .loader(resolve(__dirname, 'first-page-in-app-loader.js'))
          .options({ page: FIRST_PAGE })
        // Taro's stylesheets beneath the app's (config/base-layer-loader.js)
        const layers: Array<[name: string, stylesheet: RegExp]> = [
          [
            'taro-base',
            /@tarojs[\\/]components[\\/](global\.css|dist[\\/]taro-components[\\/]taro-components\.css)$/,
          ],
          ['taro-components', /@tarojs[\\/]components-react[\\/]dist[\\/]index\.css$/],
        ]
        for (const [layer, stylesheet] of layers) {
          chain.module
            .rule(`layer-${layer}`)
            .test(stylesheet)
            .enforce('pre')
            .use('base-layer')
            .loader(resolve(__dirname, 'base-layer-loader.js'))
            .options({ layer })
        }
        // the page a link opens: its files preloaded, the list's calls asked for, before the app's code has run
        chain.plugin('start-page-early').use(StartPageEarlyPlugin, [
          {
            firstPage: FIRST_PAGE,
            sourceDir: resolve(__dirname, '..', 'src'),
            publicPath: '/',
            // the global is the one src/services/calls/first-page.h5.ts takes the reply from
            early: {
              url: `${process.env.H5_API_BASE || ''}/functions/api`,
              global: '__jushouFirstPage',
              requests: { [FIRST_PAGE]: { action: 'listCalls' } },
            },
            // a shared call's page: its public file (src/core/calls/public-file.ts: the folder, the address's period)
            callFile: publicFilesBase
              ? {
                  page: 'pages/call-detail/index',
                  folderUrl: `${publicFilesBase}/public/calls/`,
                  freshMs: 10_000,
                  global: '__jushouCallFile',
                }
              : undefined,
          },
        ])
      },
    },
  }
  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, { logger: { quiet: false, stats: true } })
  }
  return baseConfig
})
