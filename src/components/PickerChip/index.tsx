// A date or a time of day, shown as a chip that opens the platform's picker: a named button a keyboard reaches
// (「第 2 场 日期：2025-11-29」), so a screen reader says what it sets and to what.
import { Picker, Text } from '@tarojs/components'
import { asButton } from '@components/a11y'
import '../session-editor.scss'

interface Props {
  mode: 'date' | 'time'
  /** 'YYYY-MM-DD' or 'HH:mm' */
  value: string
  /** what it sets, for screen readers: 「开始日期」 */
  label: string
  id?: string
  /** its look: the session editors' chip (default) or the console's (`chip`) */
  className?: string
  onChange: (value: string) => void
}

export default function PickerChip({ mode, value, label, id, className = 'plan-chip', onChange }: Props) {
  return (
    <Picker mode={mode} value={value} onChange={(e) => onChange(String(e.detail.value))}>
      <Text id={id} className={className} {...asButton(`${label}：${value}`)}>
        {value}
      </Text>
    </Picker>
  )
}
