// 保险信息: the ID and the emergency contact a call asks for its 活动意外险, and what happens to them (what, why,
// who sees them, when they are deleted) right above an explicit agreement. Kept out of the phone's draft: an ID
// number is typed each time, never stored on the phone.
import { Input, Text, View } from '@tarojs/components'
import Icon from '@components/Icon'
import { asCheckbox, asField } from '@components/a11y'
import {
  type CompanionIdForm,
  EMERGENCY_NAME_MAX_LENGTH,
  ID_TYPES,
  type InsuranceForm,
  insuranceConsentText,
} from '@core/privacy/insurance'
import type { MaskedInsurance } from '@core/calls/contract'
import type { CallInsurance } from '@core/model'
import type { FieldErrors } from '@core/shared/validation'
import ChoiceList from './ChoiceList'
import './InsuranceFields.scss'

interface Props {
  setting: CallInsurance
  value: InsuranceForm
  errors: FieldErrors
  /** what the volunteer gave for another slot of this call, masked: leaving the fields empty keeps it */
  onFile?: MaskedInsurance
  /** the names of the companions on the form: each is insured too, so each gives an ID */
  companions: string[]
  onChange: (value: InsuranceForm, changed: string) => void
}

export default function InsuranceFields({ setting, value, errors, onFile, companions, onChange }: Props) {
  const set = (changed: string, next: Partial<InsuranceForm>) => onChange({ ...value, ...next }, changed)
  const setCompanion = (index: number, field: keyof CompanionIdForm, next: CompanionIdForm) => {
    const ids = companions.map((_, i) => value.companions?.[i] ?? {})
    ids[index] = next
    set(`companions.${index}.${field}`, { companions: ids })
  }
  const error = (key: string) => errors[`insurance.${key}`]
  const typeLabel = ID_TYPES.find((entry) => entry.type === value.idType)?.label
  return (
    <View className="form-group insurance" id="insurance">
      <Text className="form-group__title">保险信息</Text>
      <Text className="insurance__why">组织者将为本次活动购买活动意外险，需要以下信息。</Text>
      {onFile && (
        <Text className="insurance__on-file" id="insurance-on-file">
          你报名其他场次时已填写（
          {[onFile.idType, onFile.idNumber, onFile.emergencyName].filter(Boolean).join(' ')}
          ），留空即沿用；重新填写将替换之前的信息。
        </Text>
      )}
      {setting.idNumber && (
        <>
          <View
            className={`form-field ${error('idType') ? 'form-field--error' : ''}`}
            id="field-insurance-idType"
          >
            <Text className="form-field__label">
              证件类型<Text className="form-field__required"> *</Text>
            </Text>
            <ChoiceList
              options={ID_TYPES.map((entry) => entry.label)}
              chosen={typeLabel ? [typeLabel] : []}
              multiple={false}
              onChange={([label]) =>
                set('idType', { idType: ID_TYPES.find((entry) => entry.label === label)?.type })
              }
            />
            {error('idType') && <Text className="form-field__error">{error('idType')}</Text>}
          </View>
          <View
            className={`form-field ${error('idNumber') ? 'form-field--error' : ''}`}
            id="field-insurance-idNumber"
          >
            <Text className="form-field__label">
              证件号码<Text className="form-field__required"> *</Text>
            </Text>
            <Input
              id="insurance-id-number"
              className="form-field__input"
              type={value.idType === 'mainland' ? 'idcard' : 'text'}
              value={value.idNumber ?? ''}
              maxlength={20}
              placeholder={value.idType === 'mainland' ? '18位身份证号' : '与证件上一致'}
              {...asField('证件号码')}
              onInput={(e) => set('idNumber', { idNumber: e.detail.value })}
            />
            {error('idNumber') && <Text className="form-field__error">{error('idNumber')}</Text>}
          </View>
          {companions.map((name, index) => (
            <CompanionId
              key={index}
              index={index}
              name={name}
              value={value.companions?.[index] ?? {}}
              errors={errors}
              onChange={(field, next) => setCompanion(index, field, next)}
            />
          ))}
        </>
      )}
      {setting.emergencyContact && (
        <>
          <View
            className={`form-field ${error('emergencyName') ? 'form-field--error' : ''}`}
            id="field-insurance-emergencyName"
          >
            <Text className="form-field__label">
              紧急联系人<Text className="form-field__required"> *</Text>
            </Text>
            <Input
              id="insurance-emergency-name"
              className="form-field__input"
              value={value.emergencyName ?? ''}
              maxlength={EMERGENCY_NAME_MAX_LENGTH}
              placeholder="姓名"
              {...asField('紧急联系人姓名')}
              onInput={(e) => set('emergencyName', { emergencyName: e.detail.value })}
            />
            {error('emergencyName') && <Text className="form-field__error">{error('emergencyName')}</Text>}
          </View>
          <View
            className={`form-field ${error('emergencyPhone') ? 'form-field--error' : ''}`}
            id="field-insurance-emergencyPhone"
          >
            <Text className="form-field__label">
              紧急联系人电话<Text className="form-field__required"> *</Text>
            </Text>
            <Input
              id="insurance-emergency-phone"
              className="form-field__input"
              type="number"
              value={value.emergencyPhone ?? ''}
              maxlength={16}
              placeholder="手机号或带区号的电话"
              {...asField('紧急联系人电话')}
              onInput={(e) => set('emergencyPhone', { emergencyPhone: e.detail.value })}
            />
            {error('emergencyPhone') && <Text className="form-field__error">{error('emergencyPhone')}</Text>}
          </View>
        </>
      )}
      <View className="insurance__notice" id="insurance-notice">
        {insuranceConsentText(setting).map((line) => (
          <Text key={line} className="insurance__line">
            {line}
          </Text>
        ))}
      </View>
      <View
        id="insurance-consent"
        className={`privacy__consent ${error('consent') ? 'privacy__consent--error' : ''}`}
        onClick={() => set('consent', { consent: !value.consent })}
        {...asCheckbox('我已阅读并同意以上保险信息的收集和使用', value.consent)}
      >
        <View className={`consent-box ${value.consent ? 'consent-box--on' : ''}`}>
          {value.consent && <Icon name="check" size={24} color="white" />}
        </View>
        <Text className="privacy__agree">我已阅读并同意以上保险信息的收集和使用</Text>
      </View>
      {error('consent') && <Text className="form-field__error">{error('consent')}</Text>}
    </View>
  )
}

/** A companion's ID type and number: a family is insured person by person. */
function CompanionId(props: {
  index: number
  name: string
  value: CompanionIdForm
  errors: FieldErrors
  onChange: (field: keyof CompanionIdForm, next: CompanionIdForm) => void
}) {
  const { index, name, value, errors, onChange } = props
  const key = `insurance.companions.${index}`
  const typeLabel = ID_TYPES.find((entry) => entry.type === value.idType)?.label
  const who = `同行人 ${index + 1}${name.trim() ? `（${name.trim()}）` : ''}`
  return (
    <View className="insurance__companion" id={`field-insurance-companions-${index}`}>
      <View
        className={`form-field ${errors[`${key}.idType`] ? 'form-field--error' : ''}`}
        id={`field-insurance-companions-${index}-idType`}
      >
        <Text className="form-field__label">
          {who}的证件类型<Text className="form-field__required"> *</Text>
        </Text>
        <ChoiceList
          options={ID_TYPES.map((entry) => entry.label)}
          chosen={typeLabel ? [typeLabel] : []}
          multiple={false}
          onChange={([label]) =>
            onChange('idType', { ...value, idType: ID_TYPES.find((entry) => entry.label === label)?.type })
          }
        />
        {errors[`${key}.idType`] && <Text className="form-field__error">{errors[`${key}.idType`]}</Text>}
      </View>
      <View
        className={`form-field ${errors[`${key}.idNumber`] ? 'form-field--error' : ''}`}
        id={`field-insurance-companions-${index}-idNumber`}
      >
        <Text className="form-field__label">
          {who}的证件号码<Text className="form-field__required"> *</Text>
        </Text>
        <Input
          id={`insurance-companion-id-${index}`}
          className="form-field__input"
          type={value.idType === 'mainland' ? 'idcard' : 'text'}
          value={value.idNumber ?? ''}
          maxlength={20}
          placeholder={value.idType === 'mainland' ? '18位身份证号' : '与证件上一致'}
          {...asField(`${who}的证件号码`)}
          onInput={(e) => onChange('idNumber', { ...value, idNumber: e.detail.value })}
        />
        {errors[`${key}.idNumber`] && <Text className="form-field__error">{errors[`${key}.idNumber`]}</Text>}
      </View>
    </View>
  )
}
