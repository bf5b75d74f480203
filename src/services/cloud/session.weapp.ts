// On WeChat every visitor is signed in, except in the single-page mode of a page shared to Moments
// (scene 1154): no login, no forms, read-only.
import Taro from '@tarojs/taro'

const SINGLE_PAGE_MODE_SCENE = 1154

export function isAnonymous(): boolean {
  return Taro.getLaunchOptionsSync().scene === SINGLE_PAGE_MODE_SCENE
}
