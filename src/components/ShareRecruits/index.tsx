// 「你已带来 N 位志愿者」 on 我的: the volunteers who signed up through this person's shares and posters.
import { Text, View } from '@tarojs/components'
import Icon from '@components/Icon'
import './index.scss'

export default function ShareRecruits({ count }: { count: number }) {
  if (count <= 0) return null
  return (
    <View className="share-recruits" id="share-recruits">
      <Icon className="share-recruits__icon" name="people" size={36} color="brand" />
      <Text className="share-recruits__text">你已带来 {count} 位志愿者</Text>
    </View>
  )
}
