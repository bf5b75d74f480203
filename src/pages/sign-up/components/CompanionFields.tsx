// 同行人: whom the volunteer brings along, when the call allows it (Call.companions): each one's name, 成人 or
// 儿童 and a child's age, and how many places the sign-up will take. The server checks the same rule
// (core/calls/companions.ts); its messages land under the same fields.
import { Input, Text, View } from '@tarojs/components'
import { asButton, asField } from '@components/a11y'
import { COMPANION_NAME_MAX_LENGTH, partyText } from '@core/calls/companions'
import type { Companion, CompanionKind, CompanionRule } from '@core/model'
import type { FieldErrors } from '@core/shared/validation'
import ChoiceList from './ChoiceList'
import './CompanionFields.scss'

/** A companion as typed: the age stays text until it is sent. */
export interface CompanionDraft {
  name: string
  kind: CompanionKind
  age: string
}

const KINDS: { kind: CompanionKind; label: string }[] = [
  { kind: 'adult', label: '成人' },
  { kind: 'child', label: '儿童' },
]

/** What the form sends: a child's age as a number (left as typed when it is not one, for the check to name). */
export function toCompanions(drafts: readonly CompanionDraft[]): Companion[] {
  return drafts.map(({ name, kind, age }) => {
    if (kind === 'adult') return { name, kind }
    const trimmed = age.trim()
    return { name, kind, age: /^\d{1,3}$/.test(trimmed) ? Number(trimmed) : (trimmed as unknown as number) }
  })
}

interface Props {
  rule: CompanionRule
  value: CompanionDraft[]
  errors: FieldErrors
  /** places left in the slot(s) the sign-up is for (undefined: several slots, each says its own) */
  spotsLeft?: number
  waitlist: boolean
  onChange: (value: CompanionDraft[], changed: string) => void
}

export default function CompanionFields({ rule, value, errors, spotsLeft, waitlist, onChange }: Props) {
  const party = 1 + value.length
  const set = (index: number, next: Partial<CompanionDraft>, field: string) =>
    onChange(
      value.map((draft, i) => (i === index ? { ...draft, ...next } : draft)),
      `companions.${index}.${field}`,
    )
  const kinds = rule.children ? KINDS : KINDS.slice(0, 1)
  const short = spotsLeft !== undefined && spotsLeft > 0 && party > spotsLeft
  return (
    <View className="form-group companions" id="field-companions">
      <Text className="form-group__title">同行人</Text>
      <Text className="companions__rule">
        每人最多可带 {rule.max} 位同行人
        {rule.children ? `，可带 ${rule.children.minAge}–${rule.children.maxAge} 岁儿童` : '（仅限成人）'}
        ，每位同行人占 1 个名额。
      </Text>
      {value.map((draft, index) => {
        const key = `companions.${index}`
        return (
          <View key={index} className="companion" id={`field-companions-${index}`}>
            <View className="companion__head">
              <Text className="companion__title">同行人 {index + 1}</Text>
              <Text
                className="companion__remove"
                id={`companion-remove-${index}`}
                onClick={() =>
                  onChange(
                    value.filter((_, i) => i !== index),
                    'companions',
                  )
                }
                {...asButton(`删除同行人 ${index + 1}`)}
              >
                删除
              </Text>
            </View>
            <View className={`form-field ${errors[`${key}.name`] ? 'form-field--error' : ''}`}>
              <Text className="form-field__label">
                姓名<Text className="form-field__required"> *</Text>
              </Text>
              <Input
                id={`companion-name-${index}`}
                className="form-field__input"
                value={draft.name}
                maxlength={COMPANION_NAME_MAX_LENGTH}
                placeholder="同行人姓名"
                {...asField(`同行人 ${index + 1} 姓名`)}
                onInput={(e) => set(index, { name: e.detail.value }, 'name')}
              />
              {errors[`${key}.name`] && <Text className="form-field__error">{errors[`${key}.name`]}</Text>}
            </View>
            {kinds.length > 1 && (
              <View
                className={`form-field ${errors[`${key}.kind`] ? 'form-field--error' : ''}`}
                id={`companion-kind-${index}`}
              >
                <ChoiceList
                  options={kinds.map((entry) => entry.label)}
                  chosen={[KINDS.find((entry) => entry.kind === draft.kind)?.label ?? '成人']}
                  multiple={false}
                  onChange={([label]) =>
                    set(
                      index,
                      { kind: KINDS.find((entry) => entry.label === label)?.kind ?? 'adult' },
                      'kind',
                    )
                  }
                />
                {errors[`${key}.kind`] && <Text className="form-field__error">{errors[`${key}.kind`]}</Text>}
              </View>
            )}
            {draft.kind === 'child' && (
              <View className={`form-field ${errors[`${key}.age`] ? 'form-field--error' : ''}`}>
                <Text className="form-field__label">
                  儿童年龄<Text className="form-field__required"> *</Text>
                </Text>
                <Input
                  id={`companion-age-${index}`}
                  className="form-field__input"
                  type="number"
                  value={draft.age}
                  maxlength={2}
                  placeholder={rule.children ? `${rule.children.minAge}–${rule.children.maxAge} 岁` : '周岁'}
                  {...asField(`同行人 ${index + 1} 年龄（周岁）`)}
                  onInput={(e) => set(index, { age: e.detail.value }, 'age')}
                />
                {errors[`${key}.age`] && <Text className="form-field__error">{errors[`${key}.age`]}</Text>}
              </View>
            )}
          </View>
        )
      })}
      {value.length < rule.max && (
        <View
          id="add-companion"
          className="companions__add"
          onClick={() => onChange([...value, { name: '', kind: 'adult', age: '' }], 'companions')}
          {...asButton('添加同行人')}
        >
          <Text className="companions__add-text">+ 添加同行人</Text>
        </View>
      )}
      {errors.companions && <Text className="form-field__error">{errors.companions}</Text>}
      <Text className="companions__party" id="party-size">
        {partyText(party)}
      </Text>
      {short && (
        <Text className="companions__short">
          {waitlist
            ? `只剩 ${spotsLeft} 个名额，不够 ${party} 人：提交后全体进入候补，有 ${party} 个名额时一起转为报名成功`
            : `只剩 ${spotsLeft} 个名额，不够 ${party} 人`}
        </Text>
      )}
    </View>
  )
}
