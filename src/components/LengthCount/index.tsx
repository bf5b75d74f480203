// 「12/40」 under a text field: the limit is visible before it is reached, counted as the server counts
// (characters, not UTF-16 units), and marked once it is passed.
import { Text } from '@tarojs/components'
import { charCount } from '@core/shared/validation'
import './index.scss'

export default function LengthCount({ text, max }: { text: string; max: number }) {
  const count = charCount(text)
  return (
    <Text className={`length-count ${count > max ? 'length-count--over' : ''}`}>
      {count}/{max}
    </Text>
  )
}
