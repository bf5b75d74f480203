// On WeChat every visitor is signed in, except in the single-page mode of a page shared to Moments
// (scene 1154): no login, no forms, read-only.
import Taro from '@tarojs/taro'

const SINGLE_PAGE_MODE_SCENE = 1154

export function isAnonymous(): boolean {
  return Taro.getLaunchOptionsSync().scene === SINGLE_PAGE_MODE_SCENE
}

// anonymous on WeChat: the single-page mode, whose bottom bar offers 「前往小程序」
export const PREVIEW_HINT = '点击下方「前往小程序」即可报名'

export const SIGN_IN_HINT = '请在微信中打开举手小程序'
