// Large text on WeChat (大字 / 关怀模式): every page of the weapp build starts with
//   <page-meta root-font-size="system" page-font-size="system"></page-meta>
// so that 1rem is the font size the reader chose in WeChat's settings (base library 2.11.0+; without it WXSS's rem
// is a 20th of the screen's width). The stylesheets write text sizes in rem (text-size() in
// src/components/theme.scss) and layout in rpx: text grows with the reader's setting, the layout holds.
// Written into the page templates here rather than with Taro's <PageMeta> component in every page: the attribute is
// there from the first frame (Taro's binds it to page data that arrives after the first render) and no page can
// forget it. The H5 build is untouched: there rem is the browser's font size by itself.
import type { IPluginContext } from '@tarojs/service'
import { sources, type Compilation } from 'webpack'

export const PAGE_META = '<page-meta root-font-size="system" page-font-size="system"></page-meta>'

interface AppJson {
  pages: string[]
  subPackages?: Array<{ root: string; pages: string[] }>
}

/** every page of app.json, as its path without extension */
export function pagesOf(app: AppJson): string[] {
  return [
    ...app.pages,
    ...(app.subPackages ?? []).flatMap((pkg) =>
      pkg.pages.map((page) => `${pkg.root.replace(/\/$/, '')}/${page}`),
    ),
  ]
}

/** a page's template with the page-meta node first (after its imports, which are not nodes) */
export function withPageMeta(wxml: string): string {
  if (wxml.includes('<page-meta'))
    throw new Error('the page already has a <page-meta>: set its font sizes there')
  const imports = /^(\s*<import\b[^>]*\/>\s*)*/.exec(wxml)?.[0] ?? ''
  return `${imports.trimEnd()}\n${PAGE_META}\n${wxml.slice(imports.length)}`
}

export default (ctx: IPluginContext) => {
  ctx.modifyBuildAssets(({ assets }: { assets: Compilation['assets'] }) => {
    if (process.env.TARO_ENV !== 'weapp') return
    const appJson = assets['app.json']
    if (!appJson) throw new Error('text-size plugin: no app.json among the weapp assets')
    for (const page of pagesOf(JSON.parse(String(appJson.source())) as AppJson)) {
      const file = `${page}.wxml`
      const template = assets[file]
      if (!template) throw new Error(`text-size plugin: no template ${file}`)
      assets[file] = new sources.RawSource(withPageMeta(String(template.source())))
    }
  })
}
