// The NGO's rounding rule for hours, in words, and its two thresholds edited in place (applies to every call of
// the NGO from the next check-out on; hours already recorded keep their value).
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { describeRule, ruleProblem } from '@core/attendance/hours'
import { type HoursRule } from '@core/model'
import { setHoursRule } from '@services/attendance/attendance'

interface Props {
  ngoId: string
  rule: HoursRule
  onChange: () => void
}

export default function HoursRuleCard({ ngoId, rule, onChange }: Props) {
  const [editing, setEditing] = useState(false)
  const [zeroBelow, setZeroBelow] = useState(String(rule.zeroBelow))
  const [halfBelow, setHalfBelow] = useState(String(rule.halfBelow))
  const [saving, setSaving] = useState(false)

  const save = async () => {
    const next = { zeroBelow: Number(zeroBelow), halfBelow: Number(halfBelow) }
    const problem = ruleProblem(next)
    if (problem) return Taro.showToast({ title: problem, icon: 'none' })
    setSaving(true)
    const result = await setHoursRule({ ngoId, rule: next })
    setSaving(false)
    if (!result.ok) return Taro.showToast({ title: result.message, icon: 'none' })
    setEditing(false)
    Taro.showToast({ title: '计时规则已保存', icon: 'none' })
    onChange()
  }

  return (
    <View className="console-card">
      <View className="console-row hours-rule__head">
        <Text className="console-title">计时规则</Text>
        {!editing && (
          <Text className="console-link" onClick={() => setEditing(true)}>
            修改
          </Text>
        )}
      </View>
      <Text className="console-note" id="hours-rule">
        {describeRule(rule)}
      </Text>
      {editing && (
        <View>
          <View className="hours-rule__field">
            <Text className="field__label">余下不足几分钟不计</Text>
            <Input
              id="rule-zero-below"
              className="field__input"
              type="number"
              value={zeroBelow}
              onInput={(e) => setZeroBelow(e.detail.value)}
            />
          </View>
          <View className="hours-rule__field">
            <Text className="field__label">满几分钟计 1 小时（之间计 0.5 小时）</Text>
            <Input
              id="rule-half-below"
              className="field__input"
              type="number"
              value={halfBelow}
              onInput={(e) => setHalfBelow(e.detail.value)}
            />
          </View>
          <View className="console-actions">
            <Button className="console-button" onClick={() => setEditing(false)}>
              取消
            </Button>
            <Button className="console-button console-button--primary" loading={saving} onClick={save}>
              保存规则
            </Button>
          </View>
        </View>
      )}
    </View>
  )
}
