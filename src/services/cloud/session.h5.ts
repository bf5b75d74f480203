// In the browser the persona picker decides: 游客 is anonymous.
import { currentPersona } from './persona'

export function isAnonymous(): boolean {
  return currentPersona() === null
}

// anonymous in the browser: 游客, until the persona chip switches
export const PREVIEW_HINT = '这是活动预览，登录后即可报名'

export const SIGN_IN_HINT = '点右下角的身份按钮，切换为志愿者'
