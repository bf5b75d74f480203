// WeChat's screen reader reads `aria-role`, `aria-label` and `aria-hidden` on any component (WeChat's
// aria-component), but Taro's weapp template only writes the attributes it knows of, and it knows none of these
// for WeChat (they are typed as QQ's). This plugin adds them to the template of the components we label, so the
// Taro props ariaRole, ariaLabel and ariaHidden (src/components/a11y.weapp.ts) reach the phone. The H5 build is
// untouched: there Taro's custom elements take `role` and `aria-*` attributes themselves.
import type { IPluginContext } from '@tarojs/service'

const ARIA = { 'aria-role': "''", 'aria-label': "''", 'aria-hidden': '!1', 'aria-checked': "''" }
const LABELLED = ['View', 'Text', 'Image', 'ScrollView', 'Input', 'Textarea', 'Button'] as const

interface MiniPlatform {
  template?: {
    mergeComponents?: (ctx: IPluginContext, patch: Record<string, Record<string, string>>) => void
  }
}

export default (ctx: IPluginContext) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform: MiniPlatform) {
      platform.template?.mergeComponents?.(ctx, Object.fromEntries(LABELLED.map((name) => [name, ARIA])))
    },
  })
}
