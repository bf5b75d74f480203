import { View } from '@tarojs/components'
export default function Page() {
  return <View>call-detail</View>
}
