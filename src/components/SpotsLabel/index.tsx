// How many places are left, emphasised when few remain: the nudge that makes people sign up now.
import { Text } from '@tarojs/components'
import './index.scss'

/** few enough to say 「仅剩」 */
export const FEW_SPOTS = 5

interface Props {
  spotsLeft: number
  waitlist?: boolean
}

/** the label's words */
export function spotsText(spotsLeft: number, waitlist?: boolean): string {
  if (spotsLeft <= 0) return waitlist ? '已满 · 可候补' : '已满'
  return spotsLeft <= FEW_SPOTS ? `仅剩 ${spotsLeft} 个名额` : `还剩 ${spotsLeft} 个名额`
}

export default function SpotsLabel({ spotsLeft, waitlist }: Props) {
  const modifier = spotsLeft <= 0 ? 'spots--full' : spotsLeft <= FEW_SPOTS ? 'spots--few' : ''
  return <Text className={`spots ${modifier}`}>{spotsText(spotsLeft, waitlist)}</Text>
}
