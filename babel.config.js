// babel-preset-taro: React + TypeScript for the webpack5 runner
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
}
