// The way to 证书查验 for anyone, signed in or not: a school or an employer holding a 志愿服务证明 finds it on 我的
// and on every NGO's profile.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { asButton } from '@components/a11y'
import './index.scss'

export const VERIFY_PAGE_URL = '/packages/volunteer/verify/index'

export default function VerifyEntry({ hint = '核验志愿服务证明的真伪' }: { hint?: string }) {
  return (
    <View
      className="verify-entry"
      id="verify-entry"
      onClick={() => Taro.navigateTo({ url: VERIFY_PAGE_URL })}
      {...asButton(`证书查验，${hint}`)}
    >
      <Text>证书查验</Text>
      <Text className="verify-entry__hint">{hint} ›</Text>
    </View>
  )
}
