// Radio or checkbox options drawn the same way on WeChat and in the browser (the native ones differ).
import { Text, View } from '@tarojs/components'

interface Props {
  options: readonly string[]
  chosen: readonly string[]
  multiple: boolean
  onChange: (chosen: string[]) => void
}

export default function ChoiceList({ options, chosen, multiple, onChange }: Props) {
  const toggle = (option: string) => {
    if (!multiple) return onChange([option])
    // keep the organizer's order, whatever order the taps came in
    const next = chosen.includes(option) ? chosen.filter((c) => c !== option) : [...chosen, option]
    onChange(options.filter((o) => next.includes(o)))
  }
  return (
    <View className="choice-list" role={multiple ? 'group' : 'radiogroup'}>
      {options.map((option) => {
        const on = chosen.includes(option)
        return (
          <View
            key={option}
            className={`choice ${on ? 'choice--on' : ''}`}
            role={multiple ? 'checkbox' : 'radio'}
            aria-checked={on}
            onClick={() => toggle(option)}
          >
            <View className={`choice__mark ${multiple ? 'choice__mark--square' : ''}`}>
              {on && <Text className="choice__tick">✓</Text>}
            </View>
            <Text className="choice__text">{option}</Text>
          </View>
        )
      })}
    </View>
  )
}
