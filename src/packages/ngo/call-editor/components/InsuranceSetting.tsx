// 需要购买保险: the call asks volunteers for an ID number and an emergency contact (core/privacy/insurance.ts), kept
// so many days after the last session. Fixed once published, like the questions: sign-ups already made would
// otherwise lack what is asked, or have given what is no longer needed.
import { Input, Switch, Text, View } from '@tarojs/components'
import { asField } from '@components/a11y'
import { RETENTION_DAYS_DEFAULT, RETENTION_DAYS_MAX, RETENTION_DAYS_MIN } from '@core/privacy/insurance'
import type { CallInsurance } from '@core/model'

interface Props {
  value?: CallInsurance
  published: boolean
  errors: Record<string, string>
  onChange: (value: CallInsurance | undefined) => void
}

export default function InsuranceSetting({ value, published, errors, onChange }: Props) {
  if (published) {
    return (
      <View className="console-card">
        <Text className="console-title">保险信息</Text>
        <Text className="console-note">
          {value
            ? `收集${value.idNumber ? '证件号码' : ''}${value.idNumber && value.emergencyContact ? '和' : ''}${value.emergencyContact ? '紧急联系人' : ''}，活动结束 ${value.retentionDays} 天后自动删除（发布后不能修改）`
            : '不收集（发布后不能修改）'}
        </Text>
      </View>
    )
  }
  const on = value !== undefined
  return (
    <View className="console-card" id="call-insurance">
      <View className="console-row">
        <Text>需要购买保险（收集身份证号）</Text>
        <Switch
          checked={on}
          onChange={(e) =>
            onChange(
              e.detail.value
                ? { idNumber: true, emergencyContact: true, retentionDays: RETENTION_DAYS_DEFAULT }
                : undefined,
            )
          }
          {...asField('需要购买保险（收集身份证号）', 'switch')}
        />
      </View>
      {value && (
        <>
          <View className="console-row">
            <Text>同时收集紧急联系人</Text>
            <Switch
              checked={value.emergencyContact}
              onChange={(e) => onChange({ ...value, emergencyContact: e.detail.value })}
              {...asField('同时收集紧急联系人', 'switch')}
            />
          </View>
          <View className="chips call-max-slots">
            <Text className="console-note">活动结束</Text>
            <Input
              id="call-insurance-days"
              className="field__input call-max-slots__input"
              type="number"
              value={value.retentionDays ? String(value.retentionDays) : ''}
              onInput={(e) => onChange({ ...value, retentionDays: Number(e.detail.value) || 0 })}
              {...asField('活动结束几天后删除保险信息')}
            />
            <Text className="console-note">
              天后自动删除（{RETENTION_DAYS_MIN}–{RETENTION_DAYS_MAX} 天）
            </Text>
          </View>
          {errors['insurance.retentionDays'] && (
            <Text className="field__error">{errors['insurance.retentionDays']}</Text>
          )}
          <Text className="console-note">
            证件号码加密保存，名单中只显示打码后的号码；仅机构负责人可在活动管理中导出投保名单，每次导出都会记录。
          </Text>
        </>
      )}
    </View>
  )
}
