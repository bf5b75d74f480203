// One attendee's hours on the organizer's 工时 screen: times, minutes, hours and their state, the last edit with
// its reason, and 修改 (hours + reason) until the hours are confirmed.
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { AttendanceView, HoursStatus } from '@core/attendance/contract'
import Icon from '@components/Icon'
import { asCheckbox } from '@components/a11y'
import { editHours } from '@services/attendance/attendance'
import { clockTime } from '../checkin/attendee'

const HOURS_STATUS: Record<HoursStatus, string> = { none: '未记录', recorded: '待确认', confirmed: '已确认' }

interface Props {
  callId: string
  entry: AttendanceView
  /** on a call of several slots: the row's session and/or role in words */
  slot?: string
  selected: boolean
  onSelect: () => void
  onChange: () => void
}

export default function HoursEntry({ callId, entry, slot, selected, onSelect, onChange }: Props) {
  const [editing, setEditing] = useState(false)
  const [hours, setHours] = useState(entry.hours === undefined ? '' : String(entry.hours))
  const [reason, setReason] = useState('')
  const [saving, setSaving] = useState(false)
  const editable = entry.hoursStatus !== 'confirmed' && entry.status !== 'no_show' && !!entry.checkedInAt

  const save = async () => {
    const value = Number(hours)
    if (hours.trim() === '' || !Number.isFinite(value))
      return Taro.showToast({ title: '请填写时长', icon: 'none' })
    setSaving(true)
    const result = await editHours({ callId, signUpId: entry.signUpId, hours: value, reason: reason.trim() })
    setSaving(false)
    if (!result.ok) return Taro.showToast({ title: result.message, icon: 'none' })
    setEditing(false)
    setReason('')
    onChange()
  }

  const times = entry.checkedInAt
    ? `${clockTime(entry.checkedInAt)}–${entry.checkedOutAt ? clockTime(entry.checkedOutAt) : '未签退'}`
    : entry.status === 'no_show'
      ? '缺席'
      : '未签到'

  return (
    <View className="hours-entry" id={`hours-${entry.signUpId}`}>
      <View className="hours-entry__main">
        {entry.hoursStatus === 'recorded' ? (
          <View
            className={`hours-entry__check ${selected ? 'hours-entry__check--on' : ''}`}
            onClick={onSelect}
            {...asCheckbox(`选择${entry.name}`, selected)}
          >
            {selected && <Icon name="check" size={28} color="white" />}
          </View>
        ) : (
          <View className="hours-entry__check hours-entry__check--none" />
        )}
        <View className="hours-entry__who">
          <Text className="hours-entry__name">
            {entry.name}
            {entry.walkIn ? '（现场）' : ''}
          </Text>
          {slot && <Text className="hours-entry__slot">{slot}</Text>}
          <Text className="console-note">
            {times}
            {entry.minutes !== undefined ? ` · ${entry.minutes} 分钟` : ''}
          </Text>
        </View>
        <View className="hours-entry__hours">
          <Text className="hours-entry__value">
            {entry.hours === undefined ? '—' : `${entry.hours} 小时`}
          </Text>
          <Text className={`hours-entry__status hours-entry__status--${entry.hoursStatus}`}>
            {HOURS_STATUS[entry.hoursStatus]}
          </Text>
        </View>
      </View>
      {entry.hoursEdit && (
        <Text className="console-note hours-entry__edit">
          按规则 {entry.hoursEdit.from} 小时，改为 {entry.hoursEdit.to} 小时：{entry.hoursEdit.reason}
        </Text>
      )}
      {editable && !editing && (
        <Text className="console-link hours-entry__modify" onClick={() => setEditing(true)}>
          修改
        </Text>
      )}
      {editing && (
        <View className="hours-entry__form">
          <Input
            className="field__input"
            type="digit"
            placeholder="时长（小时，0.5 的倍数）"
            value={hours}
            onInput={(e) => setHours(e.detail.value)}
          />
          <Input
            className="field__input"
            placeholder="修改原因（必填，会记录下来）"
            maxlength={100}
            value={reason}
            onInput={(e) => setReason(e.detail.value)}
          />
          <View className="console-actions">
            <Button className="console-button" onClick={() => setEditing(false)}>
              取消
            </Button>
            <Button className="console-button console-button--primary" loading={saving} onClick={save}>
              保存
            </Button>
          </View>
        </View>
      )}
    </View>
  )
}
