// webpack loader for the weapp build: lowers a node_modules file to ES2015 with esbuild (`?.`, `??`, object
// spread, optional catch, `**`, async functions → generators). Babel already compiles src/ and Taro's own
// packages (babel.config.js); this covers every other package, so a dependency that ships modern syntax cannot
// reach the phones (project.config.json keeps DevTools' es6/enhance off). Syntax esbuild cannot lower to ES2015
// fails the build instead of shipping.
const { transform } = require('esbuild')

module.exports = function es2015Loader(source) {
  const callback = this.async()
  transform(source, { loader: 'js', target: 'es2015', sourcefile: this.resourcePath, charset: 'utf8' }).then(
    (result) => callback(null, result.code),
    (error) => callback(error),
  )
}
