// How many places are left, emphasised when few remain: the nudge that makes people sign up now.
import { Text } from '@tarojs/components'
import './index.scss'

/** few enough to say 「仅剩」 */
export const FEW_SPOTS = 5

interface Props {
  spotsLeft: number
  waitlist?: boolean
}

export default function SpotsLabel({ spotsLeft, waitlist }: Props) {
  if (spotsLeft <= 0) {
    return <Text className="spots spots--full">{waitlist ? '已满 · 可候补' : '已满'}</Text>
  }
  if (spotsLeft <= FEW_SPOTS) return <Text className="spots spots--few">仅剩 {spotsLeft} 个名额</Text>
  return <Text className="spots">还剩 {spotsLeft} 个名额</Text>
}
