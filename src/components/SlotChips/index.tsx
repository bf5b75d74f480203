// A row of chips choosing one session or one role of a call of several slots (the check-in screen, the roster,
// 工时确认): each chip a button a keyboard reaches, pressed when chosen, named by its own words. An option of
// id '' is 「全部」. Long rows wrap; a chip's words wrap too at large text.
import { Text, View } from '@tarojs/components'
import { asButton } from '@components/a11y'
import './index.scss'

export interface SlotChoice {
  /** '' for 全部 */
  id: string
  label: string
  /** a short word after the label: 「当前」, 「已取消」 */
  note?: string
}

interface Props {
  /** what is chosen: 场次, 岗位 */
  title: string
  choices: SlotChoice[]
  value: string
  onChange: (id: string) => void
  /** the element's id (tests, anchors) */
  id?: string
  /** inside a card already: no card of its own */
  plain?: boolean
}

export default function SlotChips({ title, choices, value, onChange, id, plain }: Props) {
  return (
    <View className={`slot-chips ${plain ? 'slot-chips--plain' : ''}`} id={id}>
      <Text className="slot-chips__title">{title}</Text>
      <View className="slot-chips__row">
        {choices.map((choice) => {
          const on = choice.id === value
          return (
            <Text
              key={choice.id || 'all'}
              id={id ? `${id}-${choice.id || 'all'}` : undefined}
              className={`slot-chip ${on ? 'slot-chip--on' : ''}`}
              onClick={() => !on && onChange(choice.id)}
              {...asButton(choice.label, { pressed: on, namedByContent: true })}
            >
              {choice.note ? `${choice.label} · ${choice.note}` : choice.label}
            </Text>
          )
        })}
      </View>
    </View>
  )
}

/** The chips of a call's sessions: each its label, 「已取消」 on a cancelled one, 「当前」 on the one running or next. */
export function sessionChoices(
  sessions: { id: string; label: string; cancelled: boolean }[],
  currentId?: string,
): SlotChoice[] {
  return sessions.map((s) => ({
    id: s.id,
    label: s.label,
    note: s.cancelled ? '已取消' : s.id === currentId ? '当前' : undefined,
  }))
}
