// A quiet way, at the bottom of 我的, to 隐私与数据 (where a volunteer deletes their data).
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { asButton, decorative } from '@components/a11y'
import './index.scss'

export const PRIVACY_PAGE_URL = '/packages/volunteer/privacy/index'

export default function PrivacyEntry() {
  return (
    <View
      className="privacy-entry"
      id="privacy-entry"
      onClick={() => Taro.navigateTo({ url: PRIVACY_PAGE_URL })}
      {...asButton('隐私与数据')}
    >
      <Text>隐私与数据</Text>
      <Text className="privacy-entry__arrow" {...decorative()}>
        ›
      </Text>
    </View>
  )
}
