// babel-preset-taro: React + TypeScript for the webpack5 runner.
//
// The weapp build targets ES2015. project.config.json keeps WeChat DevTools' `es6`/`enhance` off, so DevTools
// uploads dist/weapp as it is, and what we emit is what every phone's engine must parse: iOS 10's
// JavaScriptCore and the Chromium 53 of Tencent's old X5 engine. Both run ES2015 (classes, arrows, let/const,
// generators) but not `?.`, `??`, `{...spread}`, `catch {}`, `**` or async functions, which Babel rewrites here
// (async functions become generators through @babel/runtime's helper). test/build/weapp-syntax.test.ts parses
// every built file as ES2015. The H5 build keeps package.json's modern browserslist.
const WEAPP_TARGETS = { ios: '10', chrome: '53' }

module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        ...(process.env.TARO_ENV === 'weapp' ? { targets: WEAPP_TARGETS } : {}),
      },
    ],
  ],
}
