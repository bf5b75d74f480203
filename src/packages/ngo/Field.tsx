// One labelled field of a console form, with the message the server (or the same check on the client) gave, and
// for a text with a limit, its count (「12/40」). A text field given as the child is named by the label for screen
// readers (the label is shown beside it, not tied to it).
import { Input, Text, Textarea, View } from '@tarojs/components'
import { Children, cloneElement, isValidElement, type ReactNode } from 'react'
import LengthCount from '@components/LengthCount'
import { asField } from '@components/a11y'

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
      {Children.map(children, (child) =>
        isValidElement(child) && (child.type === Input || child.type === Textarea)
          ? cloneElement(child, asField(label, child.type === Textarea ? 'textarea' : 'input'))
          : child,
      )}
      {count && <LengthCount text={count.text} max={count.max} />}
      {error && <Text className="field__error">{error}</Text>}
    </View>
  )
}
