// One labelled field of a console form, with the message the server (or the same check on the client) gave, and
// for a text with a limit, its count (「12/40」).
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import LengthCount from '@components/LengthCount'

interface Props {
  label: string
  error?: string
  /** the text typed so far and its limit */
  count?: { text: string; max: number }
  children: ReactNode
}

export default function Field({ label, error, count, children }: Props) {
  return (
    <View className="field">
      <Text className="field__label">{label}</Text>
      {children}
      {count && <LengthCount text={count.text} max={count.max} />}
      {error && <Text className="field__error">{error}</Text>}
    </View>
  )
}
