// webpack loader for the browser build: puts Taro's own stylesheets into cascade layers beneath the app's styles —
// its resets (`* { padding: 0 }`, `input { height: 1.4rem }`) lowest, then its components' looks. A page's
// `.action-bar__primary` then sets its button's colours whatever the specificity of Taro's
// `.taro-button-core.taro-btn-default`, as the app's classes did over the tag selectors of Taro's web components
// before, and Taro's reset cannot take the padding of Taro's own button. (@layer: Chrome 99, Safari 15.4.)
const ORDER = '@layer taro-base, taro-components;'

module.exports = function baseLayerLoader(source) {
  const { layer } = this.getOptions()
  return `${ORDER}\n@layer ${layer} {\n${source}\n}\n`
}
