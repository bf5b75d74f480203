// The browser build loads each page's code only when the router asks for it, and the router asks only after the
// app's own code has arrived and run: on a phone's 4G the page the link opens (the list, or the call a friend shared)
// waits for a second download that could have started with the first. This plugin writes into index.html a short
// script that, before the app's code runs, asks the browser to preload the files of the page in the address (its
// scripts and stylesheets): the router then finds them downloaded or on the way. Pages of subpackages are not
// preloaded too: an organizer's link (a roster, a check-in) opens straight on one.
import HtmlWebpackPlugin from 'html-webpack-plugin'
import { resolve } from 'node:path'
import type { Compilation, Compiler } from 'webpack'

const NAME = 'PreloadStartPage'

/** page path (as app.config names it) → the files of its chunks that index.html does not load already */
export type PageFiles = Record<string, string[]>

/**
 * The files each page's chunk group needs beyond the entry's. Taro's app loader imports every page as
 * `import("./<page>")` from the source folder: the chunk group's origin request, resolved, names the page.
 */
export function pageFiles(compilation: Compilation, sourceDir: string): PageFiles {
  const initial = new Set<string>()
  for (const chunk of compilation.chunks)
    if (chunk.canBeInitial()) for (const file of chunk.files) initial.add(file)
  const root = normalize(sourceDir + '/')
  const result: PageFiles = {}
  for (const group of compilation.chunkGroups) {
    for (const origin of group.origins) {
      const context = (origin.module as { context?: string } | undefined)?.context ?? ''
      const request = normalize(resolve(context, origin.request ?? ''))
      if (!request.startsWith(root)) continue
      const page = request.slice(root.length)
      const files = group.chunks
        .flatMap((chunk) => [...chunk.files])
        .filter((file) => /\.(js|css)$/.test(file) && !initial.has(file))
      if (files.length) result[page] = [...new Set([...(result[page] ?? []), ...files])]
    }
  }
  return result
}

function normalize(path: string): string {
  return path.replace(/\\/g, '/').replace(/\/+/g, '/')
}

/**
 * The inline script: the hash route's page (the first page when there is none) → <link rel="preload"> for each of
 * its files. Kept tiny and in ES5: it runs before anything else, on every browser the app supports.
 */
export function preloadScript(files: PageFiles, firstPage: string, publicPath: string): string {
  return (
    `(function(f,p){var r=location.hash.replace(/^#\\/?/,'').split('?')[0]||${JSON.stringify(firstPage)};` +
    `(f[r]||[]).forEach(function(u){var l=document.createElement('link');l.rel='preload';` +
    `l.as=/\\.css$/.test(u)?'style':'script';l.href=p+u;document.head.appendChild(l)})})` +
    `(${JSON.stringify(files)},${JSON.stringify(publicPath)})`
  )
}

export class PreloadStartPagePlugin {
  constructor(private readonly options: { firstPage: string; sourceDir: string; publicPath: string }) {}

  apply(compiler: Compiler): void {
    compiler.hooks.compilation.tap(NAME, (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap(NAME, (data) => {
        const { firstPage, sourceDir, publicPath } = this.options
        const script = preloadScript(pageFiles(compilation, sourceDir), firstPage, publicPath)
        // first in <head>: the preloads start before the app's own scripts are even parsed
        data.headTags.unshift(HtmlWebpackPlugin.createHtmlTagObject('script', {}, script))
        return data
      })
    })
  }
}
