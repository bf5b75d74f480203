import { View } from '@tarojs/components'
export default function CallsPage() {
  return <View>calls</View>
}
