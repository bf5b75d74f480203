// Radio or checkbox options drawn the same way on WeChat and in the browser (the native ones differ).
import { Text, View } from '@tarojs/components'
import Icon from '@components/Icon'
import { asCheckbox } from '@components/a11y'

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
            onClick={() => toggle(option)}
            {...asCheckbox(option, on, multiple ? 'checkbox' : 'radio')}
          >
            <View className={`choice__mark ${multiple ? 'choice__mark--square' : ''}`}>
              {on && <Icon name="check" size={24} color="white" />}
            </View>
            <Text className="choice__text">{option}</Text>
          </View>
        )
      })}
    </View>
  )
}
