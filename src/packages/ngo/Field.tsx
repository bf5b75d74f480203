// One labelled field of a console form, with the message the server (or the same check on the client) gave.
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

interface Props {
  label: string
  error?: string
  children: ReactNode
}

export default function Field({ label, error, children }: Props) {
  return (
    <View className="field">
      <Text className="field__label">{label}</Text>
      {children}
      {error && <Text className="field__error">{error}</Text>}
    </View>
  )
}
