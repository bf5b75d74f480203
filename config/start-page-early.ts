// The browser build loads each page's code only when the router asks for it, and the router asks only after the
// app's own code has arrived and run; the list then asked the cloud for its calls only once that code ran too. On a
// phone's 4G the page a link opens (the list, or the call a friend shared) waited for two round trips that could
// have started with the first. This plugin writes into index.html a short script that, before the app's code runs:
// - asks the browser to preload the files of the page in the address (its scripts and stylesheets): the router
//   then finds them downloaded or on the way. Pages of subpackages too: an organizer's link (a roster, a check-in)
//   opens straight on one. (The list has no files of its own: config/first-page-in-app-loader.js makes it part of
//   the app's script.);
// - for a page whose first request is the same for everyone (the list's first page: `listCalls` answers everyone
//   alike), sends it, and leaves the reply's promise at `window[earlyReplyGlobal]` for the app to take
//   (src/services/calls/first-page.h5.ts) instead of asking again.
import HtmlWebpackPlugin from 'html-webpack-plugin'
import { resolve } from 'node:path'
import type { Compilation, Compiler } from 'webpack'

const NAME = 'StartPageEarly'

/** page path (as app.config names it) → the files of its chunks that index.html does not load already */
export type PageFiles = Record<string, string[]>

export interface StartPageOptions {
  /** the page an address without a route opens */
  firstPage: string
  /** where app.config's page paths start */
  sourceDir: string
  publicPath: string
  /** the api function's address, and per page the request its first frame needs, the same for every visitor */
  early: { url: string; global: string; requests: Record<string, object> }
  /**
   * A call's page opened by a shared link (`page` with `?id=`): its public file read from `folderUrl` + id + `.json`
   * (the address changing every `freshMs`, as src/core/calls/public-file.ts's publicCallUrl makes it), the read left at
   * `window[global]` as `{ id, at, file }` for src/services/calls/public-call.h5.ts. Absent: no storage to read.
   */
  callFile?: { page: string; folderUrl: string; freshMs: number; global: string }
}

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
 * its files, and its early request sent. Kept tiny and in ES5: it runs before anything else, on every browser the
 * app supports. A failed early request is the app's to handle, as any failed request.
 */
export function startPageScript(files: PageFiles, options: StartPageOptions): string {
  const { firstPage, publicPath, early, callFile } = options
  const json = JSON.stringify
  // the call's id as the page reads it (?id=…), only if it is one (looksLikeId in src/core/shared/validation.ts)
  const readCallFile = callFile
    ? `var m=r===${json(callFile.page)}&&/[?&]id=([A-Za-z0-9_-]{1,32})(&|$)/.exec(location.hash);` +
      `if(m&&window.fetch){var t=Date.now();window[${json(callFile.global)}]={id:m[1],at:t,` +
      `file:fetch(${json(callFile.folderUrl)}+m[1]+'.json?v='+Math.floor(t/${callFile.freshMs}))` +
      `.then(function(s){return s.ok?s.json():null})['catch'](function(){return null})}}`
    : ''
  return (
    `(function(f,q,p){var r=location.hash.replace(/^#\\/?/,'').split('?')[0]||${json(firstPage)};` +
    `(f[r]||[]).forEach(function(u){var l=document.createElement('link');l.rel='preload';` +
    `l.as=/\\.css$/.test(u)?'style':'script';l.href=p+u;document.head.appendChild(l)});` +
    `if(q[r]&&window.fetch)window[${json(early.global)}]=fetch(${json(early.url)},{method:'POST',` +
    `headers:{'content-type':'application/json'},body:JSON.stringify(q[r])}).then(function(s){return s.json()});` +
    `${readCallFile}})` +
    `(${json(files)},${json(early.requests)},${json(publicPath)})`
  )
}

export class StartPageEarlyPlugin {
  constructor(private readonly options: StartPageOptions) {}

  apply(compiler: Compiler): void {
    compiler.hooks.compilation.tap(NAME, (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap(NAME, (data) => {
        const script = startPageScript(pageFiles(compilation, this.options.sourceDir), this.options)
        // first in <head>: the preloads and the request start before the app's own scripts are even parsed
        data.headTags.unshift(HtmlWebpackPlugin.createHtmlTagObject('script', {}, script))
        return data
      })
    })
  }
}
