// The H5 build's dev identity: a chip on every page showing who the browser acts as; tapping it switches.
// Switching reloads the app so every page reads its data again as the new person.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PERSONAS } from '@core/shared/demo-personas'
import { currentPersona, GUEST_LABEL, type PersonaKey, setPersonaKey } from '@services/cloud/persona'
import { asButton, decorative } from '@components/a11y'
import './index.scss'

const CHOICES: Array<{ key: PersonaKey; label: string }> = [
  ...PERSONAS.map((p) => ({ key: p.key, label: p.label })),
  { key: 'guest', label: GUEST_LABEL },
]

export default function PersonaChip() {
  const persona = currentPersona()
  const label = persona ? persona.label : GUEST_LABEL

  const choose = async () => {
    try {
      const { tapIndex } = await Taro.showActionSheet({ itemList: CHOICES.map((c) => c.label) })
      const choice = CHOICES[tapIndex]
      if (!choice || choice.label === label) return
      setPersonaKey(choice.key)
      window.location.reload()
    } catch {
      // the sheet was dismissed
    }
  }

  // the spacer ends every page's content with room to scroll it clear of the chip (it covered 「仅剩 1 个名额」)
  return (
    <>
      <View className="persona-chip-spacer" {...decorative()} />
      <View
        className="persona-chip"
        id="persona-chip"
        onClick={choose}
        {...asButton(`当前身份：${label}，点按切换`)}
      >
        <Text className="persona-chip__dot" {...decorative()} />
        <Text className="persona-chip__text">当前身份：{label}</Text>
      </View>
    </>
  )
}
