// 同行人: whether a volunteer may bring others (家属、朋友, or children for a 亲子活动), how many, and which children's
// ages (core/calls/companions.ts). Fixed once published, like the questions: the places of those already signed up
// were counted under the rule they signed up with.
import { Input, Switch, Text, View } from '@tarojs/components'
import { asField } from '@components/a11y'
import { CHILD_AGE_MAX, companionRuleText, MAX_COMPANIONS } from '@core/calls/companions'
import type { CompanionRule } from '@core/model'

interface Props {
  value?: CompanionRule
  published: boolean
  errors: Record<string, string>
  onChange: (value: CompanionRule | undefined) => void
}

/** A number typed into a field: NaN for anything else, so the check names it (0 stays 0). */
const typed = (text: string) => (text.trim() === '' ? Number.NaN : Number(text))

export default function CompanionsSetting({ value, published, errors, onChange }: Props) {
  if (published) {
    return (
      <View className="console-card">
        <Text className="console-title">同行人</Text>
        <Text className="console-note">{companionRuleText(value)}（发布后不能修改）</Text>
      </View>
    )
  }
  const error = (key: string) => errors[`companions.${key}`]
  return (
    <View className="console-card" id="call-companions">
      <View className="console-row">
        <Text>允许带同行人（每人占 1 个名额）</Text>
        <Switch
          id="call-companions-switch"
          checked={value !== undefined}
          onChange={(e) => onChange(e.detail.value ? { max: 1 } : undefined)}
          {...asField('允许带同行人', 'switch')}
        />
      </View>
      {value && (
        <>
          <View className="chips call-max-slots">
            <Text className="console-note">每人最多带</Text>
            <Input
              id="call-companions-max"
              className="field__input call-max-slots__input"
              type="number"
              value={Number.isNaN(value.max) ? '' : String(value.max)}
              onInput={(e) => onChange({ ...value, max: typed(e.detail.value) })}
              {...asField('每人最多带几位同行人')}
            />
            <Text className="console-note">人（1–{MAX_COMPANIONS}）</Text>
          </View>
          {error('max') && <Text className="field__error">{error('max')}</Text>}
          <View className="console-row">
            <Text>可带儿童（亲子活动）</Text>
            <Switch
              id="call-companions-children"
              checked={value.children !== undefined}
              onChange={(e) =>
                onChange(
                  e.detail.value ? { ...value, children: { minAge: 3, maxAge: 12 } } : { max: value.max },
                )
              }
              {...asField('可带儿童', 'switch')}
            />
          </View>
          {value.children && (
            <View className="chips call-max-slots">
              <Text className="console-note">儿童年龄</Text>
              <Input
                id="call-companions-min-age"
                className="field__input call-max-slots__input"
                type="number"
                value={Number.isNaN(value.children.minAge) ? '' : String(value.children.minAge)}
                onInput={(e) =>
                  value.children &&
                  onChange({ ...value, children: { ...value.children, minAge: typed(e.detail.value) } })
                }
                {...asField('儿童最小年龄')}
              />
              <Text className="console-note">至</Text>
              <Input
                id="call-companions-max-age"
                className="field__input call-max-slots__input"
                type="number"
                value={Number.isNaN(value.children.maxAge) ? '' : String(value.children.maxAge)}
                onInput={(e) =>
                  value.children &&
                  onChange({ ...value, children: { ...value.children, maxAge: typed(e.detail.value) } })
                }
                {...asField('儿童最大年龄')}
              />
              <Text className="console-note">岁（0–{CHILD_AGE_MAX}）</Text>
            </View>
          )}
          {(error('minAge') || error('maxAge')) && (
            <Text className="field__error">{error('minAge') ?? error('maxAge')}</Text>
          )}
          <Text className="console-note">
            志愿者报名时填写每位同行人的姓名{value.children ? '，儿童还需填写年龄' : ''}
            ；一人带同行人报名占多个名额，候补时整组一起转为报名成功。
          </Text>
        </>
      )}
    </View>
  )
}
