// Sessions made by repetition: every week on chosen weekdays (一…日) or every day, a start and end time, from a
// day, until a day or a number of times, with a live preview of the sessions it makes (「共 8 场：…」), as the
// server will make them (core/calls/repeat.ts). Errors under each control, keyed `repeat.<field>`.
import { Input, Text, View } from '@tarojs/components'
import type { RepeatRule } from '@core/model'
import { chinaWeekday } from '@core/shared/china-time'
import { sessionsFromRule, validateRepeatRule } from '@core/calls/repeat'
import { sessionLabel } from '@core/calls/session-text'
import { asCheckbox, asField } from '@components/a11y'
import PickerChip from '@components/PickerChip'
import { chinaMs, clockOf, dateOf, minuteOf, timeOf, WEEK_MS } from '@components/session-time'
import '../session-editor.scss'

/** The rule as the form holds it: both ends kept, `ends` says which one counts. */
export interface RuleDraft {
  every: 'day' | 'week'
  weekdays: number[]
  startMinute: number
  endMinute: number
  from: number
  ends: 'count' | 'until'
  count: number
  until: number
}

/** 一 … 日, Monday first as calendars in China are read; values as RepeatRule's (0 = Sunday). */
const WEEKDAYS: Array<[number, string]> = [
  [1, '一'],
  [2, '二'],
  [3, '三'],
  [4, '四'],
  [5, '五'],
  [6, '六'],
  [0, '日'],
]
/** how many sessions the preview lists before 「…」 and the last one */
const PREVIEW_LINES = 4

export function ruleOf(draft: RuleDraft): RepeatRule {
  const rule: RepeatRule = {
    every: draft.every,
    startMinute: draft.startMinute,
    endMinute: draft.endMinute,
    from: draft.from,
    ...(draft.ends === 'count' ? { count: draft.count } : { until: draft.until }),
  }
  if (draft.every === 'week') rule.weekdays = [...draft.weekdays]
  return rule
}

/** The form of a stored rule (a draft reopened): the end it does not use starts where a new rule's would. */
export function draftOf(rule: RepeatRule): RuleDraft {
  const first = ruleFrom({
    startAt: rule.from,
    endAt: rule.from + (rule.endMinute - rule.startMinute) * 60_000,
  })
  return {
    ...first,
    every: rule.every,
    weekdays: rule.weekdays ? [...rule.weekdays] : first.weekdays,
    startMinute: rule.startMinute,
    endMinute: rule.endMinute,
    from: rule.from,
    ends: rule.count !== undefined ? 'count' : 'until',
    count: rule.count ?? first.count,
    until: rule.until ?? first.until,
  }
}

/** A weekly rule on the weekday of `startAt`, at its times, 8 times. */
export function ruleFrom(session: { startAt: number; endAt: number }): RuleDraft {
  const startMinute = minuteOf(timeOf(session.startAt))
  const length = Math.round((session.endAt - session.startAt) / 60_000)
  return {
    every: 'week',
    weekdays: [chinaWeekday(session.startAt)],
    startMinute,
    endMinute: Math.min(startMinute + Math.max(length, 30), 24 * 60 - 1),
    from: session.startAt,
    ends: 'count',
    count: 8,
    until: session.startAt + 7 * WEEK_MS,
  }
}

interface Props {
  draft: RuleDraft
  /** errors keyed `repeat.<field>` (validateCallForm's) */
  errors: Record<string, string | undefined>
  onChange: (draft: RuleDraft) => void
}

export default function RepeatRuleEditor({ draft, errors, onChange }: Props) {
  const set = (patch: Partial<RuleDraft>) => onChange({ ...draft, ...patch })
  const toggleDay = (day: number) =>
    set({
      weekdays: draft.weekdays.includes(day)
        ? draft.weekdays.filter((d) => d !== day)
        : [...draft.weekdays, day],
    })
  // the rule as the server reads it: its errors show under the controls, its sessions in the preview
  const checked = validateRepeatRule(ruleOf(draft))
  const live: Record<string, string | undefined> = checked.ok
    ? {}
    : Object.fromEntries(Object.entries(checked.fields).map(([k, v]) => [`repeat.${k}`, v]))
  const error = (field: string) => live[`repeat.${field}`] ?? errors[`repeat.${field}`]
  const made = checked.ok ? sessionsFromRule(checked.value) : []
  const radio = (on: boolean, label: string, pick: () => void, id?: string) => (
    <Text
      id={id}
      className={`plan-chip ${on ? 'plan-chip--on' : ''}`}
      onClick={pick}
      {...asCheckbox(label, on, 'radio')}
    >
      {label}
    </Text>
  )

  return (
    <View className="repeat-rule-editor">
      <Text className="plan-label">重复</Text>
      <View className="plan-times">
        {radio(draft.every === 'week', '每周', () => set({ every: 'week' }), 'repeat-every-week')}
        {radio(draft.every === 'day', '每天', () => set({ every: 'day' }), 'repeat-every-day')}
      </View>
      {error('every') && <Text className="plan-error">{error('every')}</Text>}
      {draft.every === 'week' && (
        <View>
          <Text className="plan-label">每周的哪几天</Text>
          <View className="plan-times">
            {WEEKDAYS.map(([day, name]) => {
              const on = draft.weekdays.includes(day)
              return (
                <Text
                  key={day}
                  className={`plan-chip plan-day ${on ? 'plan-chip--on' : ''}`}
                  onClick={() => toggleDay(day)}
                  {...asCheckbox(`周${name}`, on)}
                >
                  {name}
                </Text>
              )
            })}
          </View>
          {error('weekdays') && <Text className="plan-error">{error('weekdays')}</Text>}
        </View>
      )}
      <Text className="plan-label">时间</Text>
      <View className="plan-times">
        <PickerChip
          mode="time"
          id="repeat-start"
          label="每场开始时间"
          value={clockOf(draft.startMinute)}
          onChange={(time) => set({ startMinute: minuteOf(time) })}
        />
        <Text className="plan-to">至</Text>
        <PickerChip
          mode="time"
          id="repeat-end"
          label="每场结束时间"
          value={clockOf(draft.endMinute)}
          onChange={(time) => set({ endMinute: minuteOf(time) })}
        />
      </View>
      {(error('startMinute') || error('endMinute')) && (
        <Text className="plan-error">{error('startMinute') ?? error('endMinute')}</Text>
      )}
      <Text className="plan-label">从哪天开始</Text>
      <View className="plan-times">
        <PickerChip
          mode="date"
          id="repeat-from"
          label="从哪天开始"
          value={dateOf(draft.from)}
          onChange={(date) => set({ from: chinaMs(date, '00:00') })}
        />
      </View>
      {error('from') && <Text className="plan-error">{error('from')}</Text>}
      <Text className="plan-label">到什么时候</Text>
      <View className="plan-times">
        {radio(draft.ends === 'count', '重复几次', () => set({ ends: 'count' }), 'repeat-ends-count')}
        {radio(draft.ends === 'until', '到某天为止', () => set({ ends: 'until' }), 'repeat-ends-until')}
      </View>
      <View className="plan-times repeat-rule-editor__end">
        {draft.ends === 'count' ? (
          <>
            <Text className="plan-to">共</Text>
            <Input
              id="repeat-count"
              className="plan-input plan-input--places"
              type="number"
              value={draft.count ? String(draft.count) : ''}
              onInput={(e) => set({ count: Number(e.detail.value) || 0 })}
              {...asField('重复次数')}
            />
            <Text className="plan-to">次</Text>
          </>
        ) : (
          <>
            <PickerChip
              mode="date"
              id="repeat-until"
              label="最后一天"
              value={dateOf(draft.until)}
              onChange={(date) => set({ until: chinaMs(date, '00:00') })}
            />
            <Text className="plan-to">为止（含当天）</Text>
          </>
        )}
      </View>
      {(error('until') || error('count')) && (
        <Text className="plan-error">{error('until') ?? error('count')}</Text>
      )}
      {made.length > 0 && <RulePreview sessions={made} />}
    </View>
  )
}

/** 「共 8 场：」 then the first few sessions, 「…」 and the last one. */
function RulePreview({ sessions }: { sessions: Array<{ startAt: number; endAt: number }> }) {
  const shown = sessions.length <= PREVIEW_LINES + 1 ? sessions : sessions.slice(0, PREVIEW_LINES)
  const last = sessions[sessions.length - 1]
  return (
    <View className="plan-preview" id="repeat-preview">
      <Text className="plan-preview__title">共 {sessions.length} 场：</Text>
      {shown.map((s) => (
        <Text key={s.startAt} className="plan-preview__line">
          {sessionLabel(s)}
        </Text>
      ))}
      {shown.length < sessions.length && (
        <>
          <Text className="plan-preview__more">…… 还有 {sessions.length - shown.length} 场，最后一场：</Text>
          <Text className="plan-preview__line">{sessionLabel(last)}</Text>
        </>
      )}
    </View>
  )
}
