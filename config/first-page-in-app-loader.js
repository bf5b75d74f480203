// webpack loader for the browser build, run on the app's entry as Taro's loader generated it (the router's table
// of pages, each `load`ed by `import("./pages/…")`): the page the app opens on without a route becomes part of
// the app's own script (webpack's eager mode: no chunk, the import's promise already resolved). Loaded on its own,
// its script ran only after the browser had drawn the empty app once (the tab bar, a layout, the load event):
// about 200 ms on a slow phone before the list could even start to render.
module.exports = function firstPageInAppLoader(source) {
  const { page } = this.getOptions()
  const lazy = `import("./${page}")`
  if (!source.includes(lazy)) {
    throw new Error(
      `first-page-in-app-loader: the app entry has no ${lazy}; Taro's generated entry has changed`,
    )
  }
  return source.replace(lazy, `import(/* webpackMode: "eager" */ "./${page}")`)
}
