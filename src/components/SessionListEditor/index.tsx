// The organizer's list of 场次 / 批次 for a new call: each with its day, start and end (and maybe its own place);
// add one (the day after the last), copy one to the same time a week later, remove one. Errors as validateCallForm
// gives them: `sessions` for the list, `sessions.<i>` for one session.
import { Button, Input, Text, View } from '@tarojs/components'
import type { SessionForm } from '@core/calls/contract'
import { DAY_MS } from '@core/shared/china-time'
import { sessionTime } from '@core/calls/session-text'
import { SESSION_NAME_MAX_LENGTH } from '@core/calls/session-form'
import { asField } from '@components/a11y'
import PickerChip from '@components/PickerChip'
import { dateOf, endAtTime, moveStart, timeOf, WEEK_MS } from '@components/session-time'
import '../session-editor.scss'

interface Props {
  sessions: SessionForm[]
  errors: Record<string, string | undefined>
  onChange: (sessions: SessionForm[]) => void
}

/** 「第 3 场」 */
export const sessionName = (i: number) => `第 ${i + 1} 场`

export default function SessionListEditor({ sessions, errors, onChange }: Props) {
  const update = (i: number, patch: Partial<SessionForm>) =>
    onChange(sessions.map((s, j) => (j === i ? { ...s, ...patch } : s)))
  const add = () => {
    const last = sessions.reduce((a, b) => (b.startAt > a.startAt ? b : a), sessions[0])
    onChange([...sessions, { startAt: last.startAt + DAY_MS, endAt: last.endAt + DAY_MS }])
  }
  const copyToNextWeek = (i: number) => {
    // the copy keeps the time and place, not the name: 「第一批」 a week later is another batch
    const { name: _name, ...s } = sessions[i]
    const copy = { ...s, startAt: s.startAt + WEEK_MS, endAt: s.endAt + WEEK_MS }
    onChange([...sessions.slice(0, i + 1), copy, ...sessions.slice(i + 1)])
  }
  const remove = (i: number) => onChange(sessions.filter((_, j) => j !== i))

  return (
    <View className="session-list-editor">
      {sessions.map((s, i) => {
        const name = s.name || sessionName(i)
        const error = errors[`sessions.${i}`]
        return (
          <View key={i} className="plan-item session-list-editor__item">
            <View className="plan-item__head">
              <Text className="plan-item__title">{name}</Text>
              <Text className="plan-item__meta">{sessionTime(s)}</Text>
            </View>
            <Input
              className="plan-input"
              maxlength={SESSION_NAME_MAX_LENGTH}
              placeholder="场次名称（选填，如 第一批）"
              value={s.name ?? ''}
              onInput={(e) => update(i, { name: e.detail.value || undefined })}
              {...asField(`${sessionName(i)} 名称（选填）`)}
            />
            <View className="plan-times">
              <PickerChip
                mode="date"
                label={`${name} 日期`}
                value={dateOf(s.startAt)}
                onChange={(date) => update(i, moveStart(s, date, timeOf(s.startAt)))}
              />
              <PickerChip
                mode="time"
                label={`${name} 开始时间`}
                value={timeOf(s.startAt)}
                onChange={(time) => update(i, moveStart(s, dateOf(s.startAt), time))}
              />
              <Text className="plan-to">至</Text>
              <PickerChip
                mode="time"
                label={`${name} 结束时间`}
                value={timeOf(s.endAt)}
                onChange={(time) => update(i, { endAt: endAtTime(s.startAt, time) })}
              />
            </View>
            <Input
              className="plan-input"
              placeholder="本场地点（选填，不填则用活动地址）"
              value={s.address ?? ''}
              onInput={(e) => update(i, { address: e.detail.value || undefined })}
              {...asField(`${name} 地点（选填）`)}
            />
            {error && <Text className="plan-error">{error}</Text>}
            <View className="plan-actions">
              <Button className="plan-button" onClick={() => copyToNextWeek(i)}>
                复制到下周
              </Button>
              <Button
                className="plan-button plan-button--danger"
                disabled={sessions.length <= 1 || undefined}
                onClick={() => remove(i)}
              >
                删除
              </Button>
            </View>
          </View>
        )
      })}
      {errors.sessions && <Text className="plan-error">{errors.sessions}</Text>}
      <Button className="plan-button plan-button--add" onClick={add}>
        添加场次
      </Button>
    </View>
  )
}
