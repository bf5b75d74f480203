// The way into the NGO side from 我的: 「我是组织者」 for everyone signed in (it leads to registration when they
// manage no NGO yet), 「公益地图」 (the NGO directory), 「平台管理」 only for platform admins.
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { myNgo } from '@services/ngos/ngo'
import { asButton } from '@components/a11y'
import './index.scss'

export default function OrganizerEntry() {
  const [admin, setAdmin] = useState(false)
  const [ngoName, setNgoName] = useState('')

  useDidShow(() => {
    myNgo().then((result) => {
      setAdmin(result.ok && result.data.platformAdmin)
      setNgoName(result.ok ? (result.data.ngo?.name ?? '') : '')
    })
  })

  return (
    <View className="organizer-entry">
      <View
        className="organizer-entry__row"
        onClick={() => Taro.navigateTo({ url: '/packages/ngo/dashboard/index' })}
        {...asButton(`我是组织者，${ngoName || '登记机构，发布活动'}`)}
      >
        <Text>我是组织者</Text>
        <Text className="organizer-entry__hint">{ngoName || '登记机构，发布活动'} ›</Text>
      </View>
      <View
        className="organizer-entry__row"
        onClick={() => Taro.navigateTo({ url: '/packages/ngo/directory/index' })}
        {...asButton('公益地图，身边认证的公益机构')}
      >
        <Text>公益地图</Text>
        <Text className="organizer-entry__hint">身边认证的公益机构 ›</Text>
      </View>
      {admin && (
        <View
          className="organizer-entry__row"
          onClick={() => Taro.navigateTo({ url: '/packages/ngo/admin/index' })}
          {...asButton('平台管理，审核机构')}
        >
          <Text>平台管理</Text>
          <Text className="organizer-entry__hint">审核机构 ›</Text>
        </View>
      )}
    </View>
  )
}
