// Grey placeholders shaped like call cards while the first page loads: the layout does not jump when it arrives.
import { View } from '@tarojs/components'
import './index.scss'

export default function CardSkeleton({ count = 3 }: { count?: number }) {
  return (
    <View className="card-skeleton" aria-label="加载中">
      {Array.from({ length: count }, (_, i) => (
        <View key={i} className="card-skeleton__card">
          <View className="card-skeleton__cover shimmer" />
          <View className="card-skeleton__line card-skeleton__line--title shimmer" />
          <View className="card-skeleton__line shimmer" />
          <View className="card-skeleton__line card-skeleton__line--short shimmer" />
        </View>
      ))}
    </View>
  )
}
